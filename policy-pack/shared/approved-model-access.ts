// The approved path from a business caller to a model, recognized by its shape rather than by a tag
// anyone could set: a security group of the AI system that is attached only to Interface VPC
// endpoints and admits only other security groups, only on TCP 443; endpoint policies that let named
// principals call named resources with named actions (no `*` in any of them); and no identity policy
// in the stack that grants those resources without an aws:SourceVpce condition, so the grant holds
// only through an endpoint. The segmentation policies accept links to such a group: traffic that
// reaches it ends at the endpoint's network interfaces, which forward only to the AWS service.
//
// Anything else touching the group (another attached resource, a CIDR or other port, an egress rule,
// a wildcard in an endpoint policy, an unconditioned grant) makes it an ordinary AI security group again,
// and the finding says which part of the shape is missing.

import type { Classification } from "../core/classification";
import type { StackResource } from "../core/definition";
import { arrayOf, field } from "../core/values";
import { type ParsedPolicy, parsePolicy, type Statement, statementsOf, wildcardMatch } from "./iam-policy";

const sgType = "aws:ec2/securityGroup:SecurityGroup";
const sgRuleType = "aws:ec2/securityGroupRule:SecurityGroupRule";
const ingressRuleType = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
const egressRuleType = "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule";
const endpointType = "aws:ec2/vpcEndpoint:VpcEndpoint";
const ruleTypes: ReadonlySet<string> = new Set([sgRuleType, ingressRuleType, egressRuleType]);

/** Documents that grant an identity permissions: where an unconditioned grant would sit. */
const identityDocuments: ReadonlyArray<readonly [string, string]> = [
    ["aws:iam/rolePolicy:RolePolicy", "policy"],
    ["aws:iam/policy:Policy", "policy"],
    ["aws:iam/userPolicy:UserPolicy", "policy"],
    ["aws:iam/groupPolicy:GroupPolicy", "policy"],
];

export type AccessVerdict =
    | { readonly kind: "approved" }
    | { readonly kind: "not-approved"; readonly reason: string }
    /** The shape holds so far, but `path` of `resource` is unknown during preview. */
    | { readonly kind: "undecided"; readonly resource: StackResource; readonly path: string };

const approved: AccessVerdict = { kind: "approved" };
const notApproved = (reason: string): AccessVerdict => ({ kind: "not-approved", reason });
const label = (r: StackResource) => `'${r.name}'`;

/** Whether a rule resource admits exactly TCP 443; "unknown" while its settings are. */
function only443(rule: StackResource): boolean | "unknown" {
    const protocol = rule.type === sgRuleType ? rule.get("protocol") : rule.get("ipProtocol");
    const from = rule.get("fromPort");
    const to = rule.get("toPort");
    if ([protocol, from, to].some((v) => v.state === "unknown")) {
        return "unknown";
    }
    return (
        protocol.state === "known" &&
        typeof protocol.value === "string" &&
        ["tcp", "6"].includes(protocol.value.toLowerCase()) &&
        from.state === "known" &&
        from.value === 443 &&
        to.state === "known" &&
        to.value === 443
    );
}

function ruleDirection(rule: StackResource): "ingress" | "egress" | "unknown" {
    if (rule.type !== sgRuleType) {
        return rule.type === ingressRuleType ? "ingress" : "egress";
    }
    const kind = rule.get("type");
    return kind.state === "unknown"
        ? "unknown"
        : kind.state === "known" && kind.value === "ingress"
          ? "ingress"
          : "egress";
}

/** A rule names address ranges or a prefix list rather than a security group. */
function namesRanges(rule: StackResource): boolean {
    const props =
        rule.type === sgRuleType
            ? ["cidrBlocks", "ipv6CidrBlocks", "prefixListIds"]
            : ["cidrIpv4", "cidrIpv6", "prefixListId"];
    return props.some((p) => {
        const v = rule.get(p);
        return v.state === "unknown"
            ? rule.setByProgram(p) !== false
            : v.state === "known" && !(Array.isArray(v.value) && v.value.length === 0);
    });
}

/** Why an endpoint policy statement is broader than one principal, resource and action list, if it is. */
function openPart(s: Statement): string | undefined {
    if (s.notPrincipal || s.notResource || s.notAction) {
        return "NotPrincipal, NotResource or NotAction";
    }
    const principals = s.principal ? [...s.principal.aws, ...s.principal.service, ...s.principal.federated] : [];
    if (!s.principal || s.principal.anyone || principals.length === 0 || principals.some((p) => p.includes("*"))) {
        return 'a principal of "*" or none';
    }
    if (!s.resource || s.resource.values.length === 0 || s.resource.values.some((r) => r.includes("*"))) {
        return 'a Resource with "*"';
    }
    if (!s.action || s.action.values.length === 0 || s.action.values.some((a) => a.includes("*"))) {
        return 'an Action with "*"';
    }
    return undefined;
}

