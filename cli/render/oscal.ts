// `--format oscal`: the report as an OSCAL 1.0.6 Assessment Results document. One result per run:
// the reviewed controls are every control a check of the pack tested; one observation per
// (policy, resource) result with its evidence (status, findings with setting, found and expected,
// waiver, reason); one finding per tested control, satisfied when every resource its checks judged
// passed. Resources are inventory items of the result; the pack is its component.

import { frameworkTitle, markdown, oscalControlId, oscalVersion, props } from "../oscal/common";
import { documentTime } from "../oscal/time";
import { oscalUuid } from "../oscal/uuid";
import type { ControlCoverage, PolicyResult, Report, ResourceRef } from "../report";
import type { ReportRenderer } from "./formats";

/** Statuses that mean the check judged the resource; the others are recorded but did not test it. */
const judged = new Set(["pass", "fail", "waived", "undecided"]);

function evidence(r: PolicyResult) {
    const findings = (r.findings ?? []).map((f) => ({
        description: markdown(`${f.setting}: found ${f.found}; expected ${f.expected}.`),
        props: props({ setting: f.setting, found: f.found, expected: f.expected }),
    }));
    return findings.length > 0
        ? findings
        : [{ description: markdown(r.message ?? r.reason ?? `The check ${r.policy} reported nothing: ${r.status}.`) }];
}

function observation(runId: string, r: PolicyResult, resourceUuid: string, collected: string) {
    return {
        uuid: oscalUuid("observation", runId, r.policy, r.resource.urn),
        title: `${r.policy} on ${r.resource.name}: ${r.status}`,
        description: markdown(
            r.status === "pass"
                ? `The check ${r.policy} judged ${r.resource.type} '${r.resource.name}' compliant.`
                : (r.message ?? r.reason ?? `${r.policy}: ${r.status}`),
        ),
        props: props({
            "policy-id": r.policy,
            result: r.status,
            "enforcement-level": r.enforcementLevel,
            severity: r.severity,
            area: r.area,
            layer: r.layer,
            scope: r.scope,
            reason: r.reason,
            ...(r.waiver
                ? {
                      "waiver-status": r.waiver.status,
                      "waiver-owner": r.waiver.owner,
                      "waiver-expires": r.waiver.expires,
                      "waiver-reason": r.waiver.reason,
                  }
                : {}),
        }),
        methods: ["TEST"],
        types: [r.status === "pass" ? "control-objective" : "finding"],
        subjects: [{ "subject-uuid": resourceUuid, type: "inventory-item", title: r.resource.urn }],
        ...(judged.has(r.status) ? { "relevant-evidence": evidence(r) } : {}),
        collected,
    };
}

function findingState(c: ControlCoverage): { state: "satisfied" | "not-satisfied"; reason: "pass" | "fail" | "other" } {
    if (c.failing > 0 || c.waived > 0) {
        return { state: "not-satisfied", reason: "fail" };
    }
    return c.undecided > 0 ? { state: "not-satisfied", reason: "other" } : { state: "satisfied", reason: "pass" };
}

function findingDescription(c: ControlCoverage, related: readonly PolicyResult[]): string {
    const checks = [...new Set(related.map((r) => r.policy))].join(", ");
    const parts = [
        `Tested on ${c.tested} resource(s) by ${checks}: ${c.compliant} compliant`,
        ...(c.failing > 0 ? [`${c.failing} failing`] : []),
        ...(c.waived > 0 ? [`${c.waived} failing under a waiver (risk accepted)`] : []),
        ...(c.undecided > 0 ? [`${c.undecided} undecided until deployment`] : []),
    ];
    return `${parts.join(", ")}.`;
}

