// Turns policy definitions into `@pulumi/policy` policies. Cross-cutting work lives here once:
// safe property reads, the message format, unknown values, classification config and metadata.

import type {
    Policy,
    PolicyResource,
    ReportViolation,
    ResourceValidationArgs,
    ResourceValidationPolicy,
    StackValidationArgs,
    StackValidationPolicy,
} from "@pulumi/policy";
import { type Classification, type ClassificationConfig, classificationSchema, classify } from "./classification";
import type {
    ConfigSchema,
    Finding,
    PolicyDefinition,
    ResourcePolicyDefinition,
    StackPolicyDefinition,
    StackResource,
    Subject,
} from "./definition";
import { formatAllowed, formatFailure, formatWaived, printable, typeLabel } from "./message";
import { type CallKey, callOf, memoPerCall, rawProps } from "./per-call";
import { secretText, secretValuesOf, showsSecret } from "./secrets";
import { readPath } from "./values";
import { VerdictBuilder, VerdictsByResource } from "./verdict";
import { frameworkTitles } from "./vocabulary";
import { decideWaiver, today, type Waiver, waiverMatches, waiverSchema, waiversOf } from "./waivers";

/** Where each policy's reference entry lives, relative to the package root. */
export const docsPath = "docs/policies.md";

export interface PackIdentity {
    readonly name: string;
    readonly version: string;
}

/** Type tokens of azure-native's API-version modules (`azure-native:machinelearningservices/v20240401:Workspace`). */
const versionedAzureType = /^(azure-native:[A-Za-z0-9]+)\/v\d{8}[A-Za-z0-9]*:/;

/**
 * The canonical type token of a resource. azure-native 1.x and 2.x programs register resources under
 * API-version modules, and 3.x keeps those tokens as aliases, so existing state still holds them; a
 * policy written for the default module judges them too.
 */
export function canonicalType(type: string): string {
    return type.replace(versionedAzureType, "$1:");
}

function subjectOf(urn: string, type: string, name: string, props: unknown): Subject {
    const raw = rawProps(props);
    return {
        urn,
        type: canonicalType(type),
        name,
        get: (path) => readPath(raw, path),
        secretValues: () => secretValuesOf(raw),
    };
}

function undecidedMessage(policyId: string, pack: PackIdentity, subject: Subject, path: string): string {
    // Same wording as the SDK's own unknown-value advisory, so tools and people read both alike.
    return `can't run policy '${policyId}' from policy pack '${pack.name}@v${pack.version}' during preview: ${path} of ${typeLabel(subject.type)} '${printable(subject.name)}' can't be known during preview; the check decides at pulumi up`;
}

/**
 * Walks the SDK proxy along `path` so that it throws its own UnknownValueError, which the SDK turns
 * into the engine's standard advisory for the resource.
 */
function tripUnknown(props: unknown, path: string): void {
    let current: unknown = props;
    for (const segment of path.split(".")) {
        if (current === null || typeof current !== "object") {
            return;
        }
        current = (current as Record<string, unknown>)[segment];
    }
}

/**
 * `ReportViolation` is typed for strings, but the SDK also takes a diagnostic object (server.ts
 * `makeReportViolationFun`); that is the only way to set the URN and level of a single report.
 */
interface Diagnostic {
    readonly message: string;
    readonly urn?: string;
    readonly enforcementLevel?: "advisory";
}
function reportDiagnostic(report: ReportViolation, d: Diagnostic): void {
    (report as unknown as (d: Diagnostic) => void)(d);
}

/**
 * Tells the engine the policy does not apply, in the SDK's own wording for a type mismatch, so the
 * AnalyzeResponse lists it as not applicable and reports can tell "passed" from "did not apply".
 * The SDK's `notApplicable` throws a marker it catches itself; the guard keeps a caller that does
 * not provide it (an older SDK) working.
 */
