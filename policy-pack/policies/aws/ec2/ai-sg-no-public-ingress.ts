import { cite } from "../../../core/citations";
import { defineStackPolicy, type Finding, type StackCheck, type StackResource } from "../../../core/definition";
import { arrayOf, field, isUnknownSentinel, type Value } from "../../../core/values";
import {
    type AccessVerdict,
    accessVerdict,
    notApprovedText,
    undecidedAccessPath,
} from "../../../shared/approved-model-access";

const sgType = "aws:ec2/securityGroup:SecurityGroup";
const sgRuleType = "aws:ec2/securityGroupRule:SecurityGroupRule";
const ingressRuleType = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";

const expectedCidr = "only private or specific address ranges, not a /0 range";
const expectedPeer = "no security group of a business system";

/** Findings and unknown paths gathered for one resource. */
class Verdicts {
    readonly findings: Finding[] = [];
    readonly unknowns: string[] = [];

    report(check: StackCheck<unknown>, r: StackResource): void {
        if (this.findings.length > 0) {
            for (const f of this.findings) {
                check.fail(r, f);
            }
        } else if (this.unknowns.length > 0) {
            check.undecided(r, this.unknowns[0] as string);
        }
    }
}

/** A `/0` range admits every address of its family: `0.0.0.0/0`, `::/0` and equivalents. */
function openFamily(cidr: unknown): "IPv4" | "IPv6" | undefined {
    if (typeof cidr !== "string" || !/\/0+$/.test(cidr.trim())) {
        return undefined;
    }
    return cidr.includes(":") ? "IPv6" : "IPv4";
}

function openFinding(setting: string, family: string, where: string): Finding {
    return { setting, found: `open to any ${family} address${where}`, expected: expectedCidr };
}

/** Checks one CIDR value (a string) at `path`. */
function scanCidr(v: Value, path: string, where: string, out: Verdicts): void {
    if (v.state === "unknown") {
        out.unknowns.push(path);
        return;
    }
    const family = v.state === "known" ? openFamily(v.value) : undefined;
    if (family) {
        out.findings.push(openFinding(path, family, where));
    }
}

/** Checks a list of CIDRs at `path`; one finding per list. */
function scanCidrList(v: Value, path: string, where: string, out: Verdicts): void {
    if (v.state === "unknown") {
        out.unknowns.push(path);
        return;
    }
    const list = arrayOf(v) ?? [];
    const families = new Set<string>();
    list.forEach((c, j) => {
        if (isUnknownSentinel(c)) {
            out.unknowns.push(`${path}[${j}]`);
        }
        const family = openFamily(c);
        if (family) {
            families.add(family);
        }
    });
    if (families.size > 0) {
        out.findings.push(openFinding(path, [...families].sort().join(" and "), where));
    }
}

function scanPeers(
    check: StackCheck<unknown>,
    peers: readonly StackResource[],
    setting: string,
    verb: string,
    where: string,
    out: Verdicts,
    access?: AccessVerdict,
): void {
    for (const peer of peers) {
        if (!check.classification.isBusiness(peer)) {
            continue;
        }
        // A business caller admitted to an approved model access group (see shared/approved-model-access).
        if (access?.kind === "approved") {
            continue;
        }
        if (access?.kind === "undecided") {
            out.unknowns.push(undecidedAccessPath(access));
            continue;
        }
        out.findings.push({
            setting,
            found: `${verb}${peer.type === sgType ? "security group" : "resource"} '${peer.name}' of a business system${where}${notApprovedText(access)}`,
            expected: expectedPeer,
        });
    }
}

