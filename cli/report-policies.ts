// The policies of the pack that was served, as the report lists them: what the engine was told
// (GetAnalyzerInfo: name, kind, default level, severity, tags, remediation) joined with aiguard's
// catalog only when the served pack is this aiguard pack (same name and version), and the level the
// run used after the policy config was applied. Another pack is described by what it states about
// itself (see pack-metadata.ts); what it does not state stays absent.
import type { AnalyzerInfoView } from "../harness/engine";
import type { PolicyDefinition } from "../policy-pack/core/definition";
import type { Peer } from "../policy-pack/core/vocabulary";
import { isThisPack, metadataFromAnalyzerInfo, type PackControl } from "./pack-metadata";

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
    /** Relation and rationale are absent for a pack other than this one, which does not state them. */
    readonly controls: readonly PackControl[];
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
    const byId = new Map((isThisPack(info) ? catalog : []).map((p) => [p.id, p] as const));
    const stated = new Map(metadataFromAnalyzerInfo(info, catalog).policies.map((p) => [p.id, p] as const));
    return info.policies.map((p) => {
        const def = byId.get(p.name);
        const own = stated.get(p.name);
        const level = effective.get(p.name)?.enforcementLevel ?? p.enforcementLevel;
        const change = levelChange(p.enforcementLevel, level);
        return {
            id: p.name,
            description: p.description,
            kind: p.kind,
            ...(def
                ? { cloud: def.cloud, area: def.area, layer: def.layer }
                : {
                      ...(own?.cloud ? { cloud: own.cloud } : {}),
                      ...(own?.area ? { area: own.area } : {}),
                      ...(own?.layer ? { layer: own.layer } : {}),
                  }),
            severity: def?.severity ?? p.severity,
            defaultEnforcementLevel: p.enforcementLevel,
            enforcementLevel: level,
            ...(change ? { levelChange: change } : {}),
            controls: def?.controls ?? own?.controls ?? [],
            peers: def?.peers ?? own?.peers ?? [],
            remediation: def?.remediation ?? (p.remediationSteps ? p.remediationSteps.split("\n") : []),
            ...(def ? { resourceTypes: def.resourceTypes } : {}),
        };
    });
}
