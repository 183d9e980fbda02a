// SARIF 2.1.0, the format GitHub code scanning and most CI dashboards ingest. One rule per policy
// of the pack, one result per failing (policy, resource) with a fingerprint that stays the same from
// run to run, waived violations as accepted suppressions, undecided checks as results to review.
import { createHash } from "node:crypto";
import { relationVerbs } from "../../policy-pack/core/vocabulary";
import type { Report, ReportPolicy, ReportViolation } from "../report";
import type { ReportRenderer } from "./formats";

/** GitHub's scale for `security-severity`: critical ≥ 9, high 7–8.9, medium 4–6.9, low < 4. */
const securitySeverity: Record<string, string> = { critical: "9.5", high: "7.5", medium: "5.0", low: "2.0" };

function rule(p: ReportPolicy) {
    // Another pack states no relation or rationale: it only "cites" the control.
    const citations = p.controls.map(
        (c) =>
            `- ${c.relation ? relationVerbs[c.relation] : "cites"} ${c.framework} ${c.id}${c.rationale ? `: ${c.rationale}` : ""}`,
    );
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
        defaultConfiguration: { level: levelOf(p.defaultEnforcementLevel) },
        properties: {
            tags: [
                "security",
                ...(p.area ? [`area:${p.area}`] : []),
                ...(p.layer ? [`layer:${p.layer}`] : []),
                ...(p.cloud ? [`cloud:${p.cloud}`] : []),
                ...p.controls.map((c) => `${c.framework}:${c.id}`),
            ],
            enforcementLevel: p.enforcementLevel,
            ...(p.levelChange ? { levelChange: p.levelChange } : {}),
            "security-severity": securitySeverity[p.severity] ?? "5.0",
            precision: "high",
        },
    };
}

function levelOf(level: string): "error" | "warning" | "none" {
    return level === "mandatory" || level === "remediate" ? "error" : level === "advisory" ? "warning" : "none";
}

/** The policy config's changes as SARIF rule overrides: disabled rules off, downgraded ones as warnings. */
function overrides(policies: readonly ReportPolicy[]) {
    return policies.flatMap((p, index) =>
        p.levelChange
            ? [
                  {
                      descriptor: { id: p.id, index },
                      configuration:
                          p.enforcementLevel === "disabled"
                              ? { enabled: false }
                              : { level: levelOf(p.enforcementLevel) },
                      properties: { levelChange: p.levelChange, defaultEnforcementLevel: p.defaultEnforcementLevel },
                  },
              ]
            : [],
    );
}

/** A relative file path as a SARIF URI reference: forward slashes, each segment percent-encoded. */
function sarifUri(file: string): string {
    return file.split(/[\\/]/).map(encodeURIComponent).join("/");
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
                // The program line that registered the resource when the preview knows it; the URN always.
                ...(v.resource.source
                    ? {
                          physicalLocation: {
                              artifactLocation: { uri: sarifUri(v.resource.source.file) },
                              region: { startLine: v.resource.source.line },
                          },
                      }
                    : {}),
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

export function renderSarif(report: Report): string {
    const policies = report.policies;
    const ruleOverrides = overrides(policies);
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
                invocations: [
                    {
                        executionSuccessful: true,
                        ...(report.provenance
                            ? {
                                  startTimeUtc: report.provenance.startedAt,
                                  endTimeUtc: report.provenance.finishedAt,
                              }
                            : {}),
                        ...(ruleOverrides.length > 0 ? { ruleConfigurationOverrides: ruleOverrides } : {}),
                    },
                ],
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
                    ...(report.provenance ? { provenance: report.provenance } : {}),
                },
            },
        ],
    };
    return `${JSON.stringify(doc, null, 2)}\n`;
}

export const sarifFormat: ReportRenderer = { extension: "sarif", render: (report) => renderSarif(report) };
