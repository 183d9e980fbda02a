// The one report model every format renders: diagnostics joined with the pack's policy metadata, in
// the shape of the `--format json` document of the product contract (violations, undecided,
// summary), extended with one result per (policy, resource), the policies with their effective
// levels, the classification of every resource, control coverage, the ATLAS threat view and the
// provenance of the run. New data goes into new fields; the contract's fields keep their meaning.

import type { AnalyzerInfoView, Diagnostic, RunResult } from "../harness/engine";
import type { TagSelectors } from "../policy-pack/core/classification";
import type { Finding, PolicyDefinition } from "../policy-pack/core/definition";
import { parseMessage, type WaiverMark } from "../policy-pack/core/message";
import type { Peer } from "../policy-pack/core/vocabulary";
import type { PackControl } from "./pack-metadata";
import type { Provenance } from "./provenance";
import { atlasThreats, type ControlCoverage, controlCoverage, type ThreatView } from "./report-coverage";
import { type Level, type ReportPolicy, reportPolicies } from "./report-policies";
import {
    buildResults,
    type Evaluation,
    type PolicyResult,
    type ResourceRef,
    type ResultStatus,
    resultStatuses,
    stackRef,
} from "./report-results";

export type { ControlCoverage, Level, PolicyResult, ReportPolicy, ResourceRef, ResultStatus, ThreatView };

export type Mode = "preview" | "analyze" | "events";

/** What produced the report, in words, for the human formats' headers. */
export function modeDescription(mode: Mode): string {
    switch (mode) {
        case "preview":
            return "Offline preview";
        case "analyze":
            return "Analysis of a state file";
        case "events":
            return "Report from a pulumi engine event log";
    }
}

export interface ReportViolation {
    readonly policy: string;
    readonly resource: {
        readonly urn: string;
        readonly type: string;
        readonly name: string;
        /** The program file (relative to where aiguard ran) and line that registered it, when previewed. */
        readonly source?: SourceLine;
    };
    readonly enforcementLevel: string;
    readonly severity: string;
    readonly area: string;
    readonly layer: string;
    readonly controls: readonly PackControl[];
    readonly peers: readonly Peer[];
    readonly message: string;
    /** One entry per failing setting, read back from the message; absent for messages of other packs. */
    readonly findings?: readonly Finding[];
    /** A waiver that matched: `waived` (does not fail the run) or `expired` (fails again). */
    readonly waiver?: WaiverMark;
    /** The fix the message gives, read back with the findings. */
    readonly fix?: string;
}

/** A resource of the stack and how the pack's classification sees it. */
export interface ReportResource extends ResourceRef {
    /** `ai`, `business`, or `none` when no signal places it in either system. */
    readonly system: "ai" | "business" | "none";
    /** Why it belongs to its system (tag, type or reference), when it does. */
    readonly reason?: string;
    /** The layer of the AI workload it serves, when the classification decides one. */
    readonly layer?: string;
}

/** A waiver in the policy config that names no resource its policy judges. */
export interface UnmatchedWaiver {
    readonly policy: string;
    readonly resource: string;
    readonly owner: string;
    readonly expires: string;
}

