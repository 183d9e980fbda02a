// The report every command renders: diagnostics joined with the catalog's metadata, the shape of the
// `--format json` document in the product contract (extended with findings, waivers and undecided).

import type { Diagnostic, RunResult } from "../harness/engine";
import type { Finding, PolicyDefinition } from "../policy-pack/core/definition";
import { parseMessage, type WaiverMark } from "../policy-pack/core/message";
import type { Control, Peer } from "../policy-pack/core/vocabulary";

export type Mode = "preview" | "analyze";

export interface ReportViolation {
    readonly policy: string;
    readonly resource: { readonly urn: string; readonly type: string; readonly name: string };
    readonly enforcementLevel: string;
    readonly severity: string;
    readonly area: string;
    readonly layer: string;
    readonly controls: readonly Control[];
    readonly peers: readonly Peer[];
    readonly message: string;
    /** One entry per failing setting, read back from the message; absent for messages of other packs. */
    readonly findings?: readonly Finding[];
    /** A waiver that matched: `waived` (does not fail the run) or `expired` (fails again). */
    readonly waiver?: WaiverMark;
}

/** A waiver in the policy config that names no resource its policy judges. */
export interface UnmatchedWaiver {
    readonly policy: string;
    readonly resource: string;
    readonly owner: string;
    readonly expires: string;
}

export interface Report {
    readonly tool: { readonly name: "aiguard"; readonly version: string };
    readonly pack: { readonly name: string; readonly version: string };
    readonly mode: Mode;
    readonly project: string;
    readonly stack: string;
    readonly resourcesEvaluated: number;
    /** Violations, waived ones included (marked by `waiver`). */
    readonly violations: readonly ReportViolation[];
    /** Checks that could not decide during preview because a value they need is unknown. */
    readonly undecided: readonly ReportViolation[];
    readonly unmatchedWaivers: readonly UnmatchedWaiver[];
    readonly summary: {
        readonly mandatory: number;
        readonly advisory: number;
        readonly waived: number;
        readonly undecided: number;
    };
}

function toViolation(
    d: Diagnostic,
    byId: ReadonlyMap<string, PolicyDefinition>,
    layers: ReadonlyMap<string, string>,
): ReportViolation {
    const def = byId.get(d.policy);
    const parsed = d.undecided ? undefined : parseMessage(d.message);
    return {
        policy: d.policy,
        resource: { urn: d.urn, type: d.type, name: d.name },
        enforcementLevel: d.enforcementLevel,
        severity: def?.severity ?? d.severity,
        area: def?.area ?? "",
        // The layer of the finding: the AI workload the resource serves, else the policy's own.
        layer: layers.get(d.urn) ?? def?.layer ?? "",
        controls: def?.controls ?? [],
        peers: def?.peers ?? [],
        message: d.message,
        ...(parsed ? { findings: parsed.findings } : {}),
        ...(parsed?.waiver ? { waiver: parsed.waiver } : {}),
    };
}

const levelOrder: Record<string, number> = { mandatory: 0, advisory: 1 };

/** The pack's own note that a waiver of a stack policy matches nothing (see core/adapter.ts). */
const unmatchedWaiverNote = /^Waiver for '(.*)' \(owner (.*), expires (\S+)\) matches no resource/s;

export function buildReport(args: {
    toolVersion: string;
    pack: { name: string; version: string };
    mode: Mode;
    project: string;
    stack: string;
    result: RunResult;
    policies: readonly PolicyDefinition[];
    /** Waivers of resource policies that match nothing, found by the runner (see waiver-check.ts). */
    unmatchedWaivers?: readonly UnmatchedWaiver[];
    /** The layer of each resource's findings where the classification decides it (finding-layers.ts). */
    layers?: ReadonlyMap<string, string>;
}): Report {
    const layers = args.layers ?? new Map<string, string>();
    const byId = new Map(args.policies.map((p) => [p.id, p] as const));
    const order = (a: ReportViolation, b: ReportViolation) =>
        (levelOrder[a.enforcementLevel] ?? 2) - (levelOrder[b.enforcementLevel] ?? 2) ||
        a.policy.localeCompare(b.policy) ||
        a.resource.urn.localeCompare(b.resource.urn);
    const unmatched: UnmatchedWaiver[] = [...(args.unmatchedWaivers ?? [])];
    const decided: Diagnostic[] = [];
    for (const d of args.result.diagnostics.filter((x) => !x.undecided)) {
        const note = unmatchedWaiverNote.exec(d.message);
        if (note) {
            unmatched.push({
                policy: d.policy,
                resource: note[1] as string,
                owner: note[2] as string,
                expires: note[3] as string,
            });
        } else {
            decided.push(d);
        }
    }
    const violations = decided.map((d) => toViolation(d, byId, layers)).sort(order);
    const undecided = args.result.diagnostics
        .filter((d) => d.undecided)
        .map((d) => toViolation(d, byId, layers))
        .sort(order);
    const waived = violations.filter((v) => v.waiver?.status === "waived");
    const notWaived = violations.filter((v) => v.waiver?.status !== "waived");
    return {
        tool: { name: "aiguard", version: args.toolVersion },
        pack: args.pack,
        mode: args.mode,
        project: args.project,
        stack: args.stack,
        resourcesEvaluated: args.result.resourcesEvaluated,
        violations,
        undecided,
        unmatchedWaivers: unmatched.sort(
            (a, b) => a.policy.localeCompare(b.policy) || a.resource.localeCompare(b.resource),
        ),
        summary: {
            mandatory: notWaived.filter((v) => v.enforcementLevel === "mandatory").length,
            advisory: notWaived.filter((v) => v.enforcementLevel === "advisory").length,
            waived: waived.length,
            undecided: undecided.length,
        },
    };
}