function notApplicable(args: { notApplicable?: (reason?: string) => never }, reason: string): void {
    if (typeof args.notApplicable === "function") {
        // The marker is an Error, so each throw captured a stack trace nobody reads: with one throw
        // per (resource, policy of another type) that was a tenth of the pack's time at 10k resources.
        const limit = Error.stackTraceLimit;
        Error.stackTraceLimit = 0;
        try {
            args.notApplicable(reason);
        } finally {
            Error.stackTraceLimit = limit;
        }
    }
}

/** The reason given for resources of another type, as the SDK words its own fast-path check. */
export function otherTypeReason(types: readonly string[]): string {
    return types.length === 1
        ? `Policy only applies to resources of type '${types[0]}'`
        : `Policy only applies to resources of types ${types.map((t) => `'${t}'`).join(", ")}`;
}

/** Findings with any value that shows a secret replaced, so no message prints a secret. */
function withoutSecrets(findings: readonly Finding[], secrets: ReadonlySet<string>): Finding[] {
    return findings.map((f) => ({
        setting: showsSecret(f.setting, secrets) ? "a setting" : f.setting,
        found: showsSecret(f.found, secrets) ? secretText : f.found,
        expected: f.expected,
    }));
}

/**
 * The one diagnostic of a failing (policy, resource): every failing setting, with the waiver that
 * applies to it, if any. A current waiver lowers it to advisory; an expired one says so.
 */
function failureDiagnostic(
    def: PolicyDefinition,
    subject: Subject,
    findings: readonly Finding[],
    secrets: () => ReadonlySet<string>,
    waivers: readonly Waiver[],
): Diagnostic {
    const message = formatFailure(subject, withoutSecrets(findings, secrets()), def.remediation);
    const decision = waivers.length > 0 ? decideWaiver(waivers, subject, today()) : { kind: "none" as const };
    if (decision.kind === "none") {
        return { message };
    }
    const mark = { status: decision.kind, ...decision.waiver } as const;
    return {
        message: formatWaived(mark, message),
        ...(decision.kind === "waived" ? { enforcementLevel: "advisory" as const } : {}),
    };
}

function metadataOf(def: PolicyDefinition): Omit<Policy, "name" | "description" | "enforcementLevel"> {
    const primary = def.controls.find((c) => c.framework === "nist-800-53") ?? def.controls[0];
    const tags = [
        `area:${def.area}`,
        `layer:${def.layer}`,
        `cloud:${def.cloud}`,
        ...def.controls.map((c) => `${c.framework}:${c.id}`),
        ...def.peers.map((p) => `${p.tool}:${p.id}`),
    ];
    return {
        severity: def.severity,
        ...(primary
            ? {
                  framework: {
                      name: primary.framework,
                      version: primary.framework === "nist-800-53" ? "5" : "",
                      reference: primary.id,
                      specification: frameworkTitles[primary.framework],
                  },
              }
            : {}),
        tags,
        remediationSteps: def.remediation.join("\n"),
        url: `${docsPath}#${def.id}`,
    };
}

function configSchemaOf(def: PolicyDefinition): ConfigSchema {
    return {
        properties: {
            ...(def.kind === "stack" ? classificationSchema : {}),
            ...waiverSchema,
            ...(def.configSchema?.properties ?? {}),
        },
        ...(def.configSchema?.required ? { required: def.configSchema.required } : {}),
    };
}

/**
 * The type the SDK may use to skip a resource policy without calling it (it reads `__pulumiType` of
 * the function). Azure types are left without it: their API-version tokens must reach the policy to
 * be matched. Exported for the benchmark's no-op pack, which must be skipped alike.
 */
export function sdkSkipType(def: ResourcePolicyDefinition<unknown>): string | undefined {
    const only = def.resourceTypes.length === 1 ? (def.resourceTypes[0] as string) : undefined;
    return only && !only.startsWith("azure-native:") ? only : undefined;
}