export interface Report {
    readonly tool: { readonly name: "aiguard"; readonly version: string };
    readonly pack: { readonly name: string; readonly version: string };
    readonly mode: Mode;
    readonly project: string;
    readonly stack: string;
    readonly resourcesEvaluated: number;
    /** Violations, waived ones included (marked by `waiver`). */
    readonly violations: readonly ReportViolation[];
    /** Checks that could not decide during preview because a value they need is unknown. */
    readonly undecided: readonly ReportViolation[];
    readonly unmatchedWaivers: readonly UnmatchedWaiver[];
    readonly summary: {
        readonly mandatory: number;
        readonly advisory: number;
        readonly waived: number;
        readonly undecided: number;
        /** Results by status, over every (policy, resource). */
        readonly results: Readonly<Record<ResultStatus, number>>;
        /** Policies the policy config disabled, and those it lowered from mandatory to advisory. */
        readonly disabledPolicies: number;
        readonly downgradedPolicies: number;
    };
    /** One result per (policy, resource): pass, fail, waived, undecided, not-applicable or disabled. */
    readonly results: readonly PolicyResult[];
    /** Every policy of the served pack, with its default and effective enforcement level. */
    readonly policies: readonly ReportPolicy[];
    /** Every resource of the stack with its AI / business classification and the reason. */
    readonly resources: readonly ReportResource[];
    /** The tag selectors the classification used (defaults plus `--ai-tag` / `--business-tag`). */
    readonly selectors: { readonly aiTags: TagSelectors; readonly businessTags: TagSelectors };
    /** The policy config the run used: the file given, and every policy's effective level and properties. */
    readonly policyConfig: {
        readonly file?: string;
        readonly effective: Readonly<
            Record<string, { readonly enforcementLevel: Level; readonly properties: Record<string, unknown> }>
        >;
    };
    /** Per framework control, how many resources its checks tested and how many comply. */
    readonly controls: readonly ControlCoverage[];
    /** MITRE ATLAS techniques relevant to the AI services the stack deploys, and the checks against them. */
    readonly threats: ThreatView;
    readonly provenance?: Provenance;
}

/** A line of the program: `file` as shown to the user (relative to the working directory). */
export interface SourceLine {
    readonly file: string;
    readonly line: number;
}

function toViolation(
    d: Diagnostic,
    byId: ReadonlyMap<string, ReportPolicy>,
    layers: ReadonlyMap<string, string>,
    sources: ReadonlyMap<string, SourceLine>,
): ReportViolation {
    const def = byId.get(d.policy);
    const source = sources.get(d.urn);
    const parsed = d.undecided ? undefined : parseMessage(d.message);
    return {
        policy: d.policy,
        resource: { urn: d.urn, type: d.type, name: d.name, ...(source ? { source } : {}) },
        enforcementLevel: d.enforcementLevel,
        severity: def?.severity && def.severity !== "unspecified" ? def.severity : d.severity,
        area: def?.area ?? "",
        // The layer of the finding: the AI workload the resource serves, else the policy's own.
        layer: layers.get(d.urn) ?? def?.layer ?? "",
        controls: def?.controls ?? [],
        peers: def?.peers ?? [],
        message: d.message,
        ...(parsed ? { findings: parsed.findings } : {}),
        ...(parsed?.waiver ? { waiver: parsed.waiver } : {}),
        ...(parsed ? { fix: parsed.fix } : {}),
    };
}

const levelOrder: Record<string, number> = { mandatory: 0, advisory: 1 };

/** The pack's own note that a waiver of a stack policy matches nothing (see core/adapter.ts). */
const unmatchedWaiverNote = /^Waiver for '(.*)' \(owner (.*), expires (\S+)\) matches no resource/s;

