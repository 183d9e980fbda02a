import type { Classification } from "./classification";
import type { Value } from "./values";
import type { Area, Cloud, Control, DefaultEnforcementLevel, Layer, Peer, Severity } from "./vocabulary";

/** A JSON schema for one policy's config properties, in the shape `@pulumi/policy` accepts. */
export interface ConfigSchema {
    readonly properties: Record<string, Record<string, unknown>>;
    readonly required?: readonly string[];
}

/**
 * Everything that describes a policy. This object is the single source of truth: the `@pulumi/policy`
 * metadata, `aiguard policies`, the reports and the generated reference docs are all derived from it.
 */
export interface PolicyInfo {
    /** kebab-case, unique in the pack, stable: users reference it in config files. */
    readonly id: string;
    readonly cloud: Cloud;
    readonly area: Area;
    readonly layer: Layer;
    readonly severity: Severity;
    readonly enforcementLevel: DefaultEnforcementLevel;
    /** One sentence stating the compliant state, ending with a period. */
    readonly description: string;
    /** Framework controls this check enforces; at least one `nist-800-53` and one `mitre-atlas`. */
    readonly controls: readonly Control[];
    /** Checks of other tools that test the same thing. */
    readonly peers: readonly Peer[];
    /** What to change, as imperative steps. */
    readonly remediation: readonly string[];
    /**
     * What the check does with values unknown during preview, and where it departs from a peer's
     * verdict. Shown in the reference docs.
     */
    readonly notes?: readonly string[];
    readonly configSchema?: ConfigSchema;
}

/** A finding about one setting of one resource. The message is built from these parts. */
export interface Finding {
    /** Property path as the user writes it, e.g. `dataCaptureConfig.enableCapture`. */
    readonly setting: string;
    /** What was found, already rendered safely (see `describe`). */
    readonly found: string;
    /** The compliant value or state. */
    readonly expected: string;
}

/** A resource as a policy sees it: identity plus safe property reads. */
export interface Subject {
    readonly urn: string;
    readonly type: string;
    readonly name: string;
    /** Reads an input (resource policies) or output (stack policies) property path. */
    get(path: string): Value;
    /**
     * The values the program marked secret, as strings, for checks that judge where a secret was put
     * (a secret copied into plain configuration). Never to be written into a finding.
     */
    secretValues?(): ReadonlySet<string>;
}

export interface StackResource extends Subject {
    readonly parent?: StackResource;
    readonly dependencies: readonly StackResource[];
    /** Resources each input property depends on, keyed by top-level property name. */
    readonly propertyDependencies: Readonly<Record<string, readonly StackResource[]>>;
    /**
     * Whether the program set the top-level input `prop`; `undefined` when the engine has no record.
     * Stack policies see outputs, where a provider-computed property is unknown during preview even
     * though the program never set it; this tells the two apart.
     */
    setByProgram(prop: string): boolean | undefined;
}

export interface ResourceCheck<C> {
    readonly config: C;
    fail(finding: Finding): void;
    /**
     * The verdict depends on `path`, which is unknown during preview. The engine reports this as an
     * advisory "can't run during preview" and the check decides at `pulumi up`.
     */
    undecided(path: string): void;
}

export interface StackCheck<C> {
    readonly config: C;
    readonly resources: readonly StackResource[];
    /** AI and business membership of every resource in the stack (see shared/classification). */
    readonly classification: Classification;
    fail(resource: StackResource, finding: Finding): void;
    undecided(resource: StackResource, path: string): void;
    /**
     * What would be a failure, accepted by an allowlist entry of the policy's config with its
     * justification: reported as advisory with the justification, so it stays visible in reports.
     * A resource that also fails is reported once, as failing.
     */
    allow(resource: StackResource, finding: Finding, justification: string): void;
}

export interface ResourcePolicyDefinition<C = Record<string, never>> extends PolicyInfo {
    readonly kind: "resource";
    /** Type tokens the policy applies to; other types are not applicable and are never evaluated. */
    readonly resourceTypes: readonly string[];
    validate(resource: Subject, check: ResourceCheck<C>): void;
}

export interface StackPolicyDefinition<C = Record<string, never>> extends PolicyInfo {
    readonly kind: "stack";
    /**
     * Set only for a policy whose subject is governance of AI services rather than a resource of the
     * AI system (the organization's AI opt-out lives in a stack that holds no AI resource): why it
     * judges stacks without an AI system. Every other stack policy is silent in such stacks.
     */
    readonly judgesWithoutAiSystem?: string;
    /** Type tokens the policy inspects; with none of them in the stack it is not applicable. */
    readonly resourceTypes: readonly string[];
    validate(check: StackCheck<C>): void;
}

// biome-ignore lint/suspicious/noExplicitAny: the catalog holds policies of every config type.
export type PolicyDefinition = ResourcePolicyDefinition<any> | StackPolicyDefinition<any>;

export function isResourcePolicyDefinition(p: PolicyDefinition): p is ResourcePolicyDefinition<unknown> {
    return p.kind === "resource";
}

export function isStackPolicyDefinition(p: PolicyDefinition): p is StackPolicyDefinition<unknown> {
    return p.kind === "stack";
}

/** Identity function that gives a policy object its type; the object itself is the definition. */
export function defineResourcePolicy<C = Record<string, never>>(
    p: Omit<ResourcePolicyDefinition<C>, "kind">,
): ResourcePolicyDefinition<C> {
    return { kind: "resource", ...p };
}

export function defineStackPolicy<C = Record<string, never>>(
    p: Omit<StackPolicyDefinition<C>, "kind">,
): StackPolicyDefinition<C> {
    return { kind: "stack", ...p };
}