export function assessmentResults(report: Report, lastModified: string) {
    const started = report.provenance?.startedAt ?? lastModified;
    const ended = report.provenance?.finishedAt ?? lastModified;
    const runId = `${report.pack.name}\u0000${report.project}\u0000${report.stack}\u0000${started}`;
    const resources = new Map<string, ResourceRef>();
    for (const r of report.results) {
        resources.set(r.resource.urn, r.resource);
    }
    const resourceUuid = (urn: string) => oscalUuid("inventory-item", runId, urn);
    const observations = report.results.map((r) => observation(runId, r, resourceUuid(r.resource.urn), ended));
    const observationOf = new Map(report.results.map((r, i) => [r, observations[i]?.uuid as string] as const));
    const tested = report.controls.filter((c) => c.tested > 0);
    const classes = new Map(report.resources.map((r) => [r.urn, r] as const));
    const findings = tested.map((c) => {
        const policies = new Set(c.policies.map((p) => p.id));
        const related = report.results.filter((r) => policies.has(r.policy) && judged.has(r.status));
        return {
            uuid: oscalUuid("finding", runId, c.framework, c.id),
            title: `${frameworkTitle(c.framework)} ${c.id}${c.title ? `: ${c.title}` : ""}`,
            description: findingDescription(c, related),
            props: props({
                framework: c.framework,
                "control-label": c.id,
                relation: c.relations.join(" "),
                tested: String(c.tested),
                compliant: String(c.compliant),
                failing: String(c.failing),
                waived: String(c.waived),
                undecided: String(c.undecided),
            }),
            target: {
                type: "objective-id",
                "target-id": oscalControlId(c.framework, c.id),
                status: findingState(c),
            },
            ...(related.length > 0
                ? {
                      "related-observations": related.map((r) => ({
                          "observation-uuid": observationOf.get(r) as string,
                      })),
                  }
                : {}),
        };
    });
    const selected = [...new Set(tested.map((c) => oscalControlId(c.framework, c.id)))];
    const disabled = report.policies.filter((p) => p.enforcementLevel === "disabled").map((p) => p.id);
    const downgraded = report.policies.filter((p) => p.levelChange === "downgraded").map((p) => p.id);
    return {
        "assessment-results": {
            uuid: oscalUuid("assessment-results", runId),
            metadata: {
                title: `${report.pack.name} assessment of ${report.project}/${report.stack}`,
                "last-modified": lastModified,
                version: report.tool.version,
                "oscal-version": oscalVersion,
                props: props({ tool: `${report.tool.name} ${report.tool.version}`, mode: report.mode }),
            },
            "import-ap": {
                href: `urn:aiguard:assessment-plan:${encodeURIComponent(report.pack.name)}:${encodeURIComponent(report.pack.version)}`,
                remarks: `The assessment plan is the policy pack itself: every check of ${report.pack.name} ${report.pack.version} run against every resource of the stack (see \`aiguard policies --format oscal-component\`).`,
            },
            results: [
                {
                    uuid: oscalUuid("result", runId),
                    title: `${report.pack.name} ${report.pack.version} on ${report.project}/${report.stack} (${report.mode})`,
                    description: `${report.summary.mandatory} mandatory and ${report.summary.advisory} advisory violation(s), ${report.summary.waived} waived, ${report.summary.undecided} undecided, over ${report.resourcesEvaluated} resource(s).`,
                    start: started,
                    end: ended,
                    props: props({
                        "disabled-policies": disabled.join(" "),
                        "downgraded-policies": downgraded.join(" "),
                        "policy-config": report.policyConfig.file,
                        ...Object.fromEntries(
                            (report.provenance?.inputs ?? []).map((i) => [`sha256-${i.kind}`, `${i.path} ${i.sha256}`]),
                        ),
                    }),
                    "local-definitions": {
                        components: [
                            {
                                uuid: oscalUuid("component", report.pack.name),
                                type: "software",
                                title: `${report.pack.name} policy pack`,
                                description: `Policy pack ${report.pack.name} ${report.pack.version}, the assessment's test.`,
                                status: { state: "operational" },
                            },
                        ],
                        ...(resources.size > 0
                            ? {
                                  "inventory-items": [...resources.values()].map((r) => ({
                                      uuid: resourceUuid(r.urn),
                                      description: markdown(`${r.type} '${r.name}'`),
                                      props: props({
                                          urn: r.urn,
                                          "resource-type": r.type,
                                          system: classes.get(r.urn)?.system,
                                          "system-reason": classes.get(r.urn)?.reason,
                                      }),
                                  })),
                              }
                            : {}),
                    },
                    "reviewed-controls": {
                        description: "Every control a check of the pack tested on at least one resource.",
                        "control-selections": [
                            selected.length > 0
                                ? { "include-controls": selected.map((id) => ({ "control-id": id })) }
                                : { description: "No check tested any resource." },
                        ],
                    },
                    ...(observations.length > 0 ? { observations } : {}),
                    ...(findings.length > 0 ? { findings } : {}),
                },
            ],
        },
    };
}

export const oscalFormat: ReportRenderer = {
    extension: "oscal.json",
    render: (report) => `${JSON.stringify(assessmentResults(report, documentTime()), null, 2)}\n`,
};
