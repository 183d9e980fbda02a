// CSV for trackers and spreadsheets: one row per (policy, resource) result, RFC 4180 (CRLF line
// ends, fields quoted when they hold a comma, quote or line break). A cell that a spreadsheet would
// read as a formula (starting with = + - @, tab or carriage return) is prefixed with an apostrophe.
import type { Report } from "../report";
import type { ReportRenderer } from "./formats";
import { controlsText, findingsText, fixText, levelNote } from "./result-text";

const columns = [
    "policy",
    "status",
    "enforcement_level",
    "level_change",
    "severity",
    "area",
    "layer",
    "resource_type",
    "resource_name",
    "resource_urn",
    "scope",
    "setting",
    "found",
    "expected",
    "fix",
    "reason",
    "waiver_owner",
    "waiver_expires",
    "controls",
] as const;

/** Neutralises spreadsheet formulas: OWASP's advice for CSV injection. */
export function defuse(value: string): string {
    return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function csvField(value: string): string {
    const safe = defuse(value);
    return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function renderCsv(report: Report): string {
    const rows = report.results.map((r) => [
        r.policy,
        r.status,
        r.enforcementLevel,
        levelNote(report, r.policy),
        r.severity,
        r.area,
        r.layer,
        r.resource.type,
        r.resource.name,
        r.resource.urn,
        r.scope,
        findingsText(r, "setting"),
        findingsText(r, "found"),
        findingsText(r, "expected"),
        fixText(r),
        r.reason ?? "",
        r.waiver?.owner ?? "",
        r.waiver?.expires ?? "",
        controlsText(report, r.policy),
    ]);
    return [columns as readonly string[], ...rows].map((row) => `${row.map(csvField).join(",")}\r\n`).join("");
}

export const csvFormat: ReportRenderer = { extension: "csv", render: renderCsv };
