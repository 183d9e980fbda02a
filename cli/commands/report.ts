// `aiguard report --events FILE`: a report from a real `pulumi preview --policy-pack … --event-log FILE`
// run. The engine's policy events and policy summaries are joined with the metadata of the pack the
// run used (served here once, for its GetAnalyzerInfo) and rendered through the one report model, in
// every format `preview` and `analyze` offer. Events of other packs and of other kinds are ignored.
import * as path from "node:path";
import { reconcilePolicyConfig } from "../../harness/config";
import type { AnalyzerInfoView, Diagnostic, NotApplicable, RunResult } from "../../harness/engine";
import { isUndecidedMessage } from "../../harness/engine";
import type { ResourceSnapshot, WireObject } from "../../harness/model";
import { defaultAiTags, defaultBusinessTags } from "../../policy-pack/core/classification";
import { policies } from "../../policy-pack/policies";
import { type EventLog, type PolicySummary, readEventLog, urnParts } from "../events";
import { classifyResources } from "../finding-layers";
import type { Io } from "../io";
import { type RunOptions, readPolicyConfig, tagSelectors } from "../options";
import { planOutputs, writeReportFile } from "../outputs";
import { defaultPackDir, toolVersion } from "../paths";
import { digest, shownPath } from "../provenance";
import { renderers } from "../render/formats";
import { buildReport, type Report } from "../report";
import { servedPackInfo } from "../served-pack";

/** What the engine's events say about one pack's run, in the shape the report model reads. */
export interface EventRun {
    readonly project: string;
    readonly stack: string;
    readonly result: RunResult;
    readonly resources: readonly ResourceSnapshot[];
    /** Whether the log holds the engine's per-resource summaries (which policies passed). */
    readonly hasSummaries: boolean;
}

function snapshotOf(r: EventLog["resources"][number]): ResourceSnapshot {
    const parts = urnParts(r.urn);
    return {
        urn: r.urn,
        type: r.type || parts?.type || "",
        name: parts?.name ?? r.urn,
        custom: !r.type.startsWith("pulumi:"),
        ...(r.parent ? { parent: r.parent } : {}),
        inputs: r.inputs as WireObject,
        outputs: r.outputs as WireObject,
        // Step events carry no dependencies: the classification works from types and tags alone.
        dependencies: [],
        propertyDependencies: {},
    };
}

/** The policies a summary names neither passed nor failed did not apply to that resource (or stack). */
function notApplicableOf(summary: PolicySummary, info: AnalyzerInfoView): NotApplicable[] {
    const judged = new Set([...summary.passed, ...summary.failed]);
    const fromStack = summary.urn === "";
    return info.policies
        .filter((p) => (p.kind === "stack") === fromStack && !judged.has(p.name))
        .map((p) => ({
            policy: p.name,
            urn: summary.urn,
            reason: "the engine's policy summary lists it as neither passed nor failed",
            fromStack,
        }));
}

export function eventRun(log: EventLog, info: AnalyzerInfoView, config: RunResult["config"]): EventRun {
    const ours = <T extends { packName: string }>(xs: readonly T[]) => xs.filter((x) => x.packName === info.name);
    const resources = log.resources.map(snapshotOf);
    const root = resources.find((r) => r.type === "pulumi:pulumi:Stack");
    const first = urnParts(root?.urn ?? resources[0]?.urn ?? log.violations[0]?.urn ?? "");
    const byPolicy = new Map(info.policies.map((p) => [p.name, p] as const));
    const byUrn = new Map(resources.map((r) => [r.urn, r] as const));
    const diagnostics: Diagnostic[] = ours(log.violations).map((v) => {
        // A stack policy's diagnostic without a URN belongs to the stack, as the engine shows it.
        const urn = v.urn || root?.urn || "";
        const parts = urnParts(urn);
        const policy = byPolicy.get(v.policy);
        return {
            policy: v.policy,
            packName: v.packName,
            packVersion: v.packVersion,
            urn,
            type: byUrn.get(urn)?.type ?? parts?.type ?? "",
            name: parts?.name ?? urn,
            message: v.message,
            enforcementLevel: v.enforcementLevel,
            severity: policy?.severity ?? "unspecified",
            undecided: isUndecidedMessage(v.message),
            fromStack: policy?.kind === "stack",
        };
    });
    const summaries = ours(log.summaries);
    const analyzedUrns = [...new Set(summaries.filter((s) => s.urn !== "").map((s) => s.urn))];
    const decided = diagnostics.filter((d) => !d.undecided);
    return {
        project: first?.project ?? "",
        stack: first?.stack ?? "",
        resources,
        hasSummaries: summaries.length > 0,
        result: {
            diagnostics,
            notApplicable: summaries.flatMap((s) => notApplicableOf(s, info)),
            analyzedUrns,
            resourcesEvaluated: analyzedUrns.length > 0 ? analyzedUrns.length : resources.length,
            config,
            mandatory: decided.filter((d) => d.enforcementLevel === "mandatory").length,
            advisory: decided.filter((d) => d.enforcementLevel === "advisory").length,
            undecided: diagnostics.length - decided.length,
            timings: { analyzeMs: 0, stackMs: 0 },
        },
    };
}

