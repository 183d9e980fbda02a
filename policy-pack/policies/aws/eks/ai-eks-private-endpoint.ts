import { onAiResources } from "../../../core/ai-scope";
import { cite } from "../../../core/citations";
import { defineResourcePolicy } from "../../../core/definition";
import { arrayOf, describe, isUnknownSentinel } from "../../../core/values";

/** CIDRs that admit every address. */
const anywhere = new Set(["0.0.0.0/0", "::/0"]);

export default onAiResources(
    defineResourcePolicy({
        id: "ai-eks-private-endpoint",
        cloud: "aws",
        resourceTypes: ["aws:eks/cluster:Cluster"],
        area: "network-isolation",
        layer: "iaas",
        severity: "high",
        enforcementLevel: "mandatory",
        description:
            "EKS clusters that run model workloads expose their Kubernetes API only privately, or publicly to listed CIDR ranges only.",
        controls: cite({
            "nist-800-53": {
                implements: ["SC-7"],
                supports: ["AC-17"],
                why: "The control plane of the model cluster is reachable only from the VPC or from listed networks.",
            },
            "mitre-atlas": {
                supports: ["AML.M0019"],
                mitigates: ["AML.T0049"],
                why: "An API server open to the internet is an entry point to every model workload the cluster runs.",
            },
            "iso-27001": {
                supports: ["A.8.20"],
                why: "Network security: the cluster's management plane is not exposed to the internet.",
            },
        }),
        peers: [
            { tool: "checkov", id: "CKV_AWS_39" },
            { tool: "aws-securityhub", id: "EKS.1" },
            { tool: "prowler", id: "eks_cluster_not_publicly_accessible" },
        ],
        remediation: [
            "Set vpcConfig.endpointPublicAccess to false and vpcConfig.endpointPrivateAccess to true, and reach the API from inside the VPC (a bastion, VPN or CI runner).",
            "If the public endpoint must stay, set vpcConfig.publicAccessCidrs to the administrator networks only.",
        ],
        notes: [
            "Judged only on clusters of the AI system: a cluster an accelerated node group joins (nodeGroup.clusterName), or tagged as AI.",
            'endpointPublicAccess defaults to true and publicAccessCidrs to ["0.0.0.0/0"], so a cluster that sets neither fails.',
            "Values unknown during preview leave the verdict to pulumi up.",
        ],
        validate(cluster, check) {
            const open = cluster.get("vpcConfig.endpointPublicAccess");
            if (open.state === "unknown") {
                check.undecided("vpcConfig.endpointPublicAccess");
                return;
            }
            if (open.state === "known" && open.value === false) {
                return;
            }
            const cidrs = cluster.get("vpcConfig.publicAccessCidrs");
            if (cidrs.state === "unknown") {
                check.undecided("vpcConfig.publicAccessCidrs");
                return;
            }
            const list = arrayOf(cidrs);
            const expected = "endpointPublicAccess false, or publicAccessCidrs listing only administrator networks";
            if (cidrs.state === "missing" || (list && list.length === 0)) {
                check.fail({
                    setting: "vpcConfig.publicAccessCidrs",
                    found: `not set (provider default ["0.0.0.0/0"]) with the public endpoint ${open.state === "missing" ? "on by default" : "on"}`,
                    expected,
                });
                return;
            }
            if (!list) {
                check.fail({ setting: "vpcConfig.publicAccessCidrs", found: describe(cidrs), expected });
                return;
            }
            list.forEach((c, i) => {
                if (typeof c === "string" && anywhere.has(c.trim())) {
                    check.fail({ setting: `vpcConfig.publicAccessCidrs[${i}]`, found: JSON.stringify(c), expected });
                } else if (isUnknownSentinel(c)) {
                    check.undecided(`vpcConfig.publicAccessCidrs.${i}`);
                }
            });
        },
    }),
);
