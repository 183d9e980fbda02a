// Parsing and judging IAM policy documents (identity, resource, key, bucket and endpoint policies).
//
// Input arrives in every shape a Pulumi program produces: a JSON string, an object (the SDK's
// PolicyDocument), a Value read from a resource, or an unknown sentinel when the document is built
// with `pulumi.jsonStringify` over values unknown during preview. Nothing here throws: odd input
// becomes an `invalid` result, unknown input `unknown`, and every judgement is three-valued
// (true, false or "unknown") so a policy can leave an undecidable case to `pulumi up`.

import type { Finding, StackCheck, StackResource } from "../core/definition";
import { dependentsOf } from "../core/dependents";
import { typeLabel } from "../core/message";
import { isUnknownSentinel, unknownSentinels, type Value } from "../core/values";

/** A three-valued answer: decided true or false, or unknown until apply. */
export type Tri = true | false | "unknown";

/** A list of strings from `Action`, `Resource` and similar, with a flag for unknown elements. */
export interface Patterns {
    readonly values: readonly string[];
    readonly unknown: boolean;
}

export interface Principal {
    /** The whole principal or one of its members is unknown during preview. */
    readonly unknown: boolean;
    /** `"*"` or `{AWS: "*"}`: anyone, including anonymous callers. */
    readonly anyone: boolean;
    readonly aws: readonly string[];
    readonly service: readonly string[];
    readonly federated: readonly string[];
    readonly canonicalUser: readonly string[];
}

export interface ConditionEntry {
    /** Operator as written, e.g. `StringEquals`, `ForAnyValue:StringLike`, `BoolIfExists`. */
    readonly operator: string;
    /** Condition key in lower case, e.g. `aws:principalorgid`. */
    readonly key: string;
    /** Values as strings (booleans and numbers converted); empty when unknown. */
    readonly values: readonly string[];
    readonly unknown: boolean;
}

export interface Condition {
    readonly unknown: boolean;
    readonly entries: readonly ConditionEntry[];
}

export interface Statement {
    readonly index: number;
    readonly effect: "Allow" | "Deny" | "unknown" | "invalid";
    readonly action?: Patterns;
    readonly notAction?: Patterns;
    readonly resource?: Patterns;
    readonly notResource?: Patterns;
    /** Undefined when the statement names no principal (an identity policy). */
    readonly principal?: Principal;
    readonly notPrincipal?: Principal;
    readonly condition: Condition;
}

export type ParsedPolicy =
    | { readonly state: "missing" }
    | { readonly state: "unknown" }
    | { readonly state: "invalid"; readonly reason: string }
    | { readonly state: "parsed"; readonly statements: readonly Statement[] };

/** Condition keys that tie a public principal to the caller's organization, account, network or source. */
export const constrainingConditionKeys: readonly string[] = [
    "aws:PrincipalOrgID",
    "aws:PrincipalOrgPaths",
    "aws:PrincipalAccount",
    "aws:PrincipalArn",
    "aws:SourceVpce",
    "aws:SourceVpc",
    "aws:SourceAccount",
    "aws:SourceArn",
    "aws:SourceOrgID",
    "aws:SourceOrgPaths",
    "aws:userid",
    "kms:CallerAccount",
];

/** Keys that confine an endpoint policy's public principal to the owner's organization or account. */
export const principalScopeKeys: readonly string[] = [
    "aws:PrincipalOrgID",
    "aws:PrincipalOrgPaths",
    "aws:PrincipalAccount",
    "aws:PrincipalArn",
];

const emptyCondition: Condition = { unknown: false, entries: [] };

function isObject(v: unknown): v is Record<string, unknown> {
    return v !== null && typeof v === "object" && !Array.isArray(v);
}

function isValue(v: unknown): v is Value {
    if (!isObject(v)) {
        return false;
    }
    const keys = Object.keys(v);
    switch (v.state) {
        case "missing":
            return keys.length === 1;
        case "unknown":
            return keys.length === 2 && typeof v.path === "string";
        case "known":
            return keys.length === 2 && "value" in v;
        default:
            return false;
    }
}