/** The resources the endpoint policy admits, or why it is not an approved one. */
/** What an endpoint's policy admits: the resources and the actions on them. */
interface Admitted {
    readonly resources: string[];
    readonly actions: string[];
}

function judgeEndpoint(endpoint: StackResource): Admitted | AccessVerdict {
    const type = endpoint.get("vpcEndpointType");
    if (type.state === "unknown") {
        return { kind: "undecided", resource: endpoint, path: "vpcEndpointType" };
    }
    if (!(type.state === "known" && typeof type.value === "string" && type.value.toLowerCase() === "interface")) {
        return notApproved(`VPC endpoint ${label(endpoint)} is not an Interface endpoint`);
    }
    const doc: ParsedPolicy = parsePolicy(endpoint.get("policy"));
    if (doc.state === "unknown") {
        return { kind: "undecided", resource: endpoint, path: "policy" };
    }
    if (doc.state !== "parsed") {
        return notApproved(`VPC endpoint ${label(endpoint)} has no endpoint policy (AWS attaches full access)`);
    }
    const admitted: Admitted = { resources: [], actions: [] };
    for (const s of doc.statements) {
        if (s.effect === "Deny") {
            continue;
        }
        const unknown =
            s.effect === "unknown" ||
            s.principal?.unknown ||
            s.resource?.unknown ||
            s.action?.unknown ||
            s.condition.unknown;
        if (unknown) {
            return { kind: "undecided", resource: endpoint, path: `policy.Statement[${s.index}]` };
        }
        const open = openPart(s);
        if (open) {
            return notApproved(`the policy of VPC endpoint ${label(endpoint)} allows ${open} (Statement[${s.index}])`);
        }
        admitted.resources.push(...(s.resource?.values ?? []));
        admitted.actions.push(...(s.action?.values ?? []));
    }
    return admitted;
}

/**
 * A grant in the stack of one of the admitted actions on one of the admitted resources, to an identity
 * outside the AI system, that holds without going through a VPC endpoint. The AI system's own roles
 * (an agent invoking its model) are not callers.
 */
function unconditionedGrant(
    { resources, actions }: Admitted,
    all: readonly StackResource[],
    c: Classification,
): string | undefined {
    const ownedByAi = (r: StackResource) =>
        c.isAi(r) || ["role", "roles"].some((p) => (r.propertyDependencies[p] ?? []).some((d) => c.isAi(d)));
    for (const r of all) {
        if (ownedByAi(r)) {
            continue;
        }
        const prop = identityDocuments.find(([t]) => t === r.type)?.[1];
        const docs = prop
            ? [r.get(prop)]
            : r.type === "aws:iam/role:Role"
              ? (arrayOf(r.get("inlinePolicies")) ?? []).map((p) => field(p, "policy"))
              : [];
        for (const doc of docs) {
            for (const s of statementsOf(parsePolicy(doc))) {
                if (s.effect !== "Allow" || !s.resource) {
                    continue;
                }
                const hit = resources.find((arn) => s.resource?.values.some((p) => wildcardMatch(p, arn)));
                const invokes =
                    s.notAction !== undefined || actions.some((a) => s.action?.values.some((p) => wildcardMatch(p, a)));
                const viaEndpoint = s.condition.entries.some(
                    (e) => e.key === "aws:sourcevpce" && !/ifexists$|^string(not|notequals)/i.test(e.operator),
                );
                if (hit && invokes && !viaEndpoint) {
                    return `${r.type.split(":").pop()} ${label(r)} grants ${hit} without an aws:SourceVpce condition (Statement[${s.index}])`;
                }
            }
        }
    }
    return undefined;
}

