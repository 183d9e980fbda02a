// The human report as one self-contained HTML file: inline CSS, no script, and a content security
// policy that forbids loading anything, so it reads the same offline and attached to a ticket.
// Same sections as the Markdown report (human.ts decides what they say).
import { printable } from "../../policy-pack/core/message";
import { modeDescription, type PolicyResult, type Report } from "../report";
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

export function html(text: string): string {
    return printable(text)
        .replace(/&/g, "&amp;")
        .replace(/</g, "&lt;")
        .replace(/>/g, "&gt;")
        .replace(/"/g, "&quot;")
        .replace(/'/g, "&#39;");
}

const css = `
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#1b1f24;line-height:1.45}
h1{font-size:1.6rem;margin-bottom:.2rem}h2{border-bottom:2px solid #d0d7de;padding-bottom:.2rem;margin-top:2rem}
table{border-collapse:collapse;margin:.5rem 0 1rem;width:100%;font-size:.9rem}
th,td{border:1px solid #d0d7de;padding:.3rem .5rem;text-align:left;vertical-align:top}th{background:#f6f8fa}
td.n{text-align:right;font-variant-numeric:tabular-nums}
code{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:.85em;word-break:break-all}
.badge{display:inline-block;border-radius:.3rem;padding:0 .4rem;font-size:.8rem;font-weight:600;color:#fff}
.fail,.exposed{background:#cf222e}.waived{background:#8250df}.undecided,.open{background:#9a6700}.pass,.mitigated{background:#1a7f37}
.disabled,.not-applicable{background:#6e7781}
.finding{border:1px solid #d0d7de;border-left:4px solid #cf222e;border-radius:.3rem;padding:.5rem 1rem;margin:.8rem 0}
.finding.waived-f{border-left-color:#8250df}.finding.undecided-f{border-left-color:#9a6700}
.meta{color:#57606a;font-size:.9rem}.changed{background:#fff8c5}
`;

function table(
    header: readonly string[],
    rows: readonly (readonly string[])[],
    numeric: readonly number[] = [],
): string {
    const head = `<tr>${header.map((h) => `<th>${h}</th>`).join("")}</tr>`;
    const body = rows
        .map((r) => `<tr>${r.map((c, i) => `<td${numeric.includes(i) ? ' class="n"' : ""}>${c}</td>`).join("")}</tr>`)
        .join("\n");
    return `<table>\n${head}\n${body}\n</table>`;
}

function badge(status: string, text = status): string {
    return `<span class="badge ${html(status)}">${html(text)}</span>`;
}

function countTable(title: string, rows: readonly CountRow[]): string {
    return table(
        [title, ...statusColumns.map((s) => html(s))],
        rows.map((r) => [html(r.title), ...statusColumns.map((s) => String(r.counts[s]))]),
        statusColumns.map((_, i) => i + 1),
    );
}

function finding(r: PolicyResult, report: Report): string {
    const p = report.policies.find((x) => x.id === r.policy);
    const parts = [
        `<div class="finding ${r.status}-f" data-policy="${html(r.policy)}" data-status="${r.status}">`,
        `<h4>${badge(r.status, statusWord(r))} ${html(r.policy)}: ${html(resourceLabel(r))}</h4>`,
        `<p class="meta">Severity ${html(r.severity)} · area ${html(r.area || "unknown")} · layer ${html(r.layer || "unknown")}${
            p?.levelChange
                ? ` · <span class="changed">policy ${html(p.levelChange)} (${html(p.defaultEnforcementLevel)} → ${html(p.enforcementLevel)})</span>`
                : ""
        }<br>Resource <code>${html(r.resource.urn)}</code>${
            p && p.controls.length > 0
                ? `<br>Controls: ${p.controls.map((c) => `${html(c.framework)} ${html(c.id)}`).join(", ")}`
                : ""
        }</p>`,
    ];
    if (r.waiver) {
        parts.push(
            `<p>Waiver (${html(r.waiver.status)}) until ${html(r.waiver.expires)}, owner ${html(r.waiver.owner)}: ${html(r.waiver.reason)}</p>`,
        );
    }
    if (r.status === "undecided" && r.reason) {
        parts.push(`<p>Undecided: ${html(r.reason)}</p>`);
    }
    if (r.findings && r.findings.length > 0) {
        parts.push(
            table(
                ["Setting", "Found", "Expected"],
                r.findings.map((f) => [`<code>${html(f.setting)}</code>`, html(f.found), html(f.expected)]),
            ),
        );
        const fix = r.findings.find((f) => f.fix)?.fix;
        if (fix) {
            parts.push(`<p><strong>Fix:</strong> ${html(fix)}</p>`);
        }
    } else if (r.message) {
        parts.push(`<p>${html(r.message)}</p>`);
    }
    parts.push("</div>");
    return parts.join("\n");
}

export function renderReportHtml(report: Report, context: RenderContext): string {
    const prov = report.provenance;
    const s: string[] = [];
    s.push(`<h1>aiguard report: ${html(report.project)} (${html(report.stack)})</h1>`);
    s.push(
        `<p class="meta">${modeDescription(report.mode)} with policy pack ${html(report.pack.name)}@${html(report.pack.version)}${
            prov ? `, ${html(prov.startedAt)} to ${html(prov.finishedAt)}` : ""
        }.</p>`,
    );

    s.push(`<section id="summary"><h2>Summary</h2><p>${html(headline(report))}</p>`);
    const changed = report.policies.filter((p) => p.levelChange);
    if (changed.length > 0) {
        s.push(
            `<h3>Changed by the policy config</h3>`,
            table(
                ["Policy", "Change", "Pack default", "This run"],
                changed.map((p) => [
                    html(p.id),
                    badge(p.enforcementLevel === "disabled" ? "disabled" : "undecided", p.levelChange ?? ""),
                    html(p.defaultEnforcementLevel),
                    html(p.enforcementLevel),
                ]),
            ),
        );
    }
    s.push(`<h3>By layer</h3>`, countTable("Layer", byLayer(report)));
    s.push(`<h3>By area</h3>`, countTable("Area", byArea(report)), "</section>");

    s.push(`<section id="frameworks"><h2>By framework</h2>`);
    for (const view of frameworkViews(report)) {
        s.push(`<h3>${html(view.title)}</h3>`);
        for (const g of view.groups) {
            s.push(
                `<h4>${html(g.title)}</h4>`,
                table(
                    ["Control", "Result", "Relation", "Checks"],
                    g.controls.map((c) => [
                        `<strong>${html(c.id)}</strong>${c.title ? ` ${html(shortTitle(c.title))}` : ""}`,
                        html(coverageSentence(c)),
                        html(relationText(c)),
                        activeChecks(report, c)
                            .map(
                                (p) =>
                                    `${html(p.id)}${p.enforcementLevel === "disabled" ? ` ${badge("disabled")}` : ""}`,
                            )
                            .join("<br>"),
                    ]),
                ),
            );
        }
    }
    s.push("</section>");

    s.push(`<section id="threats"><h2>MITRE ATLAS threat view</h2>`);
    if (report.threats.services.length === 0) {
        s.push("<p>The stack deploys no AI service.</p>");
    } else {
        s.push(
            `<p>AI services deployed: ${report.threats.services.map((x) => `<code>${html(x.type)}</code> (${x.count})`).join(", ")}.</p>`,
            table(
                ["Technique", "Status", "Checks that help against it"],
                report.threats.techniques.map((t) => [
                    `<strong>${html(t.id)}</strong>${t.name ? ` ${html(t.name)}` : ""}`,
                    badge(t.status),
                    t.checks
                        .map(
                            (c) =>
                                `${html(c.policy)}: ${Object.entries(c.counts)
                                    .map(([st, n]) => `${n} ${html(st)}`)
                                    .join(", ")}`,
                        )
                        .join("<br>"),
                ]),
            ),
        );
    }
    s.push("</section>");

    s.push(`<section id="findings"><h2>Findings</h2>`);
    const groups = groupFindings(report, context.groupBy);
    if (groups.every((g) => g.results.length === 0)) {
        s.push("<p>No failing, waived or undecided result.</p>");
    }
    for (const g of groups) {
        if (g.title) {
            s.push(`<h3>${html(g.title)}</h3>`);
        }
        s.push(...g.results.map((r) => finding(r, report)));
    }
    s.push("</section>");

    const skipped = report.results.filter((r) => r.status === "disabled" || r.status === "not-applicable");
    s.push(
        `<section id="skipped"><h2>Disabled and not applicable</h2>`,
        table(
            ["Policy", "Status", "Resource", "Reason"],
            skipped.map((r) => [html(r.policy), badge(r.status), html(resourceLabel(r)), html(r.reason ?? "")]),
        ),
        "</section>",
    );
    const passed = report.results.filter((r) => r.status === "pass");
    s.push(
        `<section id="passed"><h2>Passed</h2>`,
        table(
            ["Policy", "Resource"],
            passed.map((r) => [html(r.policy), html(resourceLabel(r))]),
        ),
        "</section>",
    );
    s.push(
        `<section id="resources"><h2>Resources and classification</h2>`,
        table(
            ["Resource", "Type", "System", "Why", "Layer"],
            report.resources.map((r) => [
                html(r.name),
                `<code>${html(r.type)}</code>`,
                html(r.system),
                html(r.reason ?? ""),
                html(r.layer ?? ""),
            ]),
        ),
        "</section>",
    );
    if (prov) {
        s.push(
            `<section id="provenance"><h2>Provenance</h2><ul>`,
            `<li>aiguard ${html(prov.tool.version)}${prov.tool.commit ? ` (commit <code>${prov.tool.commit}</code>)` : ""}</li>`,
            `<li>policy pack ${html(prov.pack.name)} ${html(prov.pack.version)}${prov.pack.commit ? ` (commit <code>${prov.pack.commit}</code>)` : ""}</li>`,
            `<li>policy config: ${report.policyConfig.file ? html(report.policyConfig.file) : "none (pack defaults)"}</li></ul>`,
            table(
                ["Input", "Kind", "SHA-256"],
                prov.inputs.map((i) => [html(i.path), html(i.kind), `<code>${i.sha256}</code>`]),
            ),
            "</section>",
        );
    }
    return [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        `<title>aiguard report: ${html(report.project)} (${html(report.stack)})</title>`,
        `<style>${css}</style>`,
        "</head>",
        "<body>",
        ...s,
        "</body>",
        "</html>",
        "",
    ].join("\n");
}

export const htmlFormat: ReportRenderer = { extension: "html", render: renderReportHtml };