/** Finds a key case-insensitively (`Statement`, `statement`). */
function get(obj: Record<string, unknown>, key: string): unknown {
    if (Object.hasOwn(obj, key)) {
        return obj[key];
    }
    const lower = key.toLowerCase();
    const found = Object.keys(obj).find((k) => k.toLowerCase() === lower);
    return found === undefined ? undefined : obj[found];
}

function has(obj: Record<string, unknown>, key: string): boolean {
    const v = get(obj, key);
    return v !== undefined && v !== null;
}

function patternsOf(v: unknown): Patterns {
    if (isUnknownSentinel(v)) {
        return { values: [], unknown: true };
    }
    const list = Array.isArray(v) ? v : [v];
    const values: string[] = [];
    let unknown = false;
    for (const item of list) {
        if (isUnknownSentinel(item)) {
            unknown = true;
        } else if (typeof item === "string") {
            values.push(item.trim());
        }
    }
    return { values, unknown };
}

function principalOf(v: unknown): Principal {
    const empty = { unknown: false, anyone: false, aws: [], service: [], federated: [], canonicalUser: [] };
    if (isUnknownSentinel(v)) {
        return { ...empty, unknown: true };
    }
    if (typeof v === "string") {
        return { ...empty, anyone: v.trim() === "*", aws: [v.trim()] };
    }
    if (!isObject(v)) {
        return empty;
    }
    let unknown = false;
    const part = (key: string): string[] => {
        const p = patternsOf(get(v, key));
        unknown ||= p.unknown;
        return [...p.values];
    };
    const aws = part("AWS");
    return {
        unknown,
        anyone: aws.includes("*"),
        aws,
        service: part("Service"),
        federated: part("Federated"),
        canonicalUser: part("CanonicalUser"),
    };
}

function stringsOf(v: unknown): { values: string[]; unknown: boolean } {
    if (isUnknownSentinel(v)) {
        return { values: [], unknown: true };
    }
    const list = Array.isArray(v) ? v : [v];
    const values: string[] = [];
    let unknown = false;
    for (const item of list) {
        if (isUnknownSentinel(item)) {
            unknown = true;
        } else if (typeof item === "string" || typeof item === "boolean" || typeof item === "number") {
            values.push(String(item));
        }
    }
    return { values, unknown };
}

function conditionOf(v: unknown): Condition {
    if (v === undefined || v === null) {
        return emptyCondition;
    }
    if (isUnknownSentinel(v)) {
        return { unknown: true, entries: [] };
    }
    if (!isObject(v)) {
        return emptyCondition;
    }
    const entries: ConditionEntry[] = [];
    let unknown = false;
    for (const [operator, block] of Object.entries(v)) {
        if (isUnknownSentinel(block)) {
            unknown = true;
            continue;
        }
        if (!isObject(block)) {
            continue;
        }
        for (const [key, raw] of Object.entries(block)) {
            const s = stringsOf(raw);
            unknown ||= s.unknown;
            entries.push({ operator, key: key.toLowerCase(), values: s.values, unknown: s.unknown });
        }
    }
    return { unknown, entries };
}

function effectOf(v: unknown): Statement["effect"] {
    if (isUnknownSentinel(v)) {
        return "unknown";
    }
    if (typeof v === "string") {
        const e = v.trim().toLowerCase();
        if (e === "allow") {
            return "Allow";
        }
        if (e === "deny") {
            return "Deny";
        }
    }
    return "invalid";
}

function statementOf(raw: Record<string, unknown>, index: number): Statement {
    return {
        index,
        effect: effectOf(get(raw, "Effect")),
        ...(has(raw, "Action") ? { action: patternsOf(get(raw, "Action")) } : {}),
        ...(has(raw, "NotAction") ? { notAction: patternsOf(get(raw, "NotAction")) } : {}),
        ...(has(raw, "Resource") ? { resource: patternsOf(get(raw, "Resource")) } : {}),
        ...(has(raw, "NotResource") ? { notResource: patternsOf(get(raw, "NotResource")) } : {}),
        ...(has(raw, "Principal") ? { principal: principalOf(get(raw, "Principal")) } : {}),
        ...(has(raw, "NotPrincipal") ? { notPrincipal: principalOf(get(raw, "NotPrincipal")) } : {}),
        condition: conditionOf(get(raw, "Condition")),
    };
}

