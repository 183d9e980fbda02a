// The policies of the pack that was served, as the report lists them: what the engine was told
// (GetAnalyzerInfo: name, kind, default level, severity) joined with aiguard's catalog where the
// catalog knows the policy (area, layer, controls, peers, remediation), and the level the run used
// after the policy config was applied. Metadata the catalog does not know stays absent.
import type { AnalyzerInfoView } from "../harness/engine";
import type { PolicyDefinition } from "../policy-pack/core/definition";
import type { Control, Peer } from "../policy-pack/core/vocabulary";

export type Level = "mandatory" | "advisory" | "remediate" | "disabled";

/** How the policy config changed a policy's level from the pack's default. */
export type LevelChange = "disabled" | "downgraded" | "upgraded";

export interface ReportPolicy {
    readonly id: string;
    readonly description: string;
    readonly kind: "resource" | "stack";
    readonly cloud?: string;
    readonly area?: string;
    readonly layer?: string;
    readonly severity: string;
    /** The level the pack declares. */
    readonly defaultEnforcementLevel: Level;
    /** The level this run used, after the pack's initial config and the user's policy config. */
    readonly enforcementLevel: Level;
    readonly levelChange?: LevelChange;
    readonly controls: readonly Control[];
    readonly peers: readonly Peer[];
    readonly remediation: readonly string[];
    /** Type tokens the policy judges, where the catalog knows them. */
    readonly resourceTypes?: readonly string[];
}

/** Ranks for comparing levels: remediate fails a run as mandatory does. */
const rank: Record<Level, number> = { disabled: 0, advisory: 1, mandatory: 2, remediate: 2 };

export function levelChange(from: Level, to: Level): LevelChange | undefined {
    if (to === "disabled" && from !== "disabled") {
        return "disabled";
    }
    return rank[to] < rank[from] ? "downgraded" : rank[to] > rank[from] ? "upgraded" : undefined;
}

export function reportPolicies(
    info: AnalyzerInfoView,
    catalog: readonly PolicyDefinition[],
    effective: ReadonlyMap<string, { readonly enforcementLevel: Level }>,
): ReportPolicy[] {
    const byId = new Map(catalog.map((p) => [p.id, p] as const));
    return info.policies.map((p) => {
        const def = byId.get(p.name);
        const level = effective.get(p.name)?.enforcementLevel ?? p.enforcementLevel;
        const change = levelChange(p.enforcementLevel, level);
        return {
            id: p.name,
            description: p.description,
            kind: p.kind,
            ...(def ? { cloud: def.cloud, area: def.area, layer: def.layer } : {}),
            severity: def?.severity ?? p.severity,
            defaultEnforcementLevel: p.enforcementLevel,
            enforcementLevel: level,
            ...(change ? { levelChange: change } : {}),
            controls: def?.controls ?? [],
            peers: def?.peers ?? [],
            remediation: def?.remediation ?? (p.remediationSteps ? p.remediationSteps.split("\n") : []),
            ...(def ? { resourceTypes: def.resourceTypes } : {}),
        };
    });
}
