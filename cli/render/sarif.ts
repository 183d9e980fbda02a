// SARIF 2.1.0, the format GitHub code scanning and most CI dashboards ingest. One rule per policy
// of the pack, one result per failing (policy, resource) with a fingerprint that stays the same from
// run to run, waived violations as accepted suppressions, undecided checks as results to review.
import { createHash } from "node:crypto";
import type { PolicyDefinition } from "../../policy-pack/core/definition";
import { relationVerbs } from "../../policy-pack/core/vocabulary";
import type { Report, ReportViolation } from "../report";

/** GitHub's scale for `security-severity`: critical ≥ 9, high 7–8.9, medium 4–6.9, low < 4. */
const securitySeverity: Record<string, string> = { critical: "9.5", high: "7.5", medium: "5.0", low: "2.0" };

function rule(p: PolicyDefinition) {
    const citations = p.controls.map((c) => `- ${relationVerbs[c.relation]} ${c.framework} ${c.id}: ${c.rationale}`);
    const markdown = [
        `**${p.description}**`,
        "",
        "Fix:",
        ...p.remediation.map((r) => `- ${r}`),
        "",
        "Controls:",
        ...citations,
    ].join("\n");
    return {
        id: p.id,
        name: p.id,
        shortDescription: { text: p.description },
        fullDescription: { text: `${p.description} ${p.remediation.join(" ")}` },
        help: { text: p.remediation.join("\n"), markdown },
        defaultConfiguration: { level: p.enforcementLevel === "mandatory" ? "error" : "warning" },
        properties: {
            tags: [
                "security",
                `area:${p.area}`,
                `layer:${p.layer}`,
                `cloud:${p.cloud}`,
                ...p.controls.map((c) => `${c.framework}:${c.id}`),
            ],
            "security-severity": securitySeverity[p.severity] ?? "5.0",
            precision: "high",
        },
    };
}

/** Stable across runs: the same policy on the same resource is the same alert. */
function fingerprint(v: ReportViolation): string {
    return createHash("sha256").update(`${v.policy}\u0000${v.resource.urn}`).digest("hex");
}

function result(v: ReportViolation, ruleIndex: Map<string, number>, kind: "fail" | "review") {
    const index = ruleIndex.get(v.policy);
    return {
        ruleId: v.policy,
        ...(index !== undefined ? { ruleIndex: index } : {}),
        kind,
        level: kind === "review" ? "none" : v.enforcementLevel === "mandatory" ? "error" : "warning",
        message: { text: v.message },
        locations: [
            {
                logicalLocations: [{ fullyQualifiedName: v.resource.urn, name: v.resource.name, kind: "resource" }],
            },
        ],
        partialFingerprints: { "aiguardFinding/v1": fingerprint(v) },
        ...(v.waiver?.status === "waived"
            ? {
                  suppressions: [
                      {
                          kind: "external",
                          status: "accepted",
                          justification: `${v.waiver.reason} (owner ${v.waiver.owner}, until ${v.waiver.expires})`,
                      },
                  ],
              }
            : {}),
        properties: {
            resourceType: v.resource.type,
            severity: v.severity,
            area: v.area,
            layer: v.layer,
            ...(v.findings ? { findings: v.findings } : {}),
            ...(v.waiver ? { waiver: v.waiver } : {}),
        },
    };
}

export function renderSarif(report: Report, policies: readonly PolicyDefinition[]): string {
    const ruleIndex = new Map(policies.map((p, i) => [p.id, i] as const));
    const doc = {
        $schema: "https://json.schemastore.org/sarif-2.1.0.json",
        version: "2.1.0",
        runs: [
            {
                tool: {
                    driver: {
                        name: report.tool.name,
                        version: report.tool.version,
                        semanticVersion: report.tool.version,
                        rules: policies.map(rule),
                    },
                },
                automationDetails: { id: `${report.project}/${report.stack}/${report.mode}` },
                invocations: [{ executionSuccessful: true }],
                results: [
                    ...report.violations.map((v) => result(v, ruleIndex, "fail")),
                    ...report.undecided.map((v) => result(v, ruleIndex, "review")),
                ],
                properties: {
                    pack: report.pack,
                    project: report.project,
                    stack: report.stack,
                    resourcesEvaluated: report.resourcesEvaluated,
                    summary: report.summary,
                    unmatchedWaivers: report.unmatchedWaivers,
                },
            },
        ],
    };
    return `${JSON.stringify(doc, null, 2)}\n`;
}
