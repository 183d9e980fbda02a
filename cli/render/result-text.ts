// Plain-text pieces of a result that the tracker and dashboard formats share.
import type { PolicyResult, Report } from "../report";

/** "fail", or "fail (downgraded: mandatory → advisory)" when the policy config changed its level. */
export function levelNote(report: Report, policy: string): string {
    const p = report.policies.find((x) => x.id === policy);
    return p?.levelChange ? `${p.levelChange}: ${p.defaultEnforcementLevel} → ${p.enforcementLevel}` : "";
}

export function findingsText(r: PolicyResult, part: "setting" | "found" | "expected"): string {
    return (r.findings ?? []).map((f) => f[part]).join("\n");
}

export function fixText(r: PolicyResult): string {
    return [...new Set((r.findings ?? []).flatMap((f) => (f.fix ? [f.fix] : [])))].join("\n");
}

export function controlsText(report: Report, policy: string): string {
    const p = report.policies.find((x) => x.id === policy);
    return (p?.controls ?? []).map((c) => `${c.framework}:${c.id}`).join("; ");
}