/**
 * Parses a policy document from a Value, a JSON string or an object. Never throws.
 * A document without `Statement`, or whose statements are not objects, is `invalid`.
 */
export function parsePolicy(input: Value | unknown): ParsedPolicy {
    let doc: unknown = input;
    if (isValue(input)) {
        if (input.state === "missing") {
            return { state: "missing" };
        }
        if (input.state === "unknown") {
            return { state: "unknown" };
        }
        doc = input.value;
    }
    if (doc === undefined || doc === null) {
        return { state: "missing" };
    }
    if (isUnknownSentinel(doc)) {
        return { state: "unknown" };
    }
    if (typeof doc === "string") {
        if (doc.trim() === "") {
            return { state: "missing" };
        }
        const text = doc;
        try {
            doc = JSON.parse(text);
        } catch {
            // An unknown spliced into a string (interpolation over an unknown) cannot be parsed yet.
            if ([...unknownSentinels].some((s) => text.includes(s))) {
                return { state: "unknown" };
            }
            return { state: "invalid", reason: "not valid JSON" };
        }
    }
    if (!isObject(doc)) {
        return { state: "invalid", reason: "not a JSON object" };
    }
    const raw = get(doc, "Statement");
    if (isUnknownSentinel(raw)) {
        return { state: "unknown" };
    }
    if (raw === undefined || raw === null) {
        return { state: "invalid", reason: "no Statement" };
    }
    const list = Array.isArray(raw) ? raw : [raw];
    const statements: Statement[] = [];
    for (let i = 0; i < list.length; i++) {
        const s = list[i];
        if (isUnknownSentinel(s)) {
            return { state: "unknown" };
        }
        if (!isObject(s)) {
            return { state: "invalid", reason: "a statement is not an object" };
        }
        statements.push(statementOf(s, i));
    }
    return { state: "parsed", statements };
}

/** Glob match with `*` and `?`, case-insensitive, as IAM matches actions. */
export function wildcardMatch(pattern: string, text: string): boolean {
    const p = pattern.toLowerCase();
    const t = text.toLowerCase();
    // Iterative glob with backtracking on the last `*`.
    let pi = 0;
    let ti = 0;
    let star = -1;
    let mark = 0;
    while (ti < t.length) {
        if (pi < p.length && (p[pi] === "?" || p[pi] === t[ti])) {
            pi++;
            ti++;
        } else if (pi < p.length && p[pi] === "*") {
            star = pi++;
            mark = ti;
        } else if (star >= 0) {
            pi = star + 1;
            ti = ++mark;
        } else {
            return false;
        }
    }
    while (pi < p.length && p[pi] === "*") {
        pi++;
    }
    return pi === p.length;
}

/**
 * Whether `pattern` covers every action `query` names. `query` may itself end in wildcards
 * (`s3:*`, `s3:Get*`): it is matched as literal text, so `s3:*` covers `s3:*` and `*` covers
 * everything, but `s3:Get*` does not cover `s3:*`.
 */
export function covers(pattern: string, query: string): boolean {
    return wildcardMatch(pattern, query);
}

/** Whether the two patterns can name a common action (either matches the other as text). */
function overlaps(a: string, b: string): boolean {
    return wildcardMatch(a, b) || wildcardMatch(b, a);
}

function any(values: readonly Tri[]): Tri {
    if (values.includes(true)) {
        return true;
    }
    return values.includes("unknown") ? "unknown" : false;
}

function all(values: readonly Tri[]): Tri {
    if (values.includes(false)) {
        return false;
    }
    return values.includes("unknown") ? "unknown" : true;
}

export function not(v: Tri): Tri {
    return v === "unknown" ? "unknown" : !v;
}

export function and(...values: Tri[]): Tri {
    return all(values);
}

export function or(...values: Tri[]): Tri {
    return any(values);
}

/** The statement is an Allow (unknown when the effect is). */
export function isAllow(stmt: Statement): Tri {
    return stmt.effect === "unknown" ? "unknown" : stmt.effect === "Allow";
}

