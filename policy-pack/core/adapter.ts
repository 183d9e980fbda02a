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
import { type ClassificationConfig, classificationSchema, classify } from "../shared/classification";
import type {
    ConfigSchema,
    Finding,
    PolicyDefinition,
    ResourcePolicyDefinition,
    StackPolicyDefinition,
    StackResource,
    Subject,
} from "./definition";
import { readPath } from "./values";
import { frameworkTitles } from "./vocabulary";

/** Where each policy's reference entry lives, relative to the package root. */
export const docsPath = "docs/policies.md";

export interface PackIdentity {
    readonly name: string;
    readonly version: string;
}

/** `@pulumi/policy` keeps the raw object behind its unknown-checking proxy under this key. */
const proxyTargetKey = "__getSpecialProxyTarget";

function rawProps(props: unknown): unknown {
    if (props !== null && typeof props === "object") {
        const target = (props as Record<string, unknown>)[proxyTargetKey];
        if (target !== undefined) {
            return target;
        }
    }
    return props;
}

function subjectOf(urn: string, type: string, name: string, props: unknown): Subject {
    const raw = rawProps(props);
    return { urn, type, name, get: (path) => readPath(raw, path) };
}

/** A short label for a resource type token: `aws:sagemaker/notebookInstance:NotebookInstance` → `NotebookInstance`. */
export function typeLabel(type: string): string {
    const parts = type.split(":");
    return parts[parts.length - 1] || type;
}

export function formatMessage(
    subject: { type: string; name: string },
    finding: Finding,
    fix: readonly string[],
): string {
    return `${typeLabel(subject.type)} '${subject.name}': ${finding.setting} is ${finding.found}; expected ${finding.expected}. Fix: ${fix.join(" ")}`;
}

function undecidedMessage(policyId: string, pack: PackIdentity, subject: Subject, path: string): string {
    // Same wording as the SDK's own unknown-value advisory, so tools and people read both alike.
    return `can't run policy '${policyId}' from policy pack '${pack.name}@v${pack.version}' during preview: ${path} of ${typeLabel(subject.type)} '${subject.name}' can't be known during preview; the check decides at pulumi up`;
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

function configSchemaOf(def: PolicyDefinition): ConfigSchema | undefined {
    if (def.kind === "stack") {
        return {
            properties: { ...classificationSchema, ...(def.configSchema?.properties ?? {}) },
            ...(def.configSchema?.required ? { required: def.configSchema.required } : {}),
        };
    }
    return def.configSchema;
}

function toResourcePolicy(def: ResourcePolicyDefinition<unknown>, pack: PackIdentity): ResourceValidationPolicy {
    const types = new Set(def.resourceTypes);
    const validateResource = (args: ResourceValidationArgs, report: ReportViolation) => {
        if (!types.has(args.type)) {
            return;
        }
        const subject = subjectOf(args.urn, args.type, args.name, args.props);
        def.validate(subject, {
            config: args.getConfig(),
            fail: (finding) => reportDiagnostic(report, { message: formatMessage(subject, finding, def.remediation) }),
            undecided: (path) => {
                tripUnknown(args.props, path);
                // Only reached when the proxy did not throw (e.g. props not proxied): say it ourselves.
                reportDiagnostic(report, {
                    message: undecidedMessage(def.id, pack, subject, path),
                    enforcementLevel: "advisory",
                });
            },
        });
    };
    if (def.resourceTypes.length === 1) {
        // The SDK skips other types without calling the policy when the function carries its type.
        (validateResource as unknown as { __pulumiType: string }).__pulumiType = def.resourceTypes[0] as string;
    }
    return {
        name: def.id,
        description: def.description,
        enforcementLevel: def.enforcementLevel,
        ...metadataOf(def),
        ...(def.configSchema ? { configSchema: configSchemaOf(def) as never } : {}),
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

function toStackPolicy(def: StackPolicyDefinition<unknown>, pack: PackIdentity): StackValidationPolicy {
    const types = new Set(def.resourceTypes);
    return {
        name: def.id,
        description: def.description,
        enforcementLevel: def.enforcementLevel,
        ...metadataOf(def),
        configSchema: configSchemaOf(def) as never,
        validateStack: (args: StackValidationArgs, report: ReportViolation) => {
            if (!args.resources.some((r) => types.has(r.type))) {
                return;
            }
            const resources = stackResourcesOf(args.resources);
            const config = args.getConfig() as ClassificationConfig;
            def.validate({
                config,
                resources,
                classification: classify(resources, config),
                fail: (resource, finding) =>
                    reportDiagnostic(report, {
                        message: formatMessage(resource, finding, def.remediation),
                        urn: resource.urn,
                    }),
                undecided: (resource, path) =>
                    reportDiagnostic(report, {
                        message: undecidedMessage(def.id, pack, resource, path),
                        urn: resource.urn,
                        enforcementLevel: "advisory",
                    }),
            });
        },
    };
}

export function toPulumiPolicy(
    def: PolicyDefinition,
    pack: PackIdentity,
): ResourceValidationPolicy | StackValidationPolicy {
    return def.kind === "resource" ? toResourcePolicy(def, pack) : toStackPolicy(def, pack);
}
