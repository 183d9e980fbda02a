import { cite } from "../../../core/citations";
import { defineStackPolicy, type StackResource } from "../../../core/definition";
import { accessVerdict, notApprovedText, undecidedAccessPath } from "../../../shared/approved-model-access";
import { FindingSink } from "../../../shared/iam-policy";

const sgType = "aws:ec2/securityGroup:SecurityGroup";
const sgRuleType = "aws:ec2/securityGroupRule:SecurityGroupRule";
const ingressRuleType = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
const egressRuleType = "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule";

interface Config {
    readonly allowedRules?: readonly string[];
}

export default defineStackPolicy<Config>({
    id: "ai-sg-no-business-sg-reference",
    cloud: "aws",
    resourceTypes: [sgType, sgRuleType, ingressRuleType, egressRuleType],
    area: "segmentation",
    layer: "paas",
    severity: "high",
    enforcementLevel: "mandatory",
    description:
        "No security group rule lets the AI system send traffic to a business system's security group, and no business security group admits or sends traffic to a security group of the AI system, unless allowlisted.",
    controls: cite({
        "nist-800-53": {
            implements: ["SC-7(21)", "AC-4"],
            why: "Security group rules do not connect AI and business-system security groups unless allowlisted.",
        },
        "mitre-atlas": {
            mitigates: ["AML.T0036", "AML.T0025"],
            why: "A compromised AI workload cannot reach business data stores, and business systems cannot reach AI resources, over the network.",
        },
        "iso-27001": {
            implements: ["A.8.22"],
            why: "Segregation of networks: AI and business workloads are kept in separate security groups with no rule between them.",
        },
    }),
    peers: [],
    remediation: [
        "Remove security group rules that link AI security groups with business security groups; put an approved, logged interface (an API, a PrivateLink endpoint service) between the two systems.",
        "If a reviewed link must stay, add the rule's (or, for inline rules, the security group's) Pulumi resource name to allowedRules in the policy config.",
    ],
    notes: [
        "Its declared layer is paas, the managed ML platform these networks and identities most often serve; each finding takes the layer of the AI workload the resource serves (fm-api for a Bedrock agent's role or an Azure OpenAI account's network), as the classification decides.",
        "Security groups are AI or business by the classification (tags, or references from AI resources). A link is recognized through property dependencies: inline ingress/egress securityGroups, sourceSecurityGroupId of SecurityGroupRule, referencedSecurityGroupId of SecurityGroupIngressRule and SecurityGroupEgressRule, and securityGroupId for the group a rule belongs to. Security groups given as literal ids are not recognized.",
        "Covered here: egress from an AI security group to a business one, and any rule on a business security group that references an AI one. Ingress into an AI security group from a business one is reported by ai-sg-no-public-ingress, so it is not reported twice.",
        "Egress from a business security group to an approved model access group (an AI security group attached only to Interface VPC endpoints, reached only on TCP 443, with endpoint policies that name principal, action and resource and grants conditioned on aws:SourceVpce, as ApprovedModelAccess builds it) is accepted without allowlisting; see ai-sg-no-public-ingress for the shape. An endpoint policy unknown during preview leaves the verdict to pulumi up.",
        "The config property allowedRules lists rules or security groups (Pulumi resource names or URNs) whose links are approved. No scanner has this check.",
    ],
    configSchema: {
        properties: {
            allowedRules: {
                type: "array",
                items: { type: "string" },
                default: [],
                description:
                    "Rules or security groups (Pulumi resource names or URNs) allowed to link AI and business security groups.",
            },
        },
    },
    validate(check) {
        const { resources, classification } = check;
        const allowed = new Set(
            Array.isArray(check.config.allowedRules)
                ? check.config.allowedRules.filter((s): s is string => typeof s === "string")
                : [],
        );
        const isAllowed = (r: StackResource) => allowed.has(r.name) || allowed.has(r.urn);
        const isSg = (r: StackResource) => r.type === sgType;
        const isAi = (r: StackResource) => isSg(r) && classification.isAi(r);
        const isBiz = (r: StackResource) => isSg(r) && classification.isBusiness(r);
        const sink = new FindingSink();
        const expected = "no link between AI and business security groups, or an allowlisted rule";

        for (const sg of resources) {
            if (isAllowed(sg)) {
                continue;
            }
            if (isAi(sg)) {
                for (const peer of (sg.propertyDependencies.egress ?? []).filter(isBiz)) {
                    sink.fail(sg, {
                        setting: "egress[].securityGroups",
                        found: `egress to security group '${peer.name}' of a business system`,
                        expected,
                    });
                }
            } else if (isBiz(sg)) {
                for (const [key, verb] of [
                    ["ingress", "admits traffic from"],
                    ["egress", "sends traffic to"],
                ] as const) {
                    for (const peer of (sg.propertyDependencies[key] ?? []).filter(isAi)) {
                        const access = key === "egress" ? accessVerdict(peer, resources, classification) : undefined;
                        if (access?.kind === "approved") {
                            continue;
                        }
                        if (access?.kind === "undecided") {
                            sink.undecided(sg, undecidedAccessPath(access));
                            continue;
                        }
                        sink.fail(sg, {
                            setting: `${key}[].securityGroups`,
                            found: `a business security group rule that ${verb} AI security group '${peer.name}'${notApprovedText(access)}`,
                            expected,
                        });
                    }
                }
            }
        }

        for (const rule of resources) {
            if (![sgRuleType, ingressRuleType, egressRuleType].includes(rule.type) || isAllowed(rule)) {
                continue;
            }
            const owners = rule.propertyDependencies.securityGroupId ?? [];
            const peerKey = rule.type === sgRuleType ? "sourceSecurityGroupId" : "referencedSecurityGroupId";
            const peers = rule.propertyDependencies[peerKey] ?? [];
            let direction: "ingress" | "egress" | "unknown" = rule.type === ingressRuleType ? "ingress" : "egress";
            if (rule.type === sgRuleType) {
                const kind = rule.get("type");
                direction =
                    kind.state === "unknown"
                        ? "unknown"
                        : kind.state === "known" && kind.value === "ingress"
                          ? "ingress"
                          : "egress";
            }
            const aiOwner = owners.find(isAi);
            const bizPeer = peers.find(isBiz);
            const bizOwner = owners.find(isBiz);
            const aiPeer = peers.find(isAi);
            if (aiOwner && bizPeer && direction !== "ingress") {
                if (direction === "unknown") {
                    sink.undecided(rule, "type");
                } else {
                    sink.fail(rule, {
                        setting: peerKey,
                        found: `security group '${bizPeer.name}' of a business system, as egress destination of AI security group '${aiOwner.name}'`,
                        expected,
                    });
                }
            }
            if (bizOwner && aiPeer) {
                // A business caller's egress to an approved model access group (see shared/approved-model-access).
                const access = direction === "ingress" ? undefined : accessVerdict(aiPeer, resources, classification);
                if (access?.kind === "approved") {
                    continue;
                }
                if (access?.kind === "undecided") {
                    sink.undecided(rule, undecidedAccessPath(access));
                    continue;
                }
                sink.fail(rule, {
                    setting: peerKey,
                    found: `AI security group '${aiPeer.name}', referenced by a rule of business security group '${bizOwner.name}'${notApprovedText(access)}`,
                    expected,
                });
            }
        }
        sink.report(check);
    },
});