/** Stderr notes when the log and the served pack do not match, so a report never silently misleads. */
function mismatchNotes(log: EventLog, info: AnalyzerInfoView, run: EventRun): string[] {
    const notes: string[] = [];
    const fromPack = [...log.violations, ...log.summaries].filter((e) => e.packName === info.name);
    const named = log.packs[info.name];
    if (fromPack.length === 0 && named === undefined) {
        const others = [...new Set([...log.violations, ...log.summaries].map((e) => e.packName))];
        notes.push(
            `note: ${log.file} holds no results of policy pack ${info.name}${others.length > 0 ? ` (it has results of ${others.join(", ")})` : ""}; was it run with --policy-pack?`,
        );
    }
    const versions = new Set(fromPack.map((e) => e.packVersion).filter((v) => v !== ""));
    for (const v of versions) {
        if (v !== info.version) {
            notes.push(
                `note: ${log.file} was written by ${info.name}@${v}; the metadata shown is that of ${info.name}@${info.version}`,
            );
        }
    }
    if (!run.hasSummaries && fromPack.length > 0) {
        notes.push(
            `note: ${log.file} has no policy summary events (older pulumi): only violations are known, passes are not`,
        );
    }
    return notes;
}

export async function reportFromEvents(file: string, options: RunOptions, io: Io): Promise<number> {
    const startedAt = new Date();
    const destinations = planOutputs(options.formats, options.outputs, options.outputDir);
    const log = readEventLog(file);
    const packDir = path.resolve(options.policyPack ?? defaultPackDir);
    const userConfig = readPolicyConfig(options.policyConfig);
    const info = await servedPackInfo(packDir);
    const config = reconcilePolicyConfig(info.policies, info.initialConfig, userConfig, options.policyConfig);
    const run = eventRun(log, info, config);
    for (const note of mismatchNotes(log, info, run)) {
        io.stderr(`${note}\n`);
    }
    const selectors = {
        aiTags: tagSelectors(options.aiTag, defaultAiTags, "--ai-tag"),
        businessTags: tagSelectors(options.businessTag, defaultBusinessTags, "--business-tag"),
    };
    const packLocation = shownPath(packDir);
    const report: Report = buildReport({
        toolVersion,
        pack: { name: info.name, version: info.version },
        mode: "events",
        project: run.project,
        stack: run.stack,
        result: run.result,
        policies,
        info,
        // Without the engine's summaries nothing says which policies passed: only judged results are known.
        ...(run.hasSummaries
            ? {
                  evaluation: {
                      result: run.result,
                      resources: run.resources.map((r) => ({ urn: r.urn, type: r.type, name: r.name })),
                      classes: classifyResources(run.resources, selectors),
                  },
              }
            : {}),
        selectors,
        ...(options.policyConfig ? { policyConfigFile: shownPath(path.resolve(options.policyConfig)) } : {}),
        provenance: {
            tool: { name: "aiguard", version: toolVersion },
            pack: { name: info.name, version: info.version, location: packLocation },
            startedAt:
                log.startedAt !== undefined ? new Date(log.startedAt * 1000).toISOString() : startedAt.toISOString(),
            finishedAt:
                log.endedAt !== undefined ? new Date(log.endedAt * 1000).toISOString() : new Date().toISOString(),
            inputs: [
                digest("event-log", file),
                ...(options.policyConfig ? [digest("policy-config", options.policyConfig)] : []),
            ],
        },
    });
    for (const d of destinations) {
        const text = renderers[d.format].render(report, {
            packLocation,
            ...(options.groupBy ? { groupBy: options.groupBy } : {}),
        });
        if (d.file !== undefined) {
            writeReportFile(d.file, text);
            io.stderr(`Wrote the ${d.format} report to ${d.file}\n`);
        } else {
            io.stdout(text);
        }
    }
    return report.summary.mandatory > 0 || (options.strict && report.summary.undecided > 0) ? 1 : 0;
}
