// What the results say per framework control ("SC-28: tested on 12 resources, 11 compliant") and
// the MITRE ATLAS threat view of the stack. Both are derived from the per (policy, resource)
// results, so every format words the same numbers.

import { isAiServiceType } from "../policy-pack/core/classification";
import { controlTitle } from "../policy-pack/core/frameworks";
import type { ControlRelation, Framework } from "../policy-pack/core/vocabulary";
import type { ResourceClass } from "./finding-layers";
import type { ReportPolicy } from "./report-policies";
import type { PolicyResult, ResourceRef, ResultStatus } from "./report-results";

/** Counts of resources by their worst result; `tested` counts every resource a check judged. */
export interface ResultCounts {
    readonly tested: number;
    readonly compliant: number;
    readonly failing: number;
    readonly waived: number;
    readonly undecided: number;
}

export interface ControlCoverage extends ResultCounts {
    readonly framework: Framework;
    readonly id: string;
    readonly title?: string;
    /** The group the control is listed under: 800-53 family, AI RMF function, ISO annex section, ATLAS kind. */
    readonly group: string;
    readonly relations: readonly ControlRelation[];
    /** The policies that cite it, with their effective levels. */
    readonly policies: readonly { readonly id: string; readonly enforcementLevel: string }[];
}

export interface ThreatCheck {
    readonly policy: string;
    readonly enforcementLevel: string;
    readonly counts: Readonly<Partial<Record<ResultStatus, number>>>;
}

export interface AtlasTechnique {
    readonly id: string;
    readonly name?: string;
    /** `exposed`: a check against it fails; `open`: waived, undecided or disabled; `mitigated`: every check passes. */
    readonly status: "exposed" | "open" | "mitigated";
    readonly checks: readonly ThreatCheck[];
}

export interface ThreatView {
    /** The AI service types the stack deploys, with how many resources of each. */
    readonly services: readonly { readonly type: string; readonly count: number }[];
    readonly techniques: readonly AtlasTechnique[];
}

const groupNames: Partial<Record<Framework, (id: string) => string>> = {
    "nist-800-53": (id) => id.split("-")[0] ?? id,
    "nist-ai-rmf": (id) => id.split(" ")[0] ?? id,
    "iso-42001": (id) => id.split(".").slice(0, 2).join("."),
    "iso-27001": (id) => id.split(".").slice(0, 2).join("."),
    "mitre-atlas": (id) => (id.startsWith("AML.T") ? "techniques" : id.startsWith("AML.M") ? "mitigations" : "other"),
    "nist-ai-600-1": (id) => (/^[a-z-]+$/.test(id) ? "risks" : "actions"),
    "owasp-llm": () => "risks",
};

export function controlGroup(framework: Framework, id: string): string {
    return groupNames[framework]?.(id) ?? "";
}

const severityOrder: readonly ResultStatus[] = ["fail", "waived", "undecided", "pass", "not-applicable", "disabled"];
const worse = (a: ResultStatus, b: ResultStatus): ResultStatus =>
    severityOrder.indexOf(a) <= severityOrder.indexOf(b) ? a : b;

/** The results of each policy, so that counting a control reads only the results of its policies. */
function resultsByPolicy(results: readonly PolicyResult[]): Map<string, PolicyResult[]> {
    const out = new Map<string, PolicyResult[]>();
    for (const r of results) {
        const list = out.get(r.policy);
        if (list) {
            list.push(r);
        } else {
            out.set(r.policy, [r]);
        }
    }
    return out;
}

/** Counts over resources: each resource by the worst result any of the given policies' results gave it. */
function countOf(groups: readonly (readonly PolicyResult[])[]): ResultCounts {
    const worst = new Map<string, ResultStatus>();
    for (const group of groups) {
        for (const r of group) {
            if (r.status === "not-applicable" || r.status === "disabled") {
                continue;
            }
            const prev = worst.get(r.resource.urn);
            worst.set(r.resource.urn, prev ? worse(prev, r.status) : r.status);
        }
    }
    const values = [...worst.values()];
    return {
        tested: values.length,
        compliant: values.filter((s) => s === "pass").length,
        failing: values.filter((s) => s === "fail").length,
        waived: values.filter((s) => s === "waived").length,
        undecided: values.filter((s) => s === "undecided").length,
    };
}

