// Engine event logs as `pulumi preview --event-log FILE` writes them, for tests. The types follow the
// engine's own (pulumi/pulumi sdk/go/common/apitype/events.go, JSON field names from its tags), and
// the policy events come from running the real pack through the harness on a state file, worded as
// the engine words them (colour directives around the message, `advisory`/`mandatory` levels).
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { PolicyConfigFile } from "../../harness/config";
import { analyzeOnce, type RunResult } from "../../harness/engine";
import type { ResourceSnapshot } from "../../harness/model";
import { readStateFile } from "../../harness/state-file";

interface PolicyEvent {
    resourceUrn?: string;
    message: string;
    color: string;
    policyName: string;
    policyPackName: string;
    policyPackVersion: string;
    policyPackVersionTag: string;
    enforcementLevel: string;
}
interface PolicySummaryFields {
    policyPackName: string;
    policyPackVersion: string;
    policyPackVersionTag: string;
    passed?: string[];
    failed?: string[];
}
interface StepEventStateMetadata {
    type: string;
    urn: string;
    id: string;
    parent: string;
    inputs: Record<string, unknown>;
    outputs: Record<string, unknown>;
    provider: string;
}
interface StepEventMetadata {
    op: string;
    urn: string;
    type: string;
    old: StepEventStateMetadata | null;
    new: StepEventStateMetadata | null;
    detailedDiff: Record<string, unknown> | null;
    provider: string;
}
export interface EngineEvent {
    sequence: number;
    timestamp: number;
    cancelEvent?: Record<string, never>;
    stdoutEvent?: { message: string; color: string };
    diagnosticEvent?: { urn?: string; message: string; color: string; severity: string };
    preludeEvent?: { config: Record<string, string> };
    summaryEvent?: {
        maybeCorrupt: boolean;
        durationSeconds: number;
        resourceChanges: Record<string, number>;
        PolicyPacks: Record<string, string>;
        isPreview: boolean;
    };
    resourcePreEvent?: { metadata: StepEventMetadata; planning?: boolean };
    resOutputsEvent?: { metadata: StepEventMetadata; planning?: boolean };
    policyEvent?: PolicyEvent;
    policyLoadEvent?: Record<string, never>;
    policyAnalyzeSummaryEvent?: PolicySummaryFields & { resourceUrn: string };
    policyAnalyzeStackSummaryEvent?: PolicySummaryFields;
    progressEvent?: { type: string; id: string; message: string; received: number; total: number; done: boolean };
}

type Payload = Omit<EngineEvent, "sequence" | "timestamp">;

/** How the engine wraps a policy message: note colour, the message, reset, a newline. */
export const engineMessage = (message: string) => `<{%fg 12%}>${message}<{%reset%}>\n`;

function step(r: ResourceSnapshot): StepEventMetadata {
    const state: StepEventStateMetadata = {
        type: r.type,
        urn: r.urn,
        id: "",
        parent: r.parent ?? "",
        inputs: r.inputs,
        outputs: r.outputs,
        provider: r.provider ?? "",
    };
    return { op: "create", urn: r.urn, type: r.type, old: null, new: state, detailedDiff: null, provider: "" };
}

export interface EventLogSpec {
    readonly packDir: string;
    readonly stateFile: string;
    readonly policyConfig?: PolicyConfigFile;
    /** Leave out the policy summary events, as pulumi releases before them do. */
    readonly withoutSummaries?: boolean;
}

