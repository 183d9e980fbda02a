// `--group-by` for the text and markdown reports: the failing and waived entries listed under each
// control, framework, layer, area or resource. An entry citing several controls appears under each.
import { controlTitle } from "../../policy-pack/core/frameworks";
import { printable, typeLabel } from "../../policy-pack/core/message";
import { type Area, areaTitles, frameworkTitles, type Layer, layerTitles } from "../../policy-pack/core/vocabulary";
import type { Report, ReportViolation } from "../report";
import type { GroupBy } from "./formats";

export interface Group {
    readonly key: string;
    readonly title: string;
    readonly entries: readonly ReportViolation[];
}

function keysOf(v: ReportViolation, by: GroupBy): { key: string; title: string }[] {
    switch (by) {
        case "control":
            return v.controls.map((c) => {
                const title = controlTitle(c.framework, c.id);
                return { key: `${c.framework} ${c.id}`, title: `${c.framework} ${c.id}${title ? ` ${title}` : ""}` };
            });
        case "framework":
            return [...new Set(v.controls.map((c) => c.framework))].map((f) => ({ key: f, title: frameworkTitles[f] }));
        case "layer":
            return [
                { key: v.layer || "unknown", title: layerTitles[v.layer as Layer] ?? (v.layer || "unknown layer") },
            ];
        case "area":
            return [{ key: v.area || "unknown", title: areaTitles[v.area as Area] ?? (v.area || "unknown area") }];
        case "resource":
            return [{ key: v.resource.urn, title: `${typeLabel(v.resource.type)} '${printable(v.resource.name)}'` }];
    }
}

export function groupViolations(report: Report, by: GroupBy): Group[] {
    const groups = new Map<string, { title: string; entries: ReportViolation[] }>();
    for (const v of report.violations) {
        const keys = keysOf(v, by);
        for (const k of keys.length > 0 ? keys : [{ key: "(none)", title: "(none)" }]) {
            const g = groups.get(k.key) ?? { title: k.title, entries: [] };
            g.entries.push(v);
            groups.set(k.key, g);
        }
    }
    return [...groups]
        .map(([key, g]) => ({ key, title: g.title, entries: g.entries }))
        .sort((a, b) => a.key.localeCompare(b.key, "en", { numeric: true }));
}