function toResourcePolicy(def: ResourcePolicyDefinition<unknown>, pack: PackIdentity): ResourceValidationPolicy {
    const types = new Set(def.resourceTypes);
    const validateResource = (args: ResourceValidationArgs, report: ReportViolation) => {
        const subject = subjectOf(args.urn, args.type, args.name, args.props);
        if (!types.has(subject.type)) {
            notApplicable(args, otherTypeReason(def.resourceTypes));
            return;
        }
        const config = args.getConfig();
        const builder = new VerdictBuilder();
        def.validate(subject, {
            config,
            fail: (finding) => builder.fail(finding),
            undecided: (path) => builder.undecided(path),
        });
        const verdict = builder.verdict();
        if (verdict.kind === "fail") {
            const secrets = () => secretValuesOf(rawProps(args.props));
            reportDiagnostic(report, failureDiagnostic(def, subject, verdict.findings, secrets, waiversOf(config)));
        } else if (verdict.kind === "undecided") {
            tripUnknown(args.props, verdict.path);
            // Only reached when the proxy did not throw (e.g. props not proxied): say it ourselves.
            reportDiagnostic(report, {
                message: undecidedMessage(def.id, pack, subject, verdict.path),
                enforcementLevel: "advisory",
            });
        }
    };
    const only = sdkSkipType(def);
    if (only) {
        (validateResource as unknown as { __pulumiType: string }).__pulumiType = only;
    }
    return {
        name: def.id,
        description: def.description,
        enforcementLevel: def.enforcementLevel,
        ...metadataOf(def),
        configSchema: configSchemaOf(def) as never,
        validateResource,
    };
}

/** Rebuilds the SDK's resource graph with safe readers, keeping identity of parents and dependencies. */
function stackResourcesOf(resources: readonly PolicyResource[]): StackResource[] {
    const byOriginal = new Map<PolicyResource, { -readonly [K in keyof StackResource]: StackResource[K] }>();
    for (const r of resources) {
        const subject = subjectOf(r.urn, r.type, r.name, r.props);
        // The SDK records a property-dependency entry for every input the program sets, even an empty one.
        const inputKeys = new Set(Object.keys(r.propertyDependencies));
        byOriginal.set(r, {
            ...subject,
            dependencies: [],
            propertyDependencies: {},
            setByProgram: (prop) => (inputKeys.size === 0 ? undefined : inputKeys.has(prop)),
        });
    }
    for (const r of resources) {
        const target = byOriginal.get(r);
        if (!target) {
            continue;
        }
        if (r.parent) {
            const parent = byOriginal.get(r.parent);
            if (parent) {
                target.parent = parent;
            }
        }
        target.dependencies = r.dependencies.flatMap((d) => byOriginal.get(d) ?? []);
        const pd: Record<string, StackResource[]> = {};
        for (const [key, deps] of Object.entries(r.propertyDependencies)) {
            pd[key] = deps.flatMap((d) => byOriginal.get(d) ?? []);
        }
        target.propertyDependencies = pd;
    }
    return [...byOriginal.values()];
}

/** The secret values of every resource of a stack: a stack message may quote any of them. */
function stackSecrets(resources: readonly PolicyResource[]): ReadonlySet<string> {
    const out = new Set<string>();
    for (const r of resources) {
        for (const s of secretValuesOf(rawProps(r.props))) {
            out.add(s);
        }
    }
    return out;
}

/**
 * What every stack policy of one AnalyzeStack call derives from the same resources: built by the
 * first policy that needs it, shared by the rest (see per-call.ts).
 */
function stackTypesOf(call: CallKey | undefined, resources: readonly PolicyResource[]): ReadonlySet<string> {
    return memoPerCall(call, "types", () => new Set(resources.map((r) => canonicalType(r.type))));
}

function sharedStackResources(call: CallKey | undefined, resources: readonly PolicyResource[]): StackResource[] {
    return memoPerCall(call, "resources", () => stackResourcesOf(resources));
}

function sharedClassification(
    call: CallKey | undefined,
    resources: readonly StackResource[],
    config: ClassificationConfig,
): Classification {
    // Policies may be configured with different tag selectors: one classification per selector set.
    const key = `classification:${JSON.stringify([config.aiTags ?? null, config.businessTags ?? null])}`;
    return memoPerCall(call, key, () => classify(resources, config));
}

