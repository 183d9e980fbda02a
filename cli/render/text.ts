// Text output in the shape of the Pulumi CLI's policy section, so it reads like `pulumi preview`.
import type { Report, ReportViolation } from "../report";

function entry(v: ReportViolation, description: string | undefined): string[] {
    const lines = [`        - [${v.enforcementLevel}]  ${v.policy}  (${v.resource.type}: ${v.resource.name})`];
    if (description) {
        lines.push(`          ${description}`);
    }
    lines.push(`          ${v.message}`);
    return lines;
}

export function renderText(report: Report, descriptions: ReadonlyMap<string, string>, packLocation: string): string {
    const out: string[] = [];
    const what =
        report.mode === "preview"
            ? `Previewing ${report.project} (${report.stack}) offline`
            : `Analyzing ${report.project} (${report.stack}) from its state file`;
    out.push(`${what} with policy pack ${report.pack.name}@v${report.pack.version}`);
    out.push("");
    out.push("Policies:");
    const mark = report.summary.mandatory > 0 ? "❌" : report.summary.advisory > 0 ? "⚠️" : "✅";
    out.push(`    ${mark} ${report.pack.name}@v${report.pack.version} (local: ${packLocation})`);
    for (const v of report.violations) {
        out.push(...entry(v, descriptions.get(v.policy)));
    }
    if (report.undecided.length > 0) {
        out.push("");
        out.push("    Decided at pulumi up (values unknown during preview):");
        for (const v of report.undecided) {
            out.push(`        - ${v.policy}  (${v.resource.type}: ${v.resource.name})`);
        }
    }
    out.push("");
    const s = report.summary;
    out.push(
        `Resources evaluated: ${report.resourcesEvaluated}. Violations: ${s.mandatory} mandatory, ${s.advisory} advisory.` +
            (s.undecided > 0 ? ` Undecided until pulumi up: ${s.undecided}.` : ""),
    );
    return `${out.join("\n")}\n`;
}
