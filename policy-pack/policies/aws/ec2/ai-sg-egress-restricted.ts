import { cite } from "../../../core/citations";
import { defineStackPolicy, type StackResource } from "../../../core/definition";
import { arrayOf, field, isUnknownSentinel, type Value } from "../../../core/values";
import { FindingSink } from "../../../shared/iam-policy";

const sgType = "aws:ec2/securityGroup:SecurityGroup";
const sgRuleType = "aws:ec2/securityGroupRule:SecurityGroupRule";
const egressRuleType = "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule";

type Tri = true | false | "unknown";

function isOpenCidr(c: unknown): boolean {
    return typeof c === "string" && /\/0+$/.test(c.trim());
}

/** Whether a CIDR value or list admits every address of its family. */
function opensToAll(v: Value): Tri {
    if (v.state === "unknown") {
        return "unknown";
    }
    if (v.state !== "known") {
        return false;
    }
    const list = Array.isArray(v.value) ? v.value : [v.value];
    if (list.some(isOpenCidr)) {
        return true;
    }
    return list.some(isUnknownSentinel) ? "unknown" : false;
}

/** Whether a rule covers every port: protocol -1/all, or 0-65535. */
function allPorts(protocol: Value, from: Value, to: Value): Tri {
    if (protocol.state === "unknown") {
        return "unknown";
    }
    if (protocol.state === "known" && (protocol.value === "-1" || protocol.value === -1 || protocol.value === "all")) {
        return true;
    }
    if (from.state === "unknown" || to.state === "unknown") {
        return "unknown";
    }
    const f = from.state === "known" ? from.value : undefined;
    const t = to.state === "known" ? to.value : undefined;
    return typeof f === "number" && typeof t === "number" && f <= 0 && t >= 65535;
}

function and(a: Tri, b: Tri): Tri {
    if (a === false || b === false) {
        return false;
    }
    return a === true && b === true ? true : "unknown";
}

export default defineStackPolicy({
    id: "ai-sg-egress-restricted",
    cloud: "aws",
    resourceTypes: [sgType, sgRuleType, egressRuleType],
    area: "segmentation",
    layer: "paas",
    severity: "medium",
    enforcementLevel: "advisory",
    description:
        "Security groups of the AI system allow no egress on all ports to the whole internet (0.0.0.0/0 or ::/0).",
    controls: cite({
        "nist-800-53": {
            implements: ["SC-7(5)"],
            supports: ["AC-4"],
            why: "AI security groups do not allow all traffic to the whole internet.",
        },
        "mitre-atlas": {
            mitigates: ["AML.T0025"],
            why: "Outbound traffic from AI compute is limited, which narrows the paths for exfiltrating weights and data.",
        },
        "iso-27001": {
            implements: ["A.8.22"],
            why: "Segregation of networks: AI compute cannot send traffic anywhere on the internet.",
        },
    }),
    peers: [
        { tool: "checkov", id: "CKV_AWS_382" },
        { tool: "trivy", id: "AWS-0104" },
    ],
    remediation: [
        "Replace all-port egress to 0.0.0.0/0 or ::/0 on AI security groups with egress to the security groups of VPC endpoints, to prefix lists, or to specific ports and ranges.",
    ],
    notes: [
        "Its declared layer is paas, the managed ML platform these networks and identities most often serve; each finding takes the layer of the AI workload the resource serves (fm-api for a Bedrock agent's role or an Azure OpenAI account's network), as the classification decides.",
        "A security group counts as AI when the classification says so (tagged as AI, or referenced by an AI resource such as a notebook, model, training job, VPC endpoint or agent runtime). Business-tagged security groups are not checked.",
        "Inline egress rules are reported on the security group; SecurityGroupRule (type egress) and SecurityGroupEgressRule resources are reported on the rule and matched to the AI security group through the property dependencies of securityGroupId.",
        "All ports means protocol -1 (or all), or the range 0-65535. Egress to 0.0.0.0/0 on specific ports (for example 443) passes. Without egress rules the provider removes AWS's default allow-all egress rule, so an unset egress list passes.",
        "A CIDR, protocol or port unknown during preview leaves the verdict to pulumi up. Advisory by default, because broad egress is common during development. Links between AI and business security groups are reported by ai-sg-no-business-sg-reference and ai-sg-no-public-ingress.",
    ],
    validate(check) {
        const { resources, classification } = check;
        const isAiSg = (r: StackResource) => r.type === sgType && classification.isAi(r);
        const sink = new FindingSink();
        const open = (r: StackResource, setting: string, verdict: Tri, where: string, path: string) => {
            if (verdict === true) {
                sink.fail(r, {
                    setting,
                    found: `open on all ports to the whole internet${where}`,
                    expected: "egress limited to VPC endpoints, prefix lists, or specific ports and ranges",
                });
            } else if (verdict === "unknown") {
                sink.undecided(r, path);
            }
        };

        for (const sg of resources) {
            if (!isAiSg(sg)) {
                continue;
            }
            const why = classification.reason(sg);
            const where = why ? ` (this security group is in the AI system: ${why})` : "";
            const egress = sg.get("egress");
            if (egress.state === "unknown") {
                if (sg.setByProgram("egress") !== false) {
                    sink.undecided(sg, "egress");
                }
            } else {
                (arrayOf(egress) ?? []).forEach((rule, i) => {
                    if (isUnknownSentinel(rule)) {
                        sink.undecided(sg, `egress[${i}]`);
                        return;
                    }
                    const ports = allPorts(field(rule, "protocol"), field(rule, "fromPort"), field(rule, "toPort"));
                    const v4 = and(opensToAll(field(rule, "cidrBlocks")), ports);
                    const v6 = and(opensToAll(field(rule, "ipv6CidrBlocks")), ports);
                    open(
                        sg,
                        `egress[${i}]`,
                        v4 === true || v6 === true ? true : v4 === "unknown" || v6 === "unknown" ? "unknown" : false,
                        where,
                        `egress[${i}]`,
                    );
                });
            }
        }

        for (const rule of resources) {
            if (rule.type !== sgRuleType && rule.type !== egressRuleType) {
                continue;
            }
            const target = (rule.propertyDependencies.securityGroupId ?? []).find(isAiSg);
            if (!target) {
                continue;
            }
            const where = ` on AI security group '${target.name}'`;
            if (rule.type === sgRuleType) {
                const kind = rule.get("type");
                if (kind.state === "unknown") {
                    sink.undecided(rule, "type");
                    continue;
                }
                if (!(kind.state === "known" && kind.value === "egress")) {
                    continue;
                }
                const ports = allPorts(rule.get("protocol"), rule.get("fromPort"), rule.get("toPort"));
                open(rule, "cidrBlocks", and(opensToAll(rule.get("cidrBlocks")), ports), where, "cidrBlocks");
                open(
                    rule,
                    "ipv6CidrBlocks",
                    and(opensToAll(rule.get("ipv6CidrBlocks")), ports),
                    where,
                    "ipv6CidrBlocks",
                );
            } else {
                const ports = allPorts(rule.get("ipProtocol"), rule.get("fromPort"), rule.get("toPort"));
                open(rule, "cidrIpv4", and(opensToAll(rule.get("cidrIpv4")), ports), where, "cidrIpv4");
                open(rule, "cidrIpv6", and(opensToAll(rule.get("cidrIpv6")), ports), where, "cidrIpv6");
            }
        }
        sink.report(check);
    },
});
