// The common tail of `preview` and `analyze`: run the pack over resources, build the report model
// and render it in every requested format.
import * as path from "node:path";
import { analyzeOnce } from "../../harness/engine";
import type { ResourceSnapshot } from "../../harness/model";
import { defaultAiTags, defaultBusinessTags } from "../../policy-pack/core/classification";
import { policies } from "../../policy-pack/policies";
import { classifyResources } from "../finding-layers";
import type { Io } from "../io";
import { type RunOptions, readPolicyConfig, tagSelectors, withTagSelectors } from "../options";
import { planOutputs, writeReportFile } from "../outputs";
import { defaultPackDir, packageRoot, toolVersion } from "../paths";
import { digest, gitCommit, type InputDigest, shownPath } from "../provenance";
import { renderers } from "../render/formats";
import { buildReport, type Mode, type Report } from "../report";
import { unmatchedResourceWaivers } from "../waiver-check";

export interface EvaluateInput {
    readonly mode: Mode;
    readonly project: string;
    readonly stack: string;
    readonly resources: ResourceSnapshot[];
    readonly config: Record<string, string>;
    /** When the command started, before reading its inputs. */
    readonly startedAt?: Date;
    /** Digests of the state file or program files the resources came from. */
    readonly inputs?: readonly InputDigest[];
}

export async function evaluateAndReport(input: EvaluateInput, options: RunOptions, io: Io): Promise<number> {
    // Decided before the run, so a bad combination of flags fails fast.
    const destinations = planOutputs(options.formats, options.outputs, options.outputDir);
    const { report, packLocation } = await evaluateToReport(input, options, io);
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
    return exitStatus(report, options);
}

/** 1 when a mandatory violation remains (or, with --strict, a check is undecided), else 0. */
export function exitStatus(report: Report, options: Pick<RunOptions, "strict">): number {
    return report.summary.mandatory > 0 || (options.strict && report.summary.undecided > 0) ? 1 : 0;
}

/** Runs the pack over the resources and builds the report model, without rendering it. */
export async function evaluateToReport(
    input: EvaluateInput,
    options: RunOptions,
    io: Io,
): Promise<{ report: Report; packLocation: string }> {
    const startedAt = input.startedAt ?? new Date();
    const packDir = path.resolve(options.policyPack ?? defaultPackDir);
    const policyConfig = withTagSelectors(readPolicyConfig(options.policyConfig), policies, options);
    const dryRun = input.mode === "preview";
    const showProgress = io.stderrIsTty && input.resources.length >= 500;
    const { info, result } = await analyzeOnce(
        { packDir, project: input.project, stack: input.stack, dryRun, config: input.config },
        {
            resources: input.resources,
            dryRun,
            config: input.config,
            ...(policyConfig
                ? { policyConfig, policyConfigOrigin: options.policyConfig ?? "--ai-tag/--business-tag" }
                : {}),
            ...(showProgress
                ? {
                      onProgress: (done: number, total: number) => {
                          if (done % 250 === 0 || done === total) {
                              io.stderr(`\ranalyzed ${done}/${total} resources`);
                              if (done === total) {
                                  io.stderr("\n");
                              }
                          }
                      },
                  }
                : {}),
        },
    );
    const selectors = {
        aiTags: tagSelectors(options.aiTag, defaultAiTags, "--ai-tag"),
        businessTags: tagSelectors(options.businessTag, defaultBusinessTags, "--business-tag"),
    };
    const packLocation = shownPath(packDir);
    const report = buildReport({
        toolVersion,
        pack: { name: info.name, version: info.version },
        mode: input.mode,
        project: input.project,
        stack: input.stack,
        result,
        policies,
        info,
        unmatchedWaivers: unmatchedResourceWaivers(policyConfig, policies, input.resources),
        sources: new Map(
            input.resources.flatMap((r) =>
                r.source ? [[r.urn, { file: shownPath(r.source.file), line: r.source.line }] as const] : [],
            ),
        ),
        evaluation: {
            result,
            resources: input.resources.map((r) => ({ urn: r.urn, type: r.type, name: r.name })),
            classes: classifyResources(input.resources, selectors),
        },
        selectors,
        ...(options.policyConfig ? { policyConfigFile: shownPath(path.resolve(options.policyConfig)) } : {}),
        provenance: {
            tool: withCommit({ name: "aiguard" as const, version: toolVersion }, gitCommit(packageRoot, [packageRoot])),
            pack: withCommit(
                { name: info.name, version: info.version, location: packLocation },
                gitCommit(packDir, [packDir, path.dirname(packDir)]),
            ),
            startedAt: startedAt.toISOString(),
            finishedAt: new Date().toISOString(),
            inputs: [
                ...(input.inputs ?? []),
                ...(options.policyConfig ? [digest("policy-config", options.policyConfig)] : []),
            ],
        },
    });
    return { report, packLocation };
}

function withCommit<T extends object>(base: T, commit: string | undefined): T & { commit?: string } {
    return commit ? { ...base, commit } : base;
}