export function controlCoverage(
    policies: readonly ReportPolicy[],
    results: readonly PolicyResult[],
): ControlCoverage[] {
    const byControl = new Map<
        string,
        { framework: Framework; id: string; relations: Set<ControlRelation>; policies: ReportPolicy[] }
    >();
    for (const p of policies) {
        for (const c of p.controls) {
            const k = `${c.framework}\u0000${c.id}`;
            const entry = byControl.get(k) ?? {
                framework: c.framework,
                id: c.id,
                relations: new Set<ControlRelation>(),
                policies: [] as ReportPolicy[],
            };
            if (c.relation) {
                entry.relations.add(c.relation);
            }
            if (!entry.policies.includes(p)) {
                entry.policies.push(p);
            }
            byControl.set(k, entry);
        }
    }
    const byPolicy = resultsByPolicy(results);
    const out: ControlCoverage[] = [];
    for (const e of byControl.values()) {
        const title = controlTitle(e.framework, e.id);
        out.push({
            framework: e.framework,
            id: e.id,
            ...(title ? { title } : {}),
            group: controlGroup(e.framework, e.id),
            relations: [...e.relations],
            policies: e.policies.map((p) => ({ id: p.id, enforcementLevel: p.enforcementLevel })),
            ...countOf(e.policies.map((p) => byPolicy.get(p.id) ?? [])),
        });
    }
    return out.sort(
        (a, b) => a.framework.localeCompare(b.framework) || a.id.localeCompare(b.id, "en", { numeric: true }),
    );
}

/**
 * The ATLAS techniques that matter for this stack: the techniques the pack's checks help against,
 * where such a check judged the stack (it did not find itself not applicable) and the stack deploys
 * an AI service. Each comes with its checks and their results.
 */
export function atlasThreats(
    policies: readonly ReportPolicy[],
    results: readonly PolicyResult[],
    resources: readonly ResourceRef[],
    classes: ReadonlyMap<string, ResourceClass>,
): ThreatView {
    const services = new Map<string, number>();
    for (const r of resources) {
        if (classes.get(r.urn)?.membership === "ai" && isAiServiceType(r.type)) {
            services.set(r.type, (services.get(r.type) ?? 0) + 1);
        }
    }
    const byPolicy = new Map<string, PolicyResult[]>();
    for (const r of results) {
        byPolicy.set(r.policy, [...(byPolicy.get(r.policy) ?? []), r]);
    }
    const techniques = new Map<string, ThreatCheck[]>();
    for (const p of policies) {
        const own = byPolicy.get(p.id) ?? [];
        const applied = own.filter((r) => r.status !== "not-applicable");
        if (applied.length === 0 || services.size === 0) {
            continue;
        }
        const counts: Partial<Record<ResultStatus, number>> = {};
        for (const r of applied) {
            counts[r.status] = (counts[r.status] ?? 0) + 1;
        }
        for (const c of p.controls) {
            if (c.framework === "mitre-atlas" && c.id.startsWith("AML.T")) {
                const list = techniques.get(c.id) ?? [];
                list.push({ policy: p.id, enforcementLevel: p.enforcementLevel, counts });
                techniques.set(c.id, list);
            }
        }
    }
    return {
        services: [...services].map(([type, count]) => ({ type, count })).sort((a, b) => a.type.localeCompare(b.type)),
        techniques: [...techniques]
            .map(([id, checks]) => {
                const any = (s: ResultStatus) => checks.some((c) => (c.counts[s] ?? 0) > 0);
                const status: AtlasTechnique["status"] = any("fail")
                    ? "exposed"
                    : any("waived") || any("undecided") || any("disabled")
                      ? "open"
                      : "mitigated";
                const name = controlTitle("mitre-atlas", id);
                return { id, ...(name ? { name } : {}), status, checks };
            })
            .sort((a, b) => a.id.localeCompare(b.id, "en", { numeric: true })),
    };
}
