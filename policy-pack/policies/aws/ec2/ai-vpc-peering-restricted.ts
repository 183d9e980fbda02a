import { cite } from "../../../core/citations";
import type { Classification } from "../../../core/classification";
import { defineStackPolicy, type StackResource } from "../../../core/definition";
import { arrayOf, field, type Value } from "../../../core/values";
import { FindingSink } from "../../../shared/iam-policy";

const vpcType = "aws:ec2/vpc:Vpc";
const peeringType = "aws:ec2/vpcPeeringConnection:VpcPeeringConnection";
const routeType = "aws:ec2/route:Route";
const routeTableType = "aws:ec2/routeTable:RouteTable";

interface Config {
    readonly allowedPeerings?: readonly string[];
}

type Side = "ai" | "business" | undefined;

/**
 * Which system a VPC belongs to: its own tag, otherwise the membership of the resources placed in it
 * (subnets, security groups, endpoints, domains referencing it through vpcId). A VPC holding both is neither.
 */
function vpcSides(resources: readonly StackResource[], c: Classification): Map<StackResource, Side> {
    const out = new Map<StackResource, Side>();
    const derived = new Map<StackResource, Set<string>>();
    for (const r of resources) {
        const m = c.membership(r);
        if (!m || r.type === vpcType) {
            continue;
        }
        for (const vpc of r.propertyDependencies.vpcId ?? []) {
            if (vpc.type === vpcType) {
                derived.set(vpc, (derived.get(vpc) ?? new Set()).add(m));
            }
        }
    }
    for (const vpc of resources) {
        if (vpc.type !== vpcType) {
            continue;
        }
        const own = c.membership(vpc);
        const d = derived.get(vpc);
        out.set(vpc, own ?? (d && d.size === 1 ? ([...d][0] as Side) : undefined));
    }
    return out;
}

function isOpen(v: Value): boolean {
    return v.state === "known" && typeof v.value === "string" && /\/0+$/.test(v.value.trim());
}