/** Runs the pack over the state file and writes what the engine would log for that preview. */
export async function engineEvents(spec: EventLogSpec): Promise<{ events: EngineEvent[]; result: RunResult }> {
    const state = readStateFile(spec.stateFile);
    const { info, result } = await analyzeOnce(
        { packDir: spec.packDir, project: state.project, stack: state.stack, dryRun: true },
        {
            resources: state.resources,
            dryRun: true,
            ...(spec.policyConfig ? { policyConfig: spec.policyConfig, policyConfigOrigin: "test" } : {}),
        },
    );
    const pack = { policyPackName: info.name, policyPackVersion: info.version, policyPackVersionTag: info.version };
    const payloads: Payload[] = [
        { preludeEvent: { config: { "aws:region": "us-east-1" } } },
        { policyLoadEvent: {} },
        { progressEvent: { type: "plugin-download", id: "aws", message: "", received: 1, total: 1, done: true } },
        { stdoutEvent: { message: "unrelated output", color: "raw" } },
    ];
    const resourcePolicies = info.policies.filter((p) => p.kind === "resource").map((p) => p.name);
    const stackPolicies = info.policies.filter((p) => p.kind === "stack").map((p) => p.name);
    const na = (urn: string) => new Set(result.notApplicable.filter((n) => n.urn === urn).map((n) => n.policy));
    for (const r of state.resources) {
        payloads.push({ resourcePreEvent: { metadata: step(r), planning: true } });
        if (!result.analyzedUrns.includes(r.urn)) {
            continue;
        }
        const ds = result.diagnostics.filter((d) => d.urn === r.urn && !d.fromStack);
        for (const d of ds) {
            payloads.push({
                policyEvent: {
                    resourceUrn: d.urn,
                    message: engineMessage(d.message),
                    color: "raw",
                    policyName: d.policy,
                    ...pack,
                    enforcementLevel: d.enforcementLevel,
                },
            });
        }
        const failed = [...new Set(ds.map((d) => d.policy))];
        const skipped = na(r.urn);
        const passed = resourcePolicies.filter(
            (p) => !failed.includes(p) && !skipped.has(p) && result.config.get(p)?.enforcementLevel !== "disabled",
        );
        if (!spec.withoutSummaries) {
            payloads.push({ policyAnalyzeSummaryEvent: { resourceUrn: r.urn, ...pack, passed, failed } });
        }
        payloads.push({ resOutputsEvent: { metadata: step(r), planning: true } });
    }
    const stackDs = result.diagnostics.filter((d) => d.fromStack);
    for (const d of stackDs) {
        payloads.push({
            policyEvent: {
                resourceUrn: d.urn,
                message: engineMessage(d.message),
                color: "raw",
                policyName: d.policy,
                ...pack,
                enforcementLevel: d.enforcementLevel,
            },
        });
    }
    if (!spec.withoutSummaries) {
        const failed = [...new Set(stackDs.map((d) => d.policy))];
        const skipped = na("");
        const passed = stackPolicies.filter(
            (p) => !failed.includes(p) && !skipped.has(p) && result.config.get(p)?.enforcementLevel !== "disabled",
        );
        payloads.push({ policyAnalyzeStackSummaryEvent: { ...pack, passed, failed } });
    }
    // Another pack ran in the same preview: its events must not reach aiguard's report.
    const firstUrn = state.resources[1]?.urn ?? "";
    payloads.push(
        {
            policyEvent: {
                resourceUrn: firstUrn,
                message: engineMessage("tags are missing"),
                color: "raw",
                policyName: "require-tags",
                policyPackName: "org-baseline",
                policyPackVersion: "3.1.0",
                policyPackVersionTag: "3.1.0",
                enforcementLevel: "mandatory",
            },
        },
        {
            policyAnalyzeSummaryEvent: {
                resourceUrn: firstUrn,
                policyPackName: "org-baseline",
                policyPackVersion: "3.1.0",
                policyPackVersionTag: "3.1.0",
                failed: ["require-tags"],
            },
        },
        { diagnosticEvent: { urn: firstUrn, message: "a provider warning", color: "raw", severity: "warning" } },
        {
            summaryEvent: {
                maybeCorrupt: false,
                durationSeconds: 3,
                resourceChanges: { create: state.resources.length },
                PolicyPacks: { [info.name]: `v${info.version}`, "org-baseline": "v3.1.0" },
                isPreview: true,
            },
        },
        { cancelEvent: {} },
    );
    const events = payloads.map((p, i) => ({ sequence: i + 1, timestamp: 1767225600 + i, ...p }));
    return { events, result };
}

export function writeEventLog(events: readonly unknown[], name = "events.jsonl"): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aiguard-events-"));
    const file = path.join(dir, name);
    fs.writeFileSync(file, `${events.map((e) => JSON.stringify(e)).join("\n")}\n`);
    return file;
}
