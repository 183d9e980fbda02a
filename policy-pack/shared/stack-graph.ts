// The stack graph: who can reach whom in a stack, over the network and through identities. Built once
// per stack (see `stackGraphOf`) as a pure function of the resources, and shared by the path policies.
//
// Nodes are the stack's resources. An edge u → v means "u can reach v":
//   network   subnets, VPCs / VNets, peerings, transit gateways, route tables and routes, internet and
//             NAT gateways, security groups and NSGs, private endpoints, load balancers: a resource and
//             the network fabric it references reach each other; a security group that admits another
//             is reached from it (ingress) or reaches it (egress); a private endpoint reaches its target.
//   identity  compute → the role or managed identity it runs as → the policies attached to the role →
//             the resources those policies name (with the actions they allow); a principal a trust
//             policy names → the role it may assume; Azure principal → role assignment → scope → the
//             resources of a scoped resource group. A VPC endpoint policy naming a role is no edge.
// Edges come only from references the engine records (property dependencies), so the graph is known
// during preview, and building it is linear in resources plus references.

import type { StackResource } from "../core/definition";
import { typeLabel } from "../core/message";
import type { Value } from "../core/values";
import { type ParsedPolicy, parsePolicy, statementsOf } from "./iam-policy";

export type EdgeKind = "network" | "identity";

export interface PortRange {
    readonly protocol: string;
    readonly from: number;
    readonly to: number;
}

export interface GraphEdge {
    readonly to: number;
    readonly kind: EdgeKind;
    /** How the hop works, for messages: "peering", "admitted by ingress rule", "runs as". */
    readonly via: string;
    /** Ports a security-group rule admits on this hop, when it says. */
    readonly ports?: PortRange;
    /** Actions an IAM policy allows on this hop, when the document is known. */
    readonly actions?: readonly string[];
    /** A VPC or VNet peering hop: peerings are not transitive, so two in a row through one network are not a path. */
    readonly peering?: boolean;
}

/** What a node is to a path: network fabric and identity plumbing carry paths; hosts begin and end them. */
export type NodeRole = "fabric" | "identity" | "host";

export interface StackGraph {
    readonly nodes: readonly StackResource[];
    /** Outgoing edges by node index. */
    readonly out: readonly (readonly GraphEdge[])[];
    /** Incoming edges by node index, each pointing back at its source in `to`. */
    readonly in: readonly (readonly GraphEdge[])[];
    readonly edgeCount: number;
    indexOf(r: StackResource): number | undefined;
    role(i: number): NodeRole;
    /** A VPC or VNet peering: a path may not cross two of them in a row through one network. */
    isPeering(i: number): boolean;
}

const fabricTypes: ReadonlySet<string> = new Set([
    "aws:ec2/vpc:Vpc",
    "aws:ec2/subnet:Subnet",
    "aws:ec2/securityGroup:SecurityGroup",
    "aws:ec2/securityGroupRule:SecurityGroupRule",
    "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
    "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule",
    "aws:ec2/vpcPeeringConnection:VpcPeeringConnection",
    "aws:ec2/vpcPeeringConnectionAccepter:VpcPeeringConnectionAccepter",
    "aws:ec2transitgateway/transitGateway:TransitGateway",
    "aws:ec2transitgateway/vpcAttachment:VpcAttachment",
    "aws:ec2transitgateway/peeringAttachment:PeeringAttachment",
    "aws:ec2/internetGateway:InternetGateway",
    "aws:ec2/egressOnlyInternetGateway:EgressOnlyInternetGateway",
    "aws:ec2/natGateway:NatGateway",
    "aws:ec2/routeTable:RouteTable",
    "aws:ec2/route:Route",
    "aws:ec2/routeTableAssociation:RouteTableAssociation",
    "aws:ec2/vpcEndpoint:VpcEndpoint",
    "aws:ec2/networkInterface:NetworkInterface",
    "aws:lb/loadBalancer:LoadBalancer",
    "aws:alb/loadBalancer:LoadBalancer",
    "aws:lb/listener:Listener",
    "aws:alb/listener:Listener",
    "aws:lb/targetGroup:TargetGroup",
    "aws:alb/targetGroup:TargetGroup",
    "aws:lb/targetGroupAttachment:TargetGroupAttachment",
    "aws:alb/targetGroupAttachment:TargetGroupAttachment",
    "azure-native:network:VirtualNetwork",
    "azure-native:network:Subnet",
    "azure-native:network:VirtualNetworkPeering",
    "azure-native:network:NetworkSecurityGroup",
    "azure-native:network:SecurityRule",
    "azure-native:network:PrivateEndpoint",
    "azure-native:network:NetworkInterface",
    "azure-native:network:RouteTable",
    "azure-native:network:Route",
    "azure-native:network:NatGateway",
]);