export default defineStackPolicy<Config>({
    id: "ai-vpc-peering-restricted",
    cloud: "aws",
    resourceTypes: [peeringType, routeType, routeTableType],
    area: "segmentation",
    layer: "paas",
    severity: "high",
    enforcementLevel: "mandatory",
    description:
        "No VPC peering connects a VPC of the AI system with a VPC of a business system unless allowlisted, and no route sends 0.0.0.0/0 or ::/0 over a peering of an AI VPC.",
    controls: cite({
        "nist-800-53": {
            implements: ["SC-7(21)", "CA-9"],
            supports: ["AC-4"],
            why: "No peering joins an AI VPC to a business VPC unless allowlisted, and no default route goes over an AI peering.",
        },
        "mitre-atlas": {
            mitigates: ["AML.T0036"],
            why: "The AI VPC has no network path into business systems' data.",
        },
        "iso-27001": {
            implements: ["A.8.22"],
            why: "Segregation of networks: AI and business VPCs are not peered.",
        },
    }),
    peers: [
        { tool: "checkov", id: "CKV2_AWS_44" },
        { tool: "kics", id: "b3a41501-f712-4c4f-81e5-db9a7dc0e34e" },
        { tool: "prowler", id: "vpc_peering_routing_tables_with_least_privilege" },
    ],
    remediation: [
        "Remove the peering between the AI VPC and the business VPC, and expose what the AI system needs through an approved interface (PrivateLink endpoint service, API) instead.",
        "If a reviewed peering must stay, add its Pulumi resource name to allowedPeerings in the policy config, and route only the specific CIDR ranges needed over it, never 0.0.0.0/0 or ::/0.",
    ],
    notes: [
        "Its declared layer is paas, the managed ML platform these networks and identities most often serve; each finding takes the layer of the AI workload the resource serves (fm-api for a Bedrock agent's role or an Azure OpenAI account's network), as the classification decides.",
        "A VPC belongs to the AI system when it is tagged as AI, or when only AI resources (subnets, security groups, endpoints, SageMaker domains) reference it through vpcId; to a business system when tagged as business, or referenced only by business resources. A VPC used by both, or by neither, is not judged.",
        "Peerings are matched to VPCs through the property dependencies of vpcId and peerVpcId, never by id; a peer VPC in another account or stack, given as a literal id, is not judged.",
        "Routes (aws.ec2.Route, and inline routes of aws.ec2.RouteTable) are matched to the peering through the property dependencies of vpcPeeringConnectionId or routes; a destination unknown during preview leaves the verdict to pulumi up.",
        "The config property allowedPeerings lists peerings (Pulumi resource names or URNs) that may join AI and business VPCs; their routes are still checked for /0 destinations.",
    ],
    configSchema: {
        properties: {
            allowedPeerings: {
                type: "array",
                items: { type: "string" },
                default: [],
                description:
                    "Peering connections (Pulumi resource names or URNs) allowed to join AI and business VPCs.",
            },
        },
    },
    validate(check) {
        const { resources, classification } = check;
        const allowed = new Set(
            Array.isArray(check.config.allowedPeerings)
                ? check.config.allowedPeerings.filter((s): s is string => typeof s === "string")
                : [],
        );
        const sides = vpcSides(resources, classification);
        const sink = new FindingSink();
        const aiPeerings = new Set<StackResource>();
        for (const p of resources) {
            if (p.type !== peeringType) {
                continue;
            }
            const a = (p.propertyDependencies.vpcId ?? []).filter((v) => v.type === vpcType);
            const b = (p.propertyDependencies.peerVpcId ?? []).filter((v) => v.type === vpcType);
            const all = [...a, ...b];
            const aiVpc = all.find((v) => sides.get(v) === "ai");
            if (!aiVpc) {
                continue;
            }
            aiPeerings.add(p);
            const bizVpc = all.find((v) => sides.get(v) === "business");
            if (bizVpc && !allowed.has(p.name) && !allowed.has(p.urn)) {
                sink.fail(p, {
                    setting: a.includes(bizVpc) ? "vpcId" : "peerVpcId",
                    found: `business VPC '${bizVpc.name}', peered with AI VPC '${aiVpc.name}'`,
                    expected: "no peering between AI and business VPCs, or a peering listed in allowedPeerings",
                });
            }
        }
        const expected = "specific CIDR ranges, not a /0 range";
        for (const r of resources) {
            if (r.type === routeType) {
                const peering = (r.propertyDependencies.vpcPeeringConnectionId ?? []).find((p) => aiPeerings.has(p));
                if (!peering) {
                    continue;
                }
                for (const key of ["destinationCidrBlock", "destinationIpv6CidrBlock"]) {
                    const v = r.get(key);
                    if (v.state === "unknown") {
                        sink.undecided(r, key);
                    } else if (isOpen(v)) {
                        sink.fail(r, { setting: key, found: `a /0 range over AI peering '${peering.name}'`, expected });
                    }
                }
            } else if (r.type === routeTableType) {
                const peering = (r.propertyDependencies.routes ?? []).find((p) => aiPeerings.has(p));
                if (!peering) {
                    continue;
                }
                const routes = r.get("routes");
                if (routes.state === "unknown") {
                    sink.undecided(r, "routes");
                    continue;
                }
                (arrayOf(routes) ?? []).forEach((route, i) => {
                    const via = field(route, "vpcPeeringConnectionId");
                    if (via.state === "missing") {
                        return;
                    }
                    for (const key of ["cidrBlock", "ipv6CidrBlock"]) {
                        const v = field(route, key);
                        if (v.state === "unknown") {
                            sink.undecided(r, `routes[${i}].${key}`);
                        } else if (isOpen(v)) {
                            sink.fail(r, {
                                setting: `routes[${i}].${key}`,
                                found: `a /0 range over a VPC peering (the table's routes use AI peering '${peering.name}')`,
                                expected,
                            });
                        }
                    }
                });
            }
        }
        sink.report(check);
    },
});
