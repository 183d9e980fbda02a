// One result per (policy, resource): what the engine saw, turned into pass / fail / waived /
// undecided / not-applicable / disabled.
//
// How a result is known:
//  - fail, waived, undecided: the pack sent a diagnostic for the (policy, resource). A current waiver
//    makes it `waived`; an expired one fails again.
//  - resource policies: the engine calls Analyze once per resource, and the pack answers with its
//    diagnostics and the list of policies that do not apply to that resource (AnalyzeResponse
//    `not_applicable`; aiguard's policies name every resource of another type there). A resource
//    analyzed without a diagnostic and without a not-applicable entry passed. Not-applicable entries
//    for another type are not listed one by one; a policy that applied to nothing gets one
//    stack-wide `not-applicable` result with the pack's reason.
//  - stack policies: AnalyzeStack judges the stack once, and its not-applicable list says which
//    policies had nothing to judge (no resource of their types, no AI system): one stack-wide
//    `not-applicable` result. Otherwise the policy judged the resources of its types that belong to
//    the AI system (the pack's classification), or, when no resource of its types is AI (checks of
//    the links between systems: peerings, routes, business security groups), every resource of its
//    types; each of them without a diagnostic passed. A pack the catalog does not know gives no
//    types, so its stack policy has one stack-wide `pass` when it sent nothing.
//  - disabled: a policy whose effective level is `disabled` never runs. It gets a `disabled` result
//    for each resource it would judge (its types, where known), else one stack-wide result.
import type { NotApplicable, RunResult } from "../harness/engine";
import { canonicalType } from "../policy-pack/core/adapter";
import type { Finding } from "../policy-pack/core/definition";
import type { WaiverMark } from "../policy-pack/core/message";
import type { ResourceClass } from "./finding-layers";
import type { Level, ReportPolicy } from "./report-policies";

export const resultStatuses = ["fail", "waived", "undecided", "pass", "not-applicable", "disabled"] as const;
export type ResultStatus = (typeof resultStatuses)[number];

export interface ResourceRef {
    readonly urn: string;
    readonly type: string;
    readonly name: string;
}

/** A failing setting with the fix the message gives for it. */
export interface ResultFinding extends Finding {
    readonly fix?: string;
}

export interface PolicyResult {
    readonly policy: string;
    /** The resource judged; for a stack-wide result, the stack itself. */
    readonly resource: ResourceRef;
    /** `stack` when the result is about the policy as a whole rather than one resource. */
    readonly scope: "resource" | "stack";
    readonly status: ResultStatus;
    readonly enforcementLevel: Level;
    readonly severity: string;
    readonly area: string;
    readonly layer: string;
    /** Why a result is not-applicable, disabled, waived or undecided. */
    readonly reason?: string;
    readonly message?: string;
    readonly findings?: readonly ResultFinding[];
    readonly waiver?: WaiverMark;
}

/** A diagnostic already joined with metadata (a report violation or undecided entry). */
export interface JudgedDiagnostic {
    readonly policy: string;
    readonly resource: ResourceRef;
    readonly enforcementLevel: string;
    readonly severity: string;
    readonly area: string;
    readonly layer: string;
    readonly message: string;
    readonly findings?: readonly Finding[];
    readonly fix?: string;
    readonly waiver?: WaiverMark;
}

export interface Evaluation {
    readonly result: Pick<RunResult, "notApplicable" | "analyzedUrns">;
    /** Every resource of the stack, as sent to AnalyzeStack. */
    readonly resources: readonly ResourceRef[];
    readonly classes: ReadonlyMap<string, ResourceClass>;
}

const statusRank: Record<ResultStatus, number> = {
    fail: 0,
    waived: 1,
    undecided: 2,
    pass: 3,
    "not-applicable": 4,
    disabled: 5,
};

const undecidedReason = /during preview: (.*)$/s;

function fromDiagnostic(d: JudgedDiagnostic, status: ResultStatus): PolicyResult {
    const reason =
        status === "waived" && d.waiver
            ? `waived until ${d.waiver.expires} by ${d.waiver.owner}: ${d.waiver.reason}`
            : status === "undecided"
              ? (undecidedReason.exec(d.message)?.[1] ?? "a value it needs is unknown during preview")
              : undefined;
    return {
        policy: d.policy,
        resource: d.resource,
        scope: "resource",
        status,
        enforcementLevel: d.enforcementLevel as Level,
        severity: d.severity,
        area: d.area,
        layer: d.layer,
        ...(reason ? { reason } : {}),
        message: d.message,
        ...(d.findings
            ? { findings: d.findings.map((f) => ({ ...f, ...(d.fix !== undefined ? { fix: d.fix } : {}) })) }
            : {}),
        ...(d.waiver ? { waiver: d.waiver } : {}),
    };
}

export function stackRef(resources: readonly ResourceRef[], project: string, stack: string): ResourceRef {
    return (
        resources.find((r) => r.type === "pulumi:pulumi:Stack") ?? {
            urn: `urn:pulumi:${stack}::${project}::pulumi:pulumi:Stack::${project}-${stack}`,
            type: "pulumi:pulumi:Stack",
            name: `${project}-${stack}`,
        }
    );
}