const peeringTypes: ReadonlySet<string> = new Set([
    "aws:ec2/vpcPeeringConnection:VpcPeeringConnection",
    "aws:ec2/vpcPeeringConnectionAccepter:VpcPeeringConnectionAccepter",
    "azure-native:network:VirtualNetworkPeering",
]);

const securityGroup = "aws:ec2/securityGroup:SecurityGroup";
const sgRule = "aws:ec2/securityGroupRule:SecurityGroupRule";
const sgIngressRule = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
const sgEgressRule = "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule";
const privateEndpoint = "azure-native:network:PrivateEndpoint";
const vpcEndpoint = "aws:ec2/vpcEndpoint:VpcEndpoint";

const role = "aws:iam/role:Role";
const attachmentTypes: ReadonlySet<string> = new Set([
    "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
    "aws:iam/policyAttachment:PolicyAttachment",
    "aws:iam/rolePolicy:RolePolicy",
]);
const roleAssignment = "azure-native:authorization:RoleAssignment";
const resourceGroup = "azure-native:resources:ResourceGroup";

const identityTypes: ReadonlySet<string> = new Set([
    role,
    ...attachmentTypes,
    "aws:iam/policy:Policy",
    "aws:iam/instanceProfile:InstanceProfile",
    "azure-native:managedidentity:UserAssignedIdentity",
    roleAssignment,
    resourceGroup,
]);

/** Every type that carries paths: the path policies inspect these. */
export const pathTypes: readonly string[] = [...fabricTypes, ...identityTypes];

/** Identities compute runs as: a reference to one from any other resource is a "runs as" edge. */
const principalTypes: ReadonlySet<string> = new Set([
    role,
    "aws:iam/instanceProfile:InstanceProfile",
    "azure-native:managedidentity:UserAssignedIdentity",
]);

/** The top-level properties the builder reads besides references. */
const readProps = ["type", "fromPort", "toPort", "protocol", "ipProtocol", "policy", "inlinePolicies"] as const;
type ReadProp = (typeof readProps)[number];
const read = (r: StackResource, prop: ReadProp): Value => r.get(prop);

function nodeRole(type: string): NodeRole {
    if (fabricTypes.has(type)) {
        return "fabric";
    }
    return identityTypes.has(type) ? "identity" : "host";
}

/** The ports an ingress or egress rule resource admits, when known. */
function rulePorts(r: StackResource): PortRange | undefined {
    const from = read(r, "fromPort");
    const to = read(r, "toPort");
    const protocol = r.type === sgRule ? read(r, "protocol") : read(r, "ipProtocol");
    if (protocol.state !== "known" || typeof protocol.value !== "string") {
        return undefined;
    }
    const p = protocol.value.toLowerCase();
    if (p === "-1" || p === "all") {
        return { protocol: "all", from: 0, to: 65535 };
    }
    if (
        from.state !== "known" ||
        to.state !== "known" ||
        typeof from.value !== "number" ||
        typeof to.value !== "number"
    ) {
        return undefined;
    }
    return { protocol: p, from: from.value, to: to.value };
}

