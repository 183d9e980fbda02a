// Text output in the shape of the Pulumi CLI's policy section, so it reads like `pulumi preview`,
// with what an engineer needs to act on each entry: severity, area, layer and the controls it cites.
import { printable } from "../../policy-pack/core/message";
import type { Report, ReportViolation } from "../report";
import type { RenderContext, ReportRenderer } from "./formats";
import { groupViolations } from "./grouping";

const indent = "          ";

function controlsText(v: ReportViolation): string {
    return v.controls.map((c) => c.id).join(", ");
}

function level(v: ReportViolation): string {
    if (v.waiver?.status === "waived") {
        return "waived";
    }
    return v.enforcementLevel;
}

function entry(v: ReportViolation, description: string | undefined): string[] {
    const lines = [
        `        - [${level(v)}]  ${v.policy}  (${v.resource.type}: ${printable(v.resource.name)})`,
        `${indent}${[v.severity, v.area, v.layer].filter((x) => x !== "").join(" · ")}${
            v.controls.length > 0 ? ` · ${controlsText(v)}` : ""
        }`,
    ];
    if (description) {
        lines.push(`${indent}${description}`);
    }
    // Messages are written by policies; every line is indented so none can pose as a report line.
    for (const line of v.message.split("\n")) {
        lines.push(`${indent}${printable(line)}`);
    }
    return lines;
}

/** Policies the policy config turned off or lowered: a clean run must not hide them. */
function configChanges(report: Report): string[] {
    const changed = report.policies.filter((p) => p.levelChange === "disabled" || p.levelChange === "downgraded");
    if (changed.length === 0) {
        return [];
    }
    return [
        "",
        "    Changed by the policy config:",
        ...changed.map(
            (p) => `        - ${p.id}: ${p.levelChange} (${p.defaultEnforcementLevel} → ${p.enforcementLevel})`,
        ),
    ];
}

export function renderText(report: Report, context: RenderContext): string {
    const { packLocation } = context;
    const descriptions = new Map(report.policies.map((p) => [p.id, p.description] as const));
    const out: string[] = [];
    const what =
        report.mode === "preview"
            ? `Previewing ${report.project} (${report.stack}) offline`
            : report.mode === "events"
              ? `Reporting on ${report.project} (${report.stack}) from a pulumi event log`
              : `Analyzing ${report.project} (${report.stack}) from its state file`;
    out.push(`${what} with policy pack ${report.pack.name}@v${report.pack.version}`);
    out.push("");
    out.push("Policies:");
    const mark = report.summary.mandatory > 0 ? "❌" : report.summary.advisory > 0 ? "⚠️" : "✅";
    out.push(`    ${mark} ${report.pack.name}@v${report.pack.version} (local: ${packLocation})`);
    if (context.groupBy) {
        for (const g of groupViolations(report, context.groupBy)) {
            out.push(`      ${printable(g.title)}  (${g.entries.length})`);
            for (const v of g.entries) {
                out.push(...entry(v, descriptions.get(v.policy)));
            }
        }
    } else {
        for (const v of report.violations) {
            out.push(...entry(v, descriptions.get(v.policy)));
        }
    }
    out.push(...configChanges(report));
    if (report.undecided.length > 0) {
        out.push("");
        out.push("    Decided at pulumi up (values unknown during preview):");
        for (const v of report.undecided) {
            out.push(`        - ${v.policy}  (${v.resource.type}: ${printable(v.resource.name)})`);
        }
    }
    if (report.unmatchedWaivers.length > 0) {
        out.push("");
        out.push("    Waivers that match no resource (correct or remove them):");
        for (const w of report.unmatchedWaivers) {
            out.push(
                `        - ${w.policy}: '${printable(w.resource)}' (owner ${printable(w.owner)}, expires ${w.expires})`,
            );
        }
    }
    const byLayer = new Map<string, number>();
    for (const v of report.violations.filter((x) => x.waiver?.status !== "waived")) {
        byLayer.set(v.layer, (byLayer.get(v.layer) ?? 0) + 1);
    }
    if (byLayer.size > 0) {
        out.push("");
        out.push(
            `    By layer: ${[...byLayer]
                .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
                .map(([layer, n]) => `${layer || "unknown"} ${n}`)
                .join(", ")}`,
        );
    }
    out.push("");
    const s = report.summary;
    out.push(
        `Resources evaluated: ${report.resourcesEvaluated}. Violations: ${s.mandatory} mandatory, ${s.advisory} advisory.` +
            (s.waived > 0 ? ` Waived: ${s.waived}.` : "") +
            (s.undecided > 0 ? ` Undecided until pulumi up: ${s.undecided}.` : ""),
    );
    return `${out.join("\n")}\n`;
}

export const textFormat: ReportRenderer = { extension: "txt", render: renderText };