/** The statement's actions cover every action `query` names (`Action` or the complement of `NotAction`). */
export function coversAction(stmt: Statement, query: string): Tri {
    if (stmt.action) {
        if (stmt.action.values.some((p) => covers(p, query))) {
            return true;
        }
        return stmt.action.unknown ? "unknown" : false;
    }
    if (stmt.notAction) {
        if (stmt.notAction.values.some((p) => overlaps(p, query))) {
            return false;
        }
        return stmt.notAction.unknown ? "unknown" : true;
    }
    return false;
}

/** An Allow statement that grants every action `query` names, e.g. `grantsAction(s, "s3:*")`. */
export function grantsAction(stmt: Statement, query: string): Tri {
    return and(isAllow(stmt), coversAction(stmt, query));
}

/** The statement applies to every resource: `Resource` contains `*`, or it uses `NotResource`. */
export function coversAllResources(stmt: Statement): Tri {
    if (stmt.resource) {
        if (stmt.resource.values.includes("*")) {
            return true;
        }
        return stmt.resource.unknown ? "unknown" : false;
    }
    if (stmt.notResource) {
        return true;
    }
    // A resource-based policy without Resource applies to the resource it is attached to.
    return false;
}

/** Some Action is `*` or a whole service (`s3:*`), or the statement uses `NotAction`. */
export function hasWildcardService(stmt: Statement): Tri {
    if (stmt.notAction) {
        return true;
    }
    if (!stmt.action) {
        return false;
    }
    if (stmt.action.values.some((a) => a === "*" || /^[a-z0-9-]+:\*+$/i.test(a))) {
        return true;
    }
    return stmt.action.unknown ? "unknown" : false;
}

/**
 * A broad grant: an Allow of `*` or a whole service's actions (or `NotAction`) on every resource.
 * With `queries`, only those action sets count (e.g. `["*", "s3:*", "sagemaker:*"]`).
 */
export function isBroadAllow(stmt: Statement, queries?: readonly string[]): Tri {
    const actions = queries ? any(queries.map((q) => coversAction(stmt, q))) : hasWildcardService(stmt);
    return and(isAllow(stmt), actions, coversAllResources(stmt));
}

/**
 * An Allow of any wildcard action pattern (`*`, `s3:*`, `bedrock:InvokeModel*`) or of `NotAction`,
 * on every resource: the grant reaches actions and resources nobody listed.
 */
export function isWildcardAllow(stmt: Statement): Tri {
    let wildcard: Tri = false;
    if (stmt.notAction) {
        wildcard = true;
    } else if (stmt.action) {
        wildcard = stmt.action.values.some((a) => a.includes("*")) ? true : stmt.action.unknown ? "unknown" : false;
    }
    return and(isAllow(stmt), wildcard, coversAllResources(stmt));
}

/** The statement names anyone as principal: `"*"`, `{AWS: "*"}`, or uses `NotPrincipal` in an Allow. */
export function hasPublicPrincipal(stmt: Statement): Tri {
    if (stmt.notPrincipal) {
        return true;
    }
    if (!stmt.principal) {
        return false;
    }
    if (stmt.principal.anyone) {
        return true;
    }
    return stmt.principal.unknown ? "unknown" : false;
}

const positiveOperator =
    /^(for(any|all)value:)?(string(equals|like)(ignorecase)?|arn(equals|like)|bool|ipaddress|numericequals)$/i;

/**
 * The statement has a condition on one of `keys` (case-insensitive) that narrows who can use it:
 * a positive operator (not `...IfExists`, not a negation) with values that are not only `*`.
 */
export function hasConstrainingCondition(stmt: Statement, keys: readonly string[] = constrainingConditionKeys): Tri {
    const wanted = new Set(keys.map((k) => k.toLowerCase()));
    const relevant = stmt.condition.entries.filter((e) => wanted.has(e.key));
    const decided = relevant.some(
        (e) =>
            !e.unknown && positiveOperator.test(e.operator) && e.values.length > 0 && !e.values.every((v) => v === "*"),
    );
    if (decided) {
        return true;
    }
    if (relevant.some((e) => e.unknown && positiveOperator.test(e.operator))) {
        return true; // the value is usually an org or account id computed elsewhere
    }
    return stmt.condition.unknown ? "unknown" : false;
}