/** Actions the Allow statements of a policy document grant; undefined when the document is not known. */
function allowedActions(doc: ParsedPolicy): readonly string[] | undefined {
    if (doc.state !== "parsed") {
        return undefined;
    }
    const out = new Set<string>();
    for (const s of statementsOf(doc)) {
        if (s.effect === "Allow") {
            for (const a of s.action?.values ?? []) {
                out.add(a);
            }
            if (s.notAction) {
                out.add("NotAction");
            }
        }
    }
    return [...out];
}

/** Actions of the inline policy documents of a role (`inlinePolicies[].policy`). */
function inlineActions(r: StackResource): readonly string[] | undefined {
    const v = read(r, "inlinePolicies");
    if (v.state !== "known" || !Array.isArray(v.value)) {
        return undefined;
    }
    const out = new Set<string>();
    for (const p of v.value) {
        const doc = p && typeof p === "object" ? (p as Record<string, unknown>).policy : undefined;
        for (const a of allowedActions(parsePolicy(doc)) ?? []) {
            out.add(a);
        }
    }
    return [...out];
}

/** Builds the graph; linear in resources plus references. */
export function buildStackGraph(resources: readonly StackResource[]): StackGraph {
    const index = new Map<StackResource, number>();
    resources.forEach((r, i) => {
        index.set(r, i);
    });
    const out: GraphEdge[][] = resources.map(() => []);
    const inc: GraphEdge[][] = resources.map(() => []);
    let edgeCount = 0;
    const add = (from: number, to: number, e: Omit<GraphEdge, "to">) => {
        if (from === to) {
            return;
        }
        out[from]?.push({ ...e, to });
        inc[to]?.push({ ...e, to: from });
        edgeCount++;
    };
    const both = (a: number, b: number, e: Omit<GraphEdge, "to">) => {
        add(a, b, e);
        add(b, a, e);
    };

    resources.forEach((r, i) => {
        const rRole = nodeRole(r.type);
        const ports =
            r.type === sgRule || r.type === sgIngressRule || r.type === sgEgressRule ? rulePorts(r) : undefined;
        const egressRule =
            r.type === sgEgressRule ||
            (r.type === sgRule &&
                (() => {
                    const t = read(r, "type");
                    return t.state === "known" && t.value === "egress";
                })());
        let actions: readonly string[] | undefined;
        const docActions = () => {
            actions ??= r.type === role ? inlineActions(r) : allowedActions(parsePolicy(read(r, "policy")));
            return actions;
        };
        for (const [prop, deps] of Object.entries(r.propertyDependencies)) {
            for (const d of deps) {
                const j = index.get(d);
                if (j === undefined || j === i) {
                    continue;
                }
                const dRole = nodeRole(d.type);
                // Security groups: an ingress reference admits the referenced group; egress reaches it.
                if (r.type === securityGroup && d.type === securityGroup && (prop === "ingress" || prop === "egress")) {
                    if (prop === "ingress") {
                        add(j, i, { kind: "network", via: "admitted by an ingress rule" });
                    } else {
                        add(i, j, { kind: "network", via: "allowed by an egress rule" });
                    }
                    continue;
                }
                if (ports !== undefined || r.type === sgRule || r.type === sgIngressRule || r.type === sgEgressRule) {
                    // A rule resource: the group it belongs to and the group it names, in traffic direction.
                    const own = prop === "securityGroupId";
                    const ruleEdge = {
                        kind: "network" as const,
                        via: egressRule ? "egress rule" : "ingress rule",
                        ...(ports ? { ports } : {}),
                    };
                    if (own === egressRule) {
                        add(j, i, ruleEdge);
                    } else {
                        add(i, j, ruleEdge);
                    }
                    continue;
                }
                if (peeringTypes.has(r.type) || peeringTypes.has(d.type)) {
                    both(i, j, { kind: "network", via: "peering", peering: true });
                    continue;
                }
                // An endpoint policy that names a role only narrows who may call the service through
                // the endpoint: it gives the network no way into the role, nor the role into the network.
                if (r.type === vpcEndpoint && prop === "policy" && dRole === "identity") {
                    continue;
                }
                if (r.type === privateEndpoint && dRole === "host") {
                    add(i, j, { kind: "network", via: "private endpoint" });
                    continue;
                }
                if (rRole === "fabric" || dRole === "fabric") {
                    both(i, j, { kind: "network", via: prop });
                    continue;
                }
                // Identity: who runs as, assumes, is granted or is scoped to what.
                if (r.type === roleAssignment) {
                    if (prop === "principalId") {
                        add(j, i, { kind: "identity", via: "role assignment" });
                    } else if (prop === "scope") {
                        add(i, j, { kind: "identity", via: "assignment scope" });
                    }
                    continue;
                }
                if (d.type === resourceGroup) {
                    if (prop === "resourceGroupName" && rRole !== "identity") {
                        add(j, i, { kind: "identity", via: "in resource group" });
                    }
                    continue;
                }
                if (r.type === role) {
                    if (prop === "assumeRolePolicy") {
                        add(j, i, { kind: "identity", via: "may assume (trust policy)" });
                    } else if (prop === "inlinePolicies") {
                        const a = docActions();
                        add(i, j, { kind: "identity", via: "inline policy", ...(a ? { actions: a } : {}) });
                    } else {
                        add(i, j, { kind: "identity", via: prop });
                    }
                    continue;
                }
                if (attachmentTypes.has(r.type) && (prop === "role" || prop === "roles")) {
                    add(j, i, { kind: "identity", via: "attached policy" });
                    continue;
                }
                if (rRole === "identity") {
                    const a = prop === "policy" ? docActions() : undefined;
                    add(i, j, {
                        kind: "identity",
                        via: prop === "policy" ? "policy grants" : prop,
                        ...(a ? { actions: a } : {}),
                    });
                    continue;
                }
                if (principalTypes.has(d.type)) {
                    add(i, j, { kind: "identity", via: "runs as" });
                }
            }
        }
    });

    const roles = resources.map((r) => nodeRole(r.type));
    const peerings = resources.map((r) => peeringTypes.has(r.type));
    return {
        nodes: resources,
        out,
        in: inc,
        edgeCount,
        indexOf: (r) => index.get(r),
        role: (i) => roles[i] as NodeRole,
        isPeering: (i) => peerings[i] === true,
    };
}