function judgeGroup(
    sg: StackResource,
    resources: readonly StackResource[],
    referrers: readonly [StackResource, string][],
    c: Classification,
): AccessVerdict {
    for (const prop of ["ingress", "egress"]) {
        if ((arrayOf(sg.get(prop)) ?? []).length > 0) {
            return notApproved(`security group ${label(sg)} has inline ${prop} rules`);
        }
    }
    const endpoints: StackResource[] = [];
    let pending: AccessVerdict | undefined;
    for (const [r, prop] of referrers) {
        if (r.type === endpointType && prop === "securityGroupIds") {
            endpoints.push(r);
            continue;
        }
        if (ruleTypes.has(r.type)) {
            const own = prop === "securityGroupId";
            const direction = ruleDirection(r);
            const ports = only443(r);
            if (direction === "unknown" || ports === "unknown") {
                pending ??= { kind: "undecided", resource: r, path: direction === "unknown" ? "type" : "fromPort" };
                continue;
            }
            // The group's own rules admit callers; other groups' rules may only send to it.
            if (own !== (direction === "ingress")) {
                return notApproved(
                    `rule ${label(r)} lets security group ${label(sg)} ${own ? "send traffic" : "be a source"}`,
                );
            }
            if (!ports || (own && namesRanges(r))) {
                return notApproved(`rule ${label(r)} admits more than TCP 443 from security groups`);
            }
            continue;
        }
        if (r.type === sgType && prop === "egress") {
            const wide = (arrayOf(r.get("egress")) ?? []).some((e) => {
                const groups = arrayOf(field(e, "securityGroups")) ?? [];
                const from = field(e, "fromPort");
                const to = field(e, "toPort");
                const protocol = field(e, "protocol");
                return (
                    groups.length > 0 &&
                    !(
                        from.state === "known" &&
                        from.value === 443 &&
                        to.state === "known" &&
                        to.value === 443 &&
                        protocol.state === "known" &&
                        ["tcp", "6"].includes(String(protocol.value).toLowerCase())
                    )
                );
            });
            if (wide) {
                return notApproved(`inline egress of security group ${label(r)} reaches it on more than TCP 443`);
            }
            continue;
        }
        return notApproved(
            `security group ${label(sg)} is attached to ${r.type.split(":").pop()} ${label(r)}, not only to VPC endpoints`,
        );
    }
    if (endpoints.length === 0) {
        return notApproved(`security group ${label(sg)} is attached to no interface VPC endpoint`);
    }
    const admitted: Admitted = { resources: [], actions: [] };
    for (const e of endpoints) {
        const v = judgeEndpoint(e);
        if ("kind" in v) {
            if (v.kind !== "undecided") {
                return v;
            }
            pending ??= v;
            continue;
        }
        admitted.resources.push(...v.resources);
        admitted.actions.push(...v.actions);
    }
    const grant = unconditionedGrant(admitted, resources, c);
    if (grant) {
        return notApproved(grant);
    }
    return pending ?? approved;
}

// Built once per stack and classification: the policies of one AnalyzeStack call share the resource
// array, and each classification (policies may classify with their own tags) gets its own verdicts.
const byArray = new WeakMap<readonly StackResource[], WeakMap<Classification, Map<StackResource, AccessVerdict>>>();

/**
 * The verdict on each AI security group that VPC endpoints use, built once per stack. Security groups
 * not in the map are not candidates (no endpoint uses them, or they are not in the AI system).
 */
export function accessGroups(
    resources: readonly StackResource[],
    c: Classification,
): ReadonlyMap<StackResource, AccessVerdict> {
    const perClassification = byArray.get(resources) ?? new WeakMap();
    byArray.set(resources, perClassification);
    let verdicts = perClassification.get(c);
    if (verdicts) {
        return verdicts;
    }
    const referrers = new Map<StackResource, [StackResource, string][]>();
    for (const r of resources) {
        for (const [prop, deps] of Object.entries(r.propertyDependencies)) {
            for (const d of deps) {
                if (d.type === sgType && d !== r) {
                    const list = referrers.get(d) ?? [];
                    list.push([r, prop]);
                    referrers.set(d, list);
                }
            }
        }
    }
    verdicts = new Map();
    for (const [sg, refs] of referrers) {
        if (c.isAi(sg) && refs.some(([r, prop]) => r.type === endpointType && prop === "securityGroupIds")) {
            verdicts.set(sg, judgeGroup(sg, resources, refs, c));
        }
    }
    perClassification.set(c, verdicts);
    return verdicts;
}

/** The verdict on `sg` as an approved access group; undefined when it is no candidate. */
export function accessVerdict(
    sg: StackResource,
    resources: readonly StackResource[],
    c: Classification,
): AccessVerdict | undefined {
    return accessGroups(resources, c).get(sg);
}

/** Wording for a finding on a link to a candidate group that is not approved. */
export function notApprovedText(v: AccessVerdict | undefined): string {
    return v?.kind === "not-approved" ? ` (not an approved model access path: ${v.reason})` : "";
}

/** What an undecided verdict waits for, as the path of an undecided finding. */
export function undecidedAccessPath(v: AccessVerdict & { kind: "undecided" }): string {
    return `${v.path} of '${v.resource.name}', which decides whether this is an approved model access path,`;
}

/**
 * For path searches from business systems: whether node `i` is an access group where a business path
 * ends (approved, or waiting for pulumi up to tell, which ai-sg-no-public-ingress reports).
 */
export function endsBusinessPaths(resources: readonly StackResource[], c: Classification): (i: number) => boolean {
    const groups = accessGroups(resources, c);
    return (i) => {
        const v = groups.get(resources[i] as StackResource);
        return v !== undefined && v.kind !== "not-approved";
    };
}
