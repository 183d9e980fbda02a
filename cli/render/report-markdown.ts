// The human report in Markdown: summary by layer and area, the framework view ("SC-28: tested on
// 12 resources, 11 compliant"), the ATLAS threat view, then every finding with its settings, what
// was found, what is expected and the fix. Values from programs are escaped so none adds markup.
import { printable } from "../../policy-pack/core/message";
import { type ControlCoverage, modeDescription, type PolicyResult, type Report } from "../report";
import type { RenderContext, ReportRenderer } from "./formats";
import {
    activeChecks,
    byArea,
    byLayer,
    type CountRow,
    coverageSentence,
    frameworkViews,
    groupFindings,
    headline,
    relationText,
    resourceLabel,
    statusColumns,
    statusWord,
} from "./human";
import { shortTitle } from "./markdown";

/** Markdown text: control characters shown as escapes, markup characters escaped, one line. */
export function md(text: string): string {
    return printable(text)
        .replace(/([\\`*_[\]<>#|~])/g, "\\$1")
        .replace(/^([-=])/, "\\$1");
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
    return [
        `| ${header.join(" | ")} |`,
        `|${header.map(() => "---").join("|")}|`,
        ...rows.map((r) => `| ${r.join(" | ")} |`),
    ];
}

function countTable(title: string, rows: readonly CountRow[]): string[] {
    return table(
        [title, ...statusColumns],
        rows.map((r) => [md(r.title), ...statusColumns.map((s) => String(r.counts[s]))]),
    );
}

function checksText(report: Report, c: ControlCoverage): string {
    const checks = activeChecks(report, c);
    return checks.length === 0
        ? ""
        : `; checks: ${checks.map((p) => `${md(p.id)}${p.enforcementLevel === "disabled" ? " (disabled)" : ""}`).join(", ")}`;
}

function finding(r: PolicyResult, report: Report): string[] {
    const p = report.policies.find((x) => x.id === r.policy);
    const out = [
        `#### ${md(r.policy)}: ${md(resourceLabel(r))} (${statusWord(r)})`,
        "",
        `- Severity ${md(r.severity)} · area ${md(r.area || "unknown")} · layer ${md(r.layer || "unknown")}${
            p?.levelChange ? ` · policy ${p.levelChange} (${p.defaultEnforcementLevel} → ${p.enforcementLevel})` : ""
        }`,
        `- Resource: \`${md(r.resource.urn)}\``,
    ];
    if (p && p.controls.length > 0) {
        out.push(`- Controls: ${p.controls.map((c) => `${md(c.framework)} ${md(c.id)}`).join(", ")}`);
    }
    if (r.waiver) {
        out.push(
            `- Waiver (${r.waiver.status}): until ${md(r.waiver.expires)}, owner ${md(r.waiver.owner)}: ${md(r.waiver.reason)}`,
        );
    }
    if (r.status === "undecided" && r.reason) {
        out.push(`- Undecided: ${md(r.reason)}`);
    }
    out.push("");
    if (r.findings && r.findings.length > 0) {
        out.push(
            ...table(
                ["Setting", "Found", "Expected"],
                r.findings.map((f) => [md(f.setting), md(f.found), md(f.expected)]),
            ),
            "",
        );
        const fix = r.findings.find((f) => f.fix)?.fix;
        if (fix) {
            out.push(`Fix: ${md(fix)}`, "");
        }
    } else if (r.message) {
        out.push(md(r.message), "");
    }
    return out;
}

export function renderReportMarkdown(report: Report, context: RenderContext): string {
    const out: string[] = [];
    out.push(`# aiguard report: ${md(report.project)} (${md(report.stack)})`, "");
    const prov = report.provenance;
    out.push(
        `${modeDescription(report.mode)} with policy pack ${md(report.pack.name)}@${md(report.pack.version)}` +
            (prov ? `, ${prov.startedAt} to ${prov.finishedAt}` : "") +
            ".",
        "",
    );

    out.push("## Summary", "", headline(report), "");
    const changed = report.policies.filter((p) => p.levelChange);
    if (changed.length > 0) {
        out.push("### Changed by the policy config", "");
        out.push(
            ...table(
                ["Policy", "Change", "Pack default", "This run"],
                changed.map((p) => [md(p.id), p.levelChange ?? "", p.defaultEnforcementLevel, p.enforcementLevel]),
            ),
            "",
        );
    }
    out.push("### By layer", "", ...countTable("Layer", byLayer(report)), "");
    out.push("### By area", "", ...countTable("Area", byArea(report)), "");

    out.push("## By framework", "");
    for (const view of frameworkViews(report)) {
        out.push(`### ${md(view.title)}`, "");
        for (const g of view.groups) {
            out.push(`#### ${md(g.title)}`, "");
            for (const c of g.controls) {
                out.push(
                    `- **${md(c.id)}**${c.title ? ` ${md(shortTitle(c.title))}` : ""}: ${coverageSentence(c)} (${relationText(c)}${checksText(report, c)})`,
                );
            }
            out.push("");
        }
    }

    out.push("## MITRE ATLAS threat view", "");
    if (report.threats.services.length === 0) {
        out.push("The stack deploys no AI service.", "");
    } else {
        out.push(
            `AI services deployed: ${report.threats.services.map((s) => `${md(s.type)} (${s.count})`).join(", ")}.`,
            "",
        );
        out.push(
            ...table(
                ["Technique", "Status", "Checks that help against it"],
                report.threats.techniques.map((t) => [
                    `${md(t.id)}${t.name ? ` ${md(t.name)}` : ""}`,
                    t.status,
                    t.checks
                        .map(
                            (c) =>
                                `${md(c.policy)}: ${Object.entries(c.counts)
                                    .map(([s, n]) => `${n} ${s}`)
                                    .join(", ")}`,
                        )
                        .join("; "),
                ]),
            ),
            "",
        );
    }

    out.push("## Findings", "");
    const groups = groupFindings(report, context.groupBy);
    if (groups.every((g) => g.results.length === 0)) {
        out.push("No failing, waived or undecided result.", "");
    }
    for (const g of groups) {
        if (g.title) {
            out.push(`### ${md(g.title)}`, "");
        }
        for (const r of g.results) {
            out.push(...finding(r, report));
        }
    }

    const skipped = report.results.filter((r) => r.status === "disabled" || r.status === "not-applicable");
    out.push("## Disabled and not applicable", "");
    out.push(
        ...table(
            ["Policy", "Status", "Resource", "Reason"],
            skipped.map((r) => [md(r.policy), r.status, md(resourceLabel(r)), md(r.reason ?? "")]),
        ),
        "",
    );
    const passed = report.results.filter((r) => r.status === "pass");
    out.push("## Passed", "");
    out.push(
        ...table(
            ["Policy", "Resource"],
            passed.map((r) => [md(r.policy), md(resourceLabel(r))]),
        ),
        "",
    );

    out.push("## Resources and classification", "");
    out.push(
        ...table(
            ["Resource", "Type", "System", "Why", "Layer"],
            report.resources.map((r) => [md(r.name), md(r.type), r.system, md(r.reason ?? ""), md(r.layer ?? "")]),
        ),
        "",
    );
    const selector = (s: Readonly<Record<string, string | readonly string[]>>) =>
        Object.entries(s)
            .map(([k, v]) => `${md(k)}=${md(([] as string[]).concat(v as string[]).join("|"))}`)
            .join(", ") || "none";
    out.push(
        `AI tags: ${selector(report.selectors.aiTags)}. Business tags: ${selector(report.selectors.businessTags)}.`,
        "",
    );

    if (prov) {
        out.push("## Provenance", "");
        out.push(
            `- aiguard ${md(prov.tool.version)}${prov.tool.commit ? ` (commit ${prov.tool.commit})` : ""}`,
            `- policy pack ${md(prov.pack.name)} ${md(prov.pack.version)}${prov.pack.commit ? ` (commit ${prov.pack.commit})` : ""}`,
            `- policy config: ${report.policyConfig.file ? md(report.policyConfig.file) : "none (pack defaults)"}`,
            "",
        );
        out.push(
            ...table(
                ["Input", "Kind", "SHA-256"],
                prov.inputs.map((i) => [md(i.path), i.kind, i.sha256]),
            ),
            "",
        );
    }
    return `${out.join("\n")}\n`;
}

export const markdownFormat: ReportRenderer = { extension: "md", render: renderReportMarkdown };
