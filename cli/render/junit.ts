// JUnit XML for CI dashboards: one test suite per policy, one test case per (policy, resource)
// result. A failing result is a failure (its type is the enforcement level); not-applicable,
// disabled, waived and undecided results are skipped with the reason; a pass is a plain test case.
import { typeLabel } from "../../policy-pack/core/message";
import type { PolicyResult, Report } from "../report";
import type { ReportRenderer } from "./formats";
import { fixText, levelNote } from "./result-text";

/** XML 1.0 text: the five entities escaped and characters XML cannot hold removed. */
export function xml(text: string): string {
    return (
        text
            // biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters XML 1.0 forbids.
            .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "")
            .replace(/&/g, "&amp;")
            .replace(/</g, "&lt;")
            .replace(/>/g, "&gt;")
            .replace(/"/g, "&quot;")
            .replace(/'/g, "&apos;")
    );
}

function caseName(r: PolicyResult): string {
    return r.scope === "stack" ? `stack ${r.resource.name}` : `${typeLabel(r.resource.type)} '${r.resource.name}'`;
}

function details(r: PolicyResult): string {
    const lines = (r.findings ?? []).map((f) => `${f.setting}: found ${f.found}; expected ${f.expected}`);
    const fix = fixText(r);
    return [...lines, ...(fix ? [`Fix: ${fix}`] : []), `Resource: ${r.resource.urn}`].join("\n");
}

function testCase(r: PolicyResult, report: Report): string {
    const open = `    <testcase name="${xml(caseName(r))}" classname="${xml(`aiguard.${r.policy}`)}" time="0">`;
    const note = levelNote(report, r.policy);
    switch (r.status) {
        case "pass":
            return `${open}</testcase>`;
        case "fail":
            return `${open}\n      <failure type="${xml(r.enforcementLevel)}" message="${xml(r.message ?? "")}">${xml(details(r))}</failure>\n    </testcase>`;
        default: {
            const reason = `${r.status}: ${r.reason ?? ""}${note && r.status !== "disabled" ? ` (${note})` : ""}`;
            return `${open}\n      <skipped message="${xml(reason)}"/>\n    </testcase>`;
        }
    }
}

export function renderJunit(report: Report): string {
    const byPolicy = new Map<string, PolicyResult[]>();
    for (const r of report.results) {
        byPolicy.set(r.policy, [...(byPolicy.get(r.policy) ?? []), r]);
    }
    const count = (rs: readonly PolicyResult[], pred: (r: PolicyResult) => boolean) => rs.filter(pred).length;
    const failed = (r: PolicyResult) => r.status === "fail";
    const skipped = (r: PolicyResult) => r.status !== "fail" && r.status !== "pass";
    const timestamp = report.provenance?.finishedAt.replace(/\.\d+Z$/, "") ?? "";
    const suites = report.policies
        .filter((p) => byPolicy.has(p.id))
        .map((p) => {
            const rs = byPolicy.get(p.id) ?? [];
            const props = [
                ["enforcementLevel", p.enforcementLevel],
                ["defaultEnforcementLevel", p.defaultEnforcementLevel],
                ...(p.levelChange ? [["levelChange", p.levelChange]] : []),
                ["severity", p.severity],
                ...(p.area ? [["area", p.area]] : []),
                ...(p.layer ? [["layer", p.layer]] : []),
            ];
            return [
                `  <testsuite name="${xml(p.id)}" tests="${rs.length}" failures="${count(rs, failed)}" errors="0" skipped="${count(rs, skipped)}"${timestamp ? ` timestamp="${timestamp}"` : ""}>`,
                "    <properties>",
                ...props.map(([k, v]) => `      <property name="${xml(k as string)}" value="${xml(v as string)}"/>`),
                "    </properties>",
                ...rs.map((r) => testCase(r, report)),
                "  </testsuite>",
            ].join("\n");
        });
    const all = report.results;
    return [
        `<?xml version="1.0" encoding="UTF-8"?>`,
        `<testsuites name="${xml(`aiguard ${report.project}/${report.stack}`)}" tests="${all.length}" failures="${count(all, failed)}" errors="0" skipped="${count(all, skipped)}">`,
        ...suites,
        "</testsuites>",
        "",
    ].join("\n");
}

export const junitFormat: ReportRenderer = { extension: "junit.xml", render: renderJunit };