/** An Allow to anyone (`"*"`, `{AWS: "*"}`, NotPrincipal) without a condition that constrains the caller. */
export function allowsPublicPrincipal(stmt: Statement, keys: readonly string[] = constrainingConditionKeys): Tri {
    return and(isAllow(stmt), hasPublicPrincipal(stmt), not(hasConstrainingCondition(stmt, keys)));
}

/** A condition `Bool aws:SecureTransport false` (also in a ForAnyValue or case variant). */
function deniesInsecureTransportCondition(stmt: Statement): Tri {
    const entries = stmt.condition.entries.filter(
        (e) => e.key === "aws:securetransport" && /^bool(ifexists)?$/i.test(e.operator),
    );
    if (entries.some((e) => e.values.some((v) => v.toLowerCase() === "false"))) {
        return true;
    }
    return entries.some((e) => e.unknown) || stmt.condition.unknown ? "unknown" : false;
}

/**
 * A Deny for anyone of the service's actions (`s3:*` or `*`) whenever `aws:SecureTransport` is false.
 * `service` is the action prefix the deny must cover, e.g. `s3`.
 */
export function deniesInsecureTransport(stmt: Statement, service: string): Tri {
    const deny: Tri = stmt.effect === "unknown" ? "unknown" : stmt.effect === "Deny";
    return and(
        deny,
        hasPublicPrincipal(stmt),
        coversAction(stmt, `${service}:*`),
        deniesInsecureTransportCondition(stmt),
    );
}

/** Statements of a parsed policy (empty for every other state). */
export function statementsOf(p: ParsedPolicy): readonly Statement[] {
    return p.state === "parsed" ? p.statements : [];
}

/** Whether any statement of the policy satisfies `test`; `unknown` for an unknown document. */
export function someStatement(p: ParsedPolicy, test: (s: Statement) => Tri): Tri {
    if (p.state === "unknown") {
        return "unknown";
    }
    return any(statementsOf(p).map(test));
}

// ---------------------------------------------------------------------------------------------
// Policies attached to an IAM role, found through property dependencies (ARNs are unknown in preview).

const roleType = "aws:iam/role:Role";
const rolePolicyType = "aws:iam/rolePolicy:RolePolicy";
const policyType = "aws:iam/policy:Policy";
const rolePolicyAttachmentType = "aws:iam/rolePolicyAttachment:RolePolicyAttachment";
const policyAttachmentType = "aws:iam/policyAttachment:PolicyAttachment";

export const iamTypes = { roleType, rolePolicyType, policyType, rolePolicyAttachmentType, policyAttachmentType };

/** One policy document or managed-policy reference that applies to a role. */
export interface RolePolicySource {
    /** The resource whose configuration grants it (the one to report on). */
    readonly owner: StackResource;
    /** Property path on `owner`, as users write it. */
    readonly setting: string;
    /** The document, when the source is a document. */
    readonly document?: Value;
    /** Resources the document depends on (its `policy` property dependencies). */
    readonly documentDependencies: readonly StackResource[];
    /** A managed-policy ARN, when the source is an attachment of one (known or unknown). */
    readonly managedArn?: Value;
}

function includes(deps: readonly StackResource[] | undefined, r: StackResource): boolean {
    return (deps ?? []).includes(r);
}

/** Resolves a role reference (`roleArn` and similar) to the Role resources it depends on. */
export function rolesReferencedBy(r: StackResource, topLevelProperty: string): StackResource[] {
    return (r.propertyDependencies[topLevelProperty] ?? []).filter((d) => d.type === roleType);
}

/**
 * Every policy that applies to `role`: its inline policies and managed policy ARNs, RolePolicy
 * resources, and attachments (RolePolicyAttachment, PolicyAttachment) of managed or customer policies.
 */