export function buildReport(args: {
    toolVersion: string;
    pack: { name: string; version: string };
    mode: Mode;
    project: string;
    stack: string;
    result: RunResult;
    policies: readonly PolicyDefinition[];
    /** Waivers of resource policies that match nothing, found by the runner (see waiver-check.ts). */
    unmatchedWaivers?: readonly UnmatchedWaiver[];
    /** The layer of each resource's findings where the classification decides it (finding-layers.ts). */
    layers?: ReadonlyMap<string, string>;
    /** Where the program registered each resource, by URN (previews only). */
    sources?: ReadonlyMap<string, SourceLine>;
    /** The pack actually served, as GetAnalyzerInfo described it; its policies are the report's policies. */
    info?: AnalyzerInfoView;
    /** What the engine was sent and answered, for pass and not-applicable results. */
    evaluation?: Evaluation;
    selectors?: { readonly aiTags: TagSelectors; readonly businessTags: TagSelectors };
    policyConfigFile?: string;
    provenance?: Provenance;
}): Report {
    const layers =
        args.layers ??
        new Map([...(args.evaluation?.classes ?? [])].flatMap(([urn, c]) => (c.layer ? [[urn, c.layer]] : [])));
    // Metadata comes from the pack that was served (its analyzer info), never from the catalog by name.
    const info = args.info ?? infoFromCatalog(args.pack, args.policies);
    const sources = args.sources ?? new Map<string, SourceLine>();
    const policies = reportPolicies(info, args.policies, args.result.config);
    const byId = new Map(policies.map((p) => [p.id, p] as const));
    const order = (a: ReportViolation, b: ReportViolation) =>
        (levelOrder[a.enforcementLevel] ?? 2) - (levelOrder[b.enforcementLevel] ?? 2) ||
        a.policy.localeCompare(b.policy) ||
        a.resource.urn.localeCompare(b.resource.urn);
    const unmatched: UnmatchedWaiver[] = [...(args.unmatchedWaivers ?? [])];
    const decided: Diagnostic[] = [];
    for (const d of args.result.diagnostics.filter((x) => !x.undecided)) {
        const note = unmatchedWaiverNote.exec(d.message);
        if (note) {
            unmatched.push({
                policy: d.policy,
                resource: note[1] as string,
                owner: note[2] as string,
                expires: note[3] as string,
            });
        } else {
            decided.push(d);
        }
    }
    const violations = decided.map((d) => toViolation(d, byId, layers, sources)).sort(order);
    const undecided = args.result.diagnostics
        .filter((d) => d.undecided)
        .map((d) => toViolation(d, byId, layers, sources))
        .sort(order);
    const waived = violations.filter((v) => v.waiver?.status === "waived");
    const notWaived = violations.filter((v) => v.waiver?.status !== "waived");
    const ev = args.evaluation;
    const stack = stackRef(ev?.resources ?? [], args.project, args.stack);
    const results = buildResults({ policies, violations, undecided, stack, ...(ev ? { evaluation: ev } : {}) });
    const classes = ev?.classes ?? new Map();
    const resultCounts = Object.fromEntries(
        resultStatuses.map((s) => [s, results.filter((r) => r.status === s).length]),
    ) as Record<ResultStatus, number>;
    return {
        tool: { name: "aiguard", version: args.toolVersion },
        pack: args.pack,
        mode: args.mode,
        project: args.project,
        stack: args.stack,
        resourcesEvaluated: args.result.resourcesEvaluated,
        violations,
        undecided,
        unmatchedWaivers: unmatched.sort(
            (a, b) => a.policy.localeCompare(b.policy) || a.resource.localeCompare(b.resource),
        ),
        summary: {
            mandatory: notWaived.filter((v) => v.enforcementLevel === "mandatory").length,
            advisory: notWaived.filter((v) => v.enforcementLevel === "advisory").length,
            waived: waived.length,
            undecided: undecided.length,
            results: resultCounts,
            disabledPolicies: policies.filter((p) => p.levelChange === "disabled").length,
            downgradedPolicies: policies.filter((p) => p.levelChange === "downgraded").length,
        },
        results,
        policies,
        resources: (ev?.resources ?? []).map((r) => {
            const c = classes.get(r.urn);
            return {
                urn: r.urn,
                type: r.type,
                name: r.name,
                system: c?.membership ?? "none",
                ...(c?.reason ? { reason: c.reason } : {}),
                ...(c?.layer ? { layer: c.layer } : {}),
            };
        }),
        selectors: args.selectors ?? { aiTags: {}, businessTags: {} },
        policyConfig: {
            ...(args.policyConfigFile ? { file: args.policyConfigFile } : {}),
            effective: Object.fromEntries(args.result.config),
        },
        controls: controlCoverage(policies, results),
        threats: atlasThreats(policies, results, ev?.resources ?? [], classes),
        ...(args.provenance ? { provenance: args.provenance } : {}),
    };
}

/** Without the served pack's analyzer info, the catalog stands in for it (its own pack). */
function infoFromCatalog(
    pack: { name: string; version: string },
    catalog: readonly PolicyDefinition[],
): AnalyzerInfoView {
    return {
        name: pack.name,
        version: pack.version,
        supportsConfig: true,
        initialConfig: {},
        policies: catalog.map((p) => ({
            name: p.id,
            description: p.description,
            enforcementLevel: p.enforcementLevel,
            kind: p.kind,
            severity: p.severity,
            tags: [],
            remediationSteps: p.remediation.join("\n"),
            url: "",
        })),
    };
}
