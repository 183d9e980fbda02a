// What the human reports (markdown and HTML) say, worked out once from the model: the sections, the
// sentences and the tables. The two formats only differ in markup.
import { typeLabel } from "../../policy-pack/core/message";
import {
    type Area,
    areas,
    areaTitles,
    type Framework,
    frameworks,
    frameworkTitles,
    type Layer,
    layers,
    layerTitles,
    relationVerbs,
} from "../../policy-pack/core/vocabulary";
import type { ControlCoverage, PolicyResult, Report } from "../report";
import type { ResultCounts } from "../report-coverage";
import type { ResultStatus } from "../report-results";
import type { GroupBy } from "./formats";

export const statusColumns: readonly ResultStatus[] = ["fail", "waived", "undecided", "pass", "disabled"];

export interface CountRow {
    readonly key: string;
    readonly title: string;
    readonly counts: Readonly<Record<ResultStatus, number>>;
}

function countRows(
    report: Report,
    keyOf: (r: PolicyResult) => string,
    keys: readonly string[],
    titles: Record<string, string>,
): CountRow[] {
    const rows = new Map<string, Record<ResultStatus, number>>();
    const empty = (): Record<ResultStatus, number> => ({
        pass: 0,
        fail: 0,
        waived: 0,
        undecided: 0,
        "not-applicable": 0,
        disabled: 0,
    });
    for (const r of report.results) {
        if (r.status === "not-applicable") {
            continue;
        }
        const k = keyOf(r) || "unknown";
        const row = rows.get(k) ?? empty();
        row[r.status]++;
        rows.set(k, row);
    }
    const order = [...keys, ...[...rows.keys()].filter((k) => !keys.includes(k)).sort()];
    return order
        .filter((k) => rows.has(k))
        .map((k) => ({ key: k, title: titles[k] ?? k, counts: rows.get(k) as Record<ResultStatus, number> }));
}

export function byLayer(report: Report): CountRow[] {
    return countRows(report, (r) => r.layer, layers, layerTitles as Record<Layer, string>);
}

export function byArea(report: Report): CountRow[] {
    return countRows(report, (r) => r.area, areas, areaTitles as Record<Area, string>);
}

/** "tested on 12 resources, 11 compliant, 1 failing" */
export function coverageSentence(c: ResultCounts & { readonly policies?: ControlCoverage["policies"] }): string {
    if (c.tested === 0) {
        const allDisabled =
            c.policies && c.policies.length > 0 && c.policies.every((p) => p.enforcementLevel === "disabled");
        return allDisabled ? "not tested: its checks are disabled" : "not tested: no resource its checks judge";
    }
    const extra = [
        c.failing > 0 ? `${c.failing} failing` : "",
        c.waived > 0 ? `${c.waived} waived` : "",
        c.undecided > 0 ? `${c.undecided} undecided` : "",
    ].filter((x) => x !== "");
    return `tested on ${c.tested} resource${c.tested === 1 ? "" : "s"}, ${c.compliant} compliant${extra.length > 0 ? `, ${extra.join(", ")}` : ""}`;
}

/** 800-53 family names, for the family headings of the framework view. */
const families: Record<string, string> = {
    AC: "Access Control",
    AT: "Awareness and Training",
    AU: "Audit and Accountability",
    CA: "Assessment, Authorization, and Monitoring",
    CM: "Configuration Management",
    CP: "Contingency Planning",
    IA: "Identification and Authentication",
    IR: "Incident Response",
    MA: "Maintenance",
    MP: "Media Protection",
    PE: "Physical and Environmental Protection",
    PL: "Planning",
    PM: "Program Management",
    PS: "Personnel Security",
    PT: "PII Processing and Transparency",
    RA: "Risk Assessment",
    SA: "System and Services Acquisition",
    SC: "System and Communications Protection",
    SI: "System and Information Integrity",
    SR: "Supply Chain Risk Management",
};

export function groupTitle(framework: Framework, group: string): string {
    if (framework === "nist-800-53") {
        return `${group} ${families[group] ?? ""}`.trim();
    }
    if (framework === "mitre-atlas" || framework === "nist-ai-600-1" || framework === "owasp-llm") {
        return group.charAt(0).toUpperCase() + group.slice(1);
    }
    return group;
}

export interface FrameworkView {
    readonly framework: Framework;
    readonly title: string;
    readonly groups: readonly { readonly title: string; readonly controls: readonly ControlCoverage[] }[];
}

export function frameworkViews(report: Report): FrameworkView[] {
    return frameworks
        .map((framework) => {
            const groups = new Map<string, ControlCoverage[]>();
            for (const c of report.controls.filter((x) => x.framework === framework)) {
                groups.set(c.group, [...(groups.get(c.group) ?? []), c]);
            }
            return {
                framework,
                title: frameworkTitles[framework],
                groups: [...groups].map(([g, controls]) => ({ title: groupTitle(framework, g), controls })),
            };
        })
        .filter((v) => v.groups.length > 0);
}

/**
 * The checks of a control worth naming in a human report: those that judged something in this
 * stack or were disabled; a control none of whose checks applied names none.
 */
export function activeChecks(report: Report, c: ControlCoverage): ControlCoverage["policies"] {
    const judged = new Set(report.results.filter((r) => r.status !== "not-applicable").map((r) => r.policy));
    return c.policies.filter((p) => judged.has(p.id));
}

export function relationText(c: ControlCoverage): string {
    return c.relations.map((r) => relationVerbs[r]).join(" / ");
}

export function resourceLabel(r: PolicyResult): string {
    return r.scope === "stack" ? `the stack ${r.resource.name}` : `${typeLabel(r.resource.type)} '${r.resource.name}'`;
}

/** The results a human report lists in full: failing, waived and undecided. */
export function findingResults(report: Report): PolicyResult[] {
    return report.results.filter((r) => r.status === "fail" || r.status === "waived" || r.status === "undecided");
}

/** Findings grouped for `--group-by`; an entry citing several controls is listed under each. */
export function groupFindings(report: Report, by: GroupBy | undefined): { title: string; results: PolicyResult[] }[] {
    const results = findingResults(report);
    if (!by) {
        return [{ title: "", results }];
    }
    const policyById = new Map(report.policies.map((p) => [p.id, p] as const));
    const groups = new Map<string, PolicyResult[]>();
    for (const r of results) {
        const controls = policyById.get(r.policy)?.controls ?? [];
        const keys =
            by === "control"
                ? controls.map((c) => `${c.framework} ${c.id}`)
                : by === "framework"
                  ? [...new Set(controls.map((c) => frameworkTitles[c.framework]))]
                  : by === "layer"
                    ? [layerTitles[r.layer as Layer] ?? (r.layer || "unknown layer")]
                    : by === "area"
                      ? [areaTitles[r.area as Area] ?? (r.area || "unknown area")]
                      : [resourceLabel(r)];
        for (const k of keys.length > 0 ? keys : ["(none)"]) {
            groups.set(k, [...(groups.get(k) ?? []), r]);
        }
    }
    return [...groups]
        .sort((a, b) => a[0].localeCompare(b[0], "en", { numeric: true }))
        .map(([title, rs]) => ({ title, results: rs }));
}

export function statusWord(r: PolicyResult): string {
    return r.status === "fail" ? `FAIL: ${r.enforcementLevel}` : r.status.toUpperCase();
}

export function headline(report: Report): string {
    const s = report.summary;
    return `${s.mandatory} mandatory and ${s.advisory} advisory violation(s), ${s.waived} waived, ${s.undecided} undecided; ${s.results.pass} passing result(s) over ${report.resourcesEvaluated} resources.`;
}