// Built once per AnalyzeStack: the adapter hands every stack policy of one call the same resource
// array (core/per-call.ts), so the graph hangs off that array and lives exactly as long as the call.
const byArray = new WeakMap<readonly StackResource[], StackGraph>();

/** The graph of this stack, built once per call and shared by the policies of that call. */
export function stackGraphOf(resources: readonly StackResource[]): StackGraph {
    let graph = byArray.get(resources);
    if (!graph) {
        graph = buildStackGraph(resources);
        byArray.set(resources, graph);
    }
    return graph;
}

/** One hop of a path as messages show it: `Subnet 'ml-a'`, `--peering-->`. */
export function nodeText(r: StackResource): string {
    return `${typeLabel(r.type)} '${r.name}'`;
}

export function hopText(e: GraphEdge): string {
    const ports = e.ports
        ? e.ports.protocol === "all"
            ? " all traffic"
            : ` ${e.ports.protocol} ${e.ports.from === e.ports.to ? e.ports.from : `${e.ports.from}-${e.ports.to}`}`
        : "";
    const actions =
        e.actions && e.actions.length > 0
            ? ` ${e.actions.slice(0, 3).join(", ")}${e.actions.length > 3 ? ", …" : ""}`
            : "";
    return `-[${e.via}${ports}${actions}]->`;
}
