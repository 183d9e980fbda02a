// The report every command renders: diagnostics joined with the catalog's metadata, the shape of the
// `--format json` document in the product contract.

import type { Diagnostic, RunResult } from "../harness/engine";
import type { PolicyDefinition } from "../policy-pack/core/definition";
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
}

export interface Report {
    readonly tool: { readonly name: "aiguard"; readonly version: string };
    readonly pack: { readonly name: string; readonly version: string };
    readonly mode: Mode;
    readonly project: string;
    readonly stack: string;
    readonly resourcesEvaluated: number;
    readonly violations: readonly ReportViolation[];
    /** Checks that could not decide during preview because a value they need is unknown. */
    readonly undecided: readonly ReportViolation[];
    readonly summary: { readonly mandatory: number; readonly advisory: number; readonly undecided: number };
}

function toViolation(d: Diagnostic, byId: ReadonlyMap<string, PolicyDefinition>): ReportViolation {
    const def = byId.get(d.policy);
    return {
        policy: d.policy,
        resource: { urn: d.urn, type: d.type, name: d.name },
        enforcementLevel: d.enforcementLevel,
        severity: def?.severity ?? d.severity,
        area: def?.area ?? "",
        layer: def?.layer ?? "",
        controls: def?.controls ?? [],
        peers: def?.peers ?? [],
        message: d.message,
    };
}

const levelOrder: Record<string, number> = { mandatory: 0, advisory: 1 };

export function buildReport(args: {
    toolVersion: string;
    pack: { name: string; version: string };
    mode: Mode;
    project: string;
    stack: string;
    result: RunResult;
    policies: readonly PolicyDefinition[];
}): Report {
    const byId = new Map(args.policies.map((p) => [p.id, p] as const));
    const order = (a: ReportViolation, b: ReportViolation) =>
        (levelOrder[a.enforcementLevel] ?? 2) - (levelOrder[b.enforcementLevel] ?? 2) ||
        a.policy.localeCompare(b.policy) ||
        a.resource.urn.localeCompare(b.resource.urn);
    const violations = args.result.diagnostics
        .filter((d) => !d.undecided)
        .map((d) => toViolation(d, byId))
        .sort(order);
    const undecided = args.result.diagnostics
        .filter((d) => d.undecided)
        .map((d) => toViolation(d, byId))
        .sort(order);
    return {
        tool: { name: "aiguard", version: args.toolVersion },
        pack: args.pack,
        mode: args.mode,
        project: args.project,
        stack: args.stack,
        resourcesEvaluated: args.result.resourcesEvaluated,
        violations,
        undecided,
        summary: {
            mandatory: violations.filter((v) => v.enforcementLevel === "mandatory").length,
            advisory: violations.filter((v) => v.enforcementLevel === "advisory").length,
            undecided: undecided.length,
        },
    };
}