export function policiesOfRole(role: StackResource, resources: readonly StackResource[]): RolePolicySource[] {
    const out: RolePolicySource[] = [];
    const inline = role.get("inlinePolicies");
    if (inline.state === "known" && Array.isArray(inline.value)) {
        inline.value.forEach((p, i) => {
            const doc = isObject(p) ? p.policy : undefined;
            out.push({
                owner: role,
                setting: `inlinePolicies[${i}].policy`,
                document:
                    doc === undefined || doc === null
                        ? { state: "missing" }
                        : isUnknownSentinel(doc)
                          ? { state: "unknown", path: `inlinePolicies.${i}.policy` }
                          : { state: "known", value: doc },
                documentDependencies: role.propertyDependencies.inlinePolicies ?? [],
            });
        });
    } else if (inline.state === "unknown" && role.setByProgram("inlinePolicies") !== false) {
        out.push({
            owner: role,
            setting: "inlinePolicies",
            document: { state: "unknown", path: "inlinePolicies" },
            documentDependencies: role.propertyDependencies.inlinePolicies ?? [],
        });
    }
    const managed = role.get("managedPolicyArns");
    const managedDeps = (role.propertyDependencies.managedPolicyArns ?? []).filter((d) => d.type === policyType);
    if (managed.state === "known" && Array.isArray(managed.value)) {
        managed.value.forEach((arn, i) => {
            out.push({
                owner: role,
                setting: `managedPolicyArns[${i}]`,
                managedArn: isUnknownSentinel(arn)
                    ? { state: "unknown", path: `managedPolicyArns.${i}` }
                    : { state: "known", value: arn },
                documentDependencies: [],
            });
        });
    }
    for (const p of managedDeps) {
        out.push(documentOf(p));
    }
    for (const r of dependentsOf(resources, role)) {
        if (r.type === rolePolicyType && includes(r.propertyDependencies.role, role)) {
            out.push({
                owner: r,
                setting: "policy",
                document: r.get("policy"),
                documentDependencies: r.propertyDependencies.policy ?? [],
            });
        } else if (
            (r.type === rolePolicyAttachmentType && includes(r.propertyDependencies.role, role)) ||
            (r.type === policyAttachmentType && includes(r.propertyDependencies.roles, role))
        ) {
            const customer = (r.propertyDependencies.policyArn ?? []).filter((d) => d.type === policyType);
            if (customer.length > 0) {
                out.push(...customer.map(documentOf));
            } else {
                out.push({ owner: r, setting: "policyArn", managedArn: r.get("policyArn"), documentDependencies: [] });
            }
        }
    }
    return out;
}

function documentOf(p: StackResource): RolePolicySource {
    return {
        owner: p,
        setting: "policy",
        document: p.get("policy"),
        documentDependencies: p.propertyDependencies.policy ?? [],
    };
}

/** The name of an AWS managed policy from its ARN (`arn:aws:iam::aws:policy/job-function/X` → `X`). */
export function awsManagedPolicyName(arn: unknown): string | undefined {
    if (typeof arn !== "string") {
        return undefined;
    }
    const m = /^arn:aws[a-z-]*:iam::aws:policy\/(?:.*\/)?([^/]+)$/i.exec(arn.trim());
    return m ? m[1] : undefined;
}

/** A finding about one policy source, rendered from fixed text (never from the document's values). */
export interface SourceFinding {
    readonly setting: string;
    readonly found: string;
}

export interface BroadGrantOptions {
    /** Action sets that must not be granted on every resource; without it any `*` or `service:*`. */
    readonly actions?: readonly string[];
    /** Count any wildcard action pattern on every resource (`bedrock:InvokeModel*` too), not only whole services. */
    readonly anyWildcard?: boolean;
    /** Whether an AWS managed policy (by name) is forbidden. */
    readonly forbiddenManaged: (name: string) => boolean;
}

/** Judges one policy source for broad grants: findings, or the path whose value is unknown. */
export function judgeBroadGrants(
    source: RolePolicySource,
    options: BroadGrantOptions,
): { findings: SourceFinding[]; unknown?: string } {
    if (source.managedArn) {
        const arn = source.managedArn;
        if (arn.state === "unknown") {
            return { findings: [], unknown: source.setting };
        }
        const name = arn.state === "known" ? awsManagedPolicyName(arn.value) : undefined;
        return name && options.forbiddenManaged(name)
            ? { findings: [{ setting: source.setting, found: `the AWS managed policy ${name}` }] }
            : { findings: [] };
    }
    const parsed = parsePolicy(source.document ?? { state: "missing" });
    if (parsed.state === "unknown") {
        return { findings: [], unknown: source.setting };
    }
    const findings: SourceFinding[] = [];
    let unknown: string | undefined;
    for (const s of statementsOf(parsed)) {
        const broad = options.anyWildcard ? isWildcardAllow(s) : isBroadAllow(s, options.actions);
        if (broad === true) {
            const what = s.notAction
                ? "every action except those in NotAction"
                : options.anyWildcard
                  ? "wildcard actions"
                  : "every action of a service";
            const where = s.notResource ? "every resource except those in NotResource" : 'Resource "*"';
            findings.push({ setting: source.setting, found: `Statement[${s.index}] allowing ${what} on ${where}` });
        } else if (broad === "unknown") {
            unknown ??= source.setting;
        }
    }
    return unknown ? { findings, unknown } : { findings };
}