/** Entries by policy, then by URN: no composite string key per (policy, resource) pair. */
class ByPolicy<T> {
    private readonly map = new Map<string, Map<string, T>>();
    get(policy: string, urn: string): T | undefined {
        return this.map.get(policy)?.get(urn);
    }
    has(policy: string, urn: string): boolean {
        return this.map.get(policy)?.has(urn) ?? false;
    }
    set(policy: string, urn: string, value: T): void {
        let inner = this.map.get(policy);
        if (!inner) {
            inner = new Map();
            this.map.set(policy, inner);
        }
        inner.set(urn, value);
    }
    of(policy: string): Iterable<T> {
        return this.map.get(policy)?.values() ?? [];
    }
    hasPolicy(policy: string): boolean {
        return this.map.has(policy);
    }
    *values(): Iterable<T> {
        for (const inner of this.map.values()) {
            yield* inner.values();
        }
    }
}

/** The order of results in every report; one collator instead of a locale lookup per comparison. */
const collate = new Intl.Collator().compare;

export function buildResults(args: {
    policies: readonly ReportPolicy[];
    violations: readonly JudgedDiagnostic[];
    undecided: readonly JudgedDiagnostic[];
    /** What the engine saw; without it (a report from violations alone) only judged results are known. */
    evaluation?: Evaluation;
    stack: ResourceRef;
}): PolicyResult[] {
    const judged = new ByPolicy<PolicyResult>();
    const add = (r: PolicyResult) => {
        const existing = judged.get(r.policy, r.resource.urn);
        if (!existing || statusRank[r.status] < statusRank[existing.status]) {
            judged.set(r.policy, r.resource.urn, r);
        }
    };
    for (const v of args.violations) {
        add(fromDiagnostic(v, v.waiver?.status === "waived" ? "waived" : "fail"));
    }
    for (const v of args.undecided) {
        add(fromDiagnostic(v, "undecided"));
    }

    const out: PolicyResult[] = [...judged.values()];
    const ev = args.evaluation;
    const resources = ev?.resources ?? [];
    const notApplicable = new ByPolicy<NotApplicable>();
    for (const na of ev?.result.notApplicable ?? []) {
        notApplicable.set(na.policy, na.urn, na);
    }
    const analyzed = new Set(ev?.result.analyzedUrns ?? []);
    const byUrn = new Map(resources.map((r) => [r.urn, r] as const));
    // Type tokens normalised once, not once per policy.
    const canonical = new Map(resources.map((r) => [r, canonicalType(r.type)] as const));

    for (const p of args.policies) {
        const base = {
            policy: p.id,
            enforcementLevel: p.enforcementLevel,
            severity: p.severity,
            area: p.area ?? "",
        };
        const layerOf = (r: ResourceRef) => ev?.classes.get(r.urn)?.layer ?? p.layer ?? "";
        const stackWide = (status: ResultStatus, reason: string): PolicyResult => ({
            ...base,
            enforcementLevel: p.enforcementLevel,
            layer: p.layer ?? "",
            resource: args.stack,
            scope: "stack",
            status,
            reason,
        });
        const types = p.resourceTypes ? new Set(p.resourceTypes) : undefined;
        const ofTypes = types ? resources.filter((r) => types.has(canonical.get(r) ?? r.type)) : [];
        const inScope =
            p.kind === "resource"
                ? ofTypes.filter((r) => analyzed.has(r.urn))
                : ofTypes.some((r) => ev?.classes.get(r.urn)?.membership === "ai")
                  ? ofTypes.filter((r) => ev?.classes.get(r.urn)?.membership === "ai")
                  : ofTypes;

        if (p.enforcementLevel === "disabled") {
            const reason =
                p.levelChange === "disabled"
                    ? `disabled by the policy config (the pack's default is ${p.defaultEnforcementLevel})`
                    : "disabled in the pack";
            if (inScope.length === 0) {
                out.push(stackWide("disabled", reason));
            }
            for (const r of inScope) {
                out.push({ ...base, resource: r, scope: "resource", status: "disabled", reason, layer: layerOf(r) });
            }
            continue;
        }
        if (!ev) {
            continue;
        }
        const before = out.length;
        if (p.kind === "resource") {
            for (const urn of ev.result.analyzedUrns) {
                const r = byUrn.get(urn);
                if (!r || judged.has(p.id, urn)) {
                    continue;
                }
                const na = notApplicable.get(p.id, urn);
                if (!na) {
                    out.push({ ...base, resource: r, scope: "resource", status: "pass", layer: layerOf(r) });
                } else if (types?.has(canonical.get(r) ?? r.type)) {
                    // A resource of the policy's own types that the policy itself set aside: worth listing.
                    out.push({
                        ...base,
                        resource: r,
                        scope: "resource",
                        status: "not-applicable",
                        reason: na.reason,
                        layer: layerOf(r),
                    });
                }
            }
        } else {
            const na = notApplicable.get(p.id, "");
            if (na) {
                out.push(stackWide("not-applicable", na.reason || "the policy found nothing to judge"));
                continue;
            }
            if (!types) {
                if (!judged.hasPolicy(p.id)) {
                    out.push(stackWide("pass", "the policy judged the stack and reported nothing"));
                }
                continue;
            }
            for (const r of inScope) {
                if (!judged.has(p.id, r.urn)) {
                    out.push({ ...base, resource: r, scope: "resource", status: "pass", layer: layerOf(r) });
                }
            }
        }
        if (out.length === before && !judged.hasPolicy(p.id)) {
            const [first] = notApplicable.of(p.id);
            out.push(stackWide("not-applicable", first?.reason ?? "no resource the policy judges is in the stack"));
        }
    }
    return out.sort(
        (a, b) =>
            statusRank[a.status] - statusRank[b.status] ||
            collate(a.policy, b.policy) ||
            collate(a.resource.urn, b.resource.urn),
    );
}