export default defineStackPolicy({
    id: "ai-sg-no-public-ingress",
    cloud: "aws",
    resourceTypes: [sgType, sgRuleType, ingressRuleType],
    area: "segmentation",
    layer: "paas",
    severity: "high",
    enforcementLevel: "mandatory",
    description:
        "Security groups of the AI system admit no ingress from the public internet (0.0.0.0/0 or ::/0) or from security groups of business systems.",
    controls: cite({
        "nist-800-53": {
            implements: ["SC-7", "SC-7(21)"],
            supports: ["AC-4"],
            why: "AI security groups admit nothing from 0.0.0.0/0 or ::/0 and nothing from business-system security groups.",
        },
        "mitre-atlas": {
            implements: ["AML.M0019"],
            mitigates: ["AML.T0049", "AML.T0040"],
            why: "AI endpoints and compute are not reachable from the internet, nor from business systems.",
        },
        "iso-27001": {
            implements: ["A.8.20", "A.8.22"],
            why: "Network security and segregation: no public or cross-system ingress to AI resources.",
        },
    }),
    peers: [
        { tool: "checkov", id: "CKV_AWS_24" },
        { tool: "checkov", id: "CKV_AWS_25" },
        { tool: "checkov", id: "CKV_AWS_260" },
        { tool: "checkov", id: "CKV_AWS_277" },
        { tool: "trivy", id: "AWS-0107" },
    ],
    remediation: [
        "Remove 0.0.0.0/0 and ::/0 from the ingress rules of AI security groups; admit only the private ranges or security groups of the AI system and its approved clients.",
        "Do not admit security groups of business systems; put an approved, logged interface between the business and AI systems: an interface VPC endpoint with its own security group open to the caller on 443 only, an endpoint policy naming the caller and the model, and a grant conditioned on aws:SourceVpce (ApprovedModelAccess builds this).",
    ],
    notes: [
        "Its declared layer is paas, the managed ML platform these networks and identities most often serve; each finding takes the layer of the AI workload the resource serves (fm-api for a Bedrock agent's role or an Azure OpenAI account's network), as the classification decides.",
        "A security group counts as AI when the classification says so: tagged as part of the AI system, or referenced by a SageMaker, Bedrock or other AI resource (for example a notebook's securityGroups or a model's vpcConfig.securityGroupIds). A security group tagged as a business system is not checked.",
        "Inline ingress rules are reported on the security group; SecurityGroupRule (type ingress) and SecurityGroupIngressRule resources are reported on the rule, and are matched to the AI security group through the property dependencies of securityGroupId, never by id.",
        "Any /0 range counts as the public internet. A business source is recognized through property dependencies (inline ingress securityGroups, sourceSecurityGroupId, referencedSecurityGroupId) on a resource classified as business; a source given as a literal id is not recognized.",
        "A CIDR, rule list or rule type that is unknown during preview leaves the verdict to pulumi up, unless another setting of the same resource already fails.",
        "One link from a business security group is accepted: the approved model access shape (an AI security group attached only to Interface VPC endpoints, admitting security groups only on TCP 443, whose endpoint policies name the principal, action and resource without *, with every grant on those resources in the stack conditioned on aws:SourceVpce), as ApprovedModelAccess builds it. A finding on any other link says which part of the shape is missing; an endpoint policy unknown during preview leaves the verdict to pulumi up.",
        "Checkov CKV_AWS_24/25/260/277 and Trivy AWS-0107 test every security group for 0.0.0.0/0 on some or all ports; this check tests only AI security groups, on every port, and adds the business-source rule, which no peer has.",
    ],
    validate(check) {
        const { resources, classification } = check;
        const isAiSg = (r: StackResource) => r.type === sgType && classification.isAi(r);

        for (const sg of resources) {
            if (!isAiSg(sg)) {
                continue;
            }
            const why = classification.reason(sg);
            const where = why ? ` (this security group is in the AI system: ${why})` : "";
            const out = new Verdicts();
            const ingress = sg.get("ingress");
            if (ingress.state === "unknown") {
                out.unknowns.push("ingress");
            } else {
                (arrayOf(ingress) ?? []).forEach((rule, i) => {
                    if (isUnknownSentinel(rule)) {
                        out.unknowns.push(`ingress[${i}]`);
                        return;
                    }
                    scanCidrList(field(rule, "cidrBlocks"), `ingress[${i}].cidrBlocks`, where, out);
                    scanCidrList(field(rule, "ipv6CidrBlocks"), `ingress[${i}].ipv6CidrBlocks`, where, out);
                });
            }
            scanPeers(
                check,
                sg.propertyDependencies.ingress ?? [],
                "ingress[].securityGroups",
                "includes ",
                where,
                out,
            );
            out.report(check, sg);
        }

        for (const rule of resources) {
            if (rule.type !== sgRuleType && rule.type !== ingressRuleType) {
                continue;
            }
            const target = (rule.propertyDependencies.securityGroupId ?? []).find(isAiSg);
            if (!target) {
                continue;
            }
            const where = ` on AI security group '${target.name}'`;
            const out = new Verdicts();
            const access = accessVerdict(target, resources, classification);
            if (rule.type === sgRuleType) {
                const kind = rule.get("type");
                if (kind.state === "unknown") {
                    check.undecided(rule, "type");
                    continue;
                }
                if (!(kind.state === "known" && kind.value === "ingress")) {
                    continue;
                }
                scanCidrList(rule.get("cidrBlocks"), "cidrBlocks", where, out);
                scanCidrList(rule.get("ipv6CidrBlocks"), "ipv6CidrBlocks", where, out);
                scanPeers(
                    check,
                    rule.propertyDependencies.sourceSecurityGroupId ?? [],
                    "sourceSecurityGroupId",
                    "",
                    where,
                    out,
                    access,
                );
            } else {
                scanCidr(rule.get("cidrIpv4"), "cidrIpv4", where, out);
                scanCidr(rule.get("cidrIpv6"), "cidrIpv6", where, out);
                scanPeers(
                    check,
                    rule.propertyDependencies.referencedSecurityGroupId ?? [],
                    "referencedSecurityGroupId",
                    "",
                    where,
                    out,
                    access,
                );
            }
            out.report(check, rule);
        }
    },
});