function sharedSecrets(call: CallKey | undefined, resources: readonly PolicyResource[]): ReadonlySet<string> {
    return memoPerCall(call, "secrets", () => stackSecrets(resources));
}

function toStackPolicy(def: StackPolicyDefinition<unknown>, pack: PackIdentity): StackValidationPolicy {
    const types = new Set(def.resourceTypes);
    return {
        name: def.id,
        description: def.description,
        enforcementLevel: def.enforcementLevel,
        ...metadataOf(def),
        configSchema: configSchemaOf(def) as never,
        validateStack: (args: StackValidationArgs, report: ReportViolation) => {
            const call = callOf(args.resources);
            const present = stackTypesOf(call, args.resources);
            if (!def.resourceTypes.some((t) => present.has(t))) {
                notApplicable(args, `No resource of its types in the stack (${def.resourceTypes.join(", ")})`);
                return;
            }
            const resources = sharedStackResources(call, args.resources);
            const config = args.getConfig() as ClassificationConfig;
            const classification = sharedClassification(call, resources, config);
            // A stack without an AI system is outside every policy's scope.
            if (!classification.hasAi() && !def.judgesWithoutAiSystem) {
                notApplicable(args, "The stack has no AI system");
                return;
            }
            const verdicts = new VerdictsByResource<StackResource>();
            const allowed = new VerdictsByResource<StackResource>();
            const justifications = new Map<StackResource, Set<string>>();
            def.validate({
                config,
                resources,
                classification,
                fail: (resource, finding) => verdicts.of(resource).fail(finding),
                undecided: (resource, path) => verdicts.of(resource).undecided(path),
                allow: (resource, finding, justification) => {
                    allowed.of(resource).fail(finding);
                    justifications.set(resource, (justifications.get(resource) ?? new Set()).add(justification));
                },
            });
            let secrets: ReadonlySet<string> | undefined;
            const allSecrets = () => {
                secrets ??= sharedSecrets(call, args.resources);
                return secrets;
            };
            const waivers = waiversOf(config);
            const failing = new Set<StackResource>();
            for (const [resource, verdict] of verdicts.verdicts()) {
                if (verdict.kind === "fail") {
                    failing.add(resource);
                    const d = failureDiagnostic(def, resource, verdict.findings, allSecrets, waivers);
                    reportDiagnostic(report, { ...d, urn: resource.urn });
                } else if (verdict.kind === "undecided") {
                    reportDiagnostic(report, {
                        message: undecidedMessage(def.id, pack, resource, verdict.path),
                        urn: resource.urn,
                        enforcementLevel: "advisory",
                    });
                }
            }
            for (const [resource, verdict] of allowed.verdicts()) {
                if (verdict.kind === "fail" && !failing.has(resource)) {
                    const message = formatFailure(
                        resource,
                        withoutSecrets(verdict.findings, allSecrets()),
                        def.remediation,
                    );
                    reportDiagnostic(report, {
                        message: formatAllowed([...(justifications.get(resource) ?? [])], message),
                        urn: resource.urn,
                        enforcementLevel: "advisory",
                    });
                }
            }
            for (const w of waivers) {
                if (!resources.some((r) => types.has(r.type) && waiverMatches(w, r))) {
                    reportDiagnostic(report, {
                        message: unmatchedWaiverMessage(w),
                        enforcementLevel: "advisory",
                    });
                }
            }
        },
    };
}

/** A waiver that names no resource of its policy: a typo, or a resource that is gone. */
export function unmatchedWaiverMessage(w: Waiver): string {
    return `Waiver for '${printable(w.resource)}' (owner ${printable(w.owner)}, expires ${w.expires}) matches no resource this policy judges in the stack; correct its resource or remove it.`;
}

export function toPulumiPolicy(
    def: PolicyDefinition,
    pack: PackIdentity,
): ResourceValidationPolicy | StackValidationPolicy {
    return def.kind === "resource" ? toResourcePolicy(def, pack) : toStackPolicy(def, pack);
}