/** Collects findings and unknown paths per resource, then reports each resource once. */
export class FindingSink {
    private readonly findings = new Map<StackResource, Finding[]>();
    private readonly unknowns = new Map<StackResource, string>();
    private readonly order: StackResource[] = [];

    private touch(r: StackResource): void {
        if (!this.findings.has(r) && !this.unknowns.has(r)) {
            this.order.push(r);
        }
    }

    fail(r: StackResource, f: Finding): void {
        this.touch(r);
        const list = this.findings.get(r) ?? [];
        if (!list.some((x) => x.setting === f.setting && x.found === f.found)) {
            list.push(f);
        }
        this.findings.set(r, list);
    }

    undecided(r: StackResource, path: string): void {
        this.touch(r);
        if (!this.unknowns.has(r)) {
            this.unknowns.set(r, path);
        }
    }

    /** Failures win over unknowns: a resource with a decided violation is not also undecided. */
    report(check: StackCheck<unknown>): void {
        for (const r of this.order) {
            const list = this.findings.get(r);
            if (list && list.length > 0) {
                for (const f of list) {
                    check.fail(r, f);
                }
            } else {
                const path = this.unknowns.get(r);
                if (path) {
                    check.undecided(r, path);
                }
            }
        }
    }
}

/**
 * Judges every policy of each role for broad grants and records the outcome on the resource that
 * grants it. `roles` maps a role to the AI resource that uses it (for the message).
 */
export function judgeRoles(
    check: StackCheck<unknown>,
    roles: ReadonlyMap<StackResource, StackResource>,
    options: BroadGrantOptions,
    expected: string,
    sink: FindingSink,
): void {
    for (const [role, user] of roles) {
        for (const source of policiesOfRole(role, check.resources)) {
            const v = judgeBroadGrants(source, options);
            for (const f of v.findings) {
                sink.fail(source.owner, {
                    setting: f.setting,
                    found: `${f.found} (role '${role.name}' is used by ${typeLabel(user.type)} '${user.name}')`,
                    expected,
                });
            }
            if (v.unknown) {
                sink.undecided(source.owner, v.unknown);
            }
        }
    }
}

/** A policy document that applies to a resource, and the resource that holds it. */
export interface AttachedDocument {
    readonly owner: StackResource;
    readonly setting: string;
    readonly document: Value;
}

/**
 * The policy documents of `target`: separate policy resources of `attachmentType` whose `linkKey`
 * input depends on it (e.g. BucketPolicy.bucket), and its own `inlineKey` property. A provider-computed
 * inline output that is unknown in preview but never set by the program counts as no policy.
 */
export function attachedDocuments(
    target: StackResource,
    resources: readonly StackResource[],
    options: { readonly attachmentType?: string; readonly linkKey?: string; readonly inlineKey?: string },
): AttachedDocument[] {
    const { attachmentType, linkKey = "", inlineKey } = options;
    const out: AttachedDocument[] = attachmentType
        ? dependentsOf(resources, target)
              .filter((r) => r.type === attachmentType && (r.propertyDependencies[linkKey] ?? []).includes(target))
              .map((r) => ({ owner: r, setting: "policy", document: r.get("policy") }))
        : [];
    if (inlineKey) {
        const inline = target.get(inlineKey);
        if (inline.state === "known" || (inline.state === "unknown" && target.setByProgram(inlineKey) !== false)) {
            out.push({ owner: target, setting: inlineKey, document: inline });
        }
    }
    return out;
}
