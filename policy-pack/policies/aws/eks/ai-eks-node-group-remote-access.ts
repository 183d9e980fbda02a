import { onAiResources } from "../../../core/ai-scope";
import { cite } from "../../../core/citations";
import { defineResourcePolicy } from "../../../core/definition";
import { arrayOf } from "../../../core/values";

export default onAiResources(
    defineResourcePolicy({
        id: "ai-eks-node-group-remote-access",
        cloud: "aws",
        resourceTypes: ["aws:eks/nodeGroup:NodeGroup"],
        area: "network-isolation",
        layer: "iaas",
        severity: "high",
        enforcementLevel: "mandatory",
        description:
            "EKS node groups that run models allow SSH only from listed security groups, never from the whole internet.",
        controls: cite({
            "nist-800-53": {
                implements: ["AC-17"],
                supports: ["SC-7"],
                why: "Remote access to model nodes is limited to the security groups the program names.",
            },
            "mitre-atlas": {
                supports: ["AML.M0019"],
                mitigates: ["AML.T0049"],
                why: "SSH open to the internet on GPU nodes is a direct path to the model weights and the node role.",
            },
            "iso-27001": {
                supports: ["A.8.20"],
                why: "Network security: node administration is not exposed to the internet.",
            },
        }),
        peers: [{ tool: "checkov", id: "CKV_AWS_100" }],
        remediation: [
            "Remove remoteAccess and use SSM Session Manager, or set remoteAccess.sourceSecurityGroupIds to the security groups of your administration hosts.",
        ],
        notes: [
            "Judged only on node groups of the AI system: accelerated instanceTypes or an accelerated amiType (NVIDIA, GPU, Neuron), or tagged as AI.",
            "EKS opens port 22 to 0.0.0.0/0 when remoteAccess names an ec2SshKey without sourceSecurityGroupIds; that case fails. Without remoteAccess no SSH access is configured.",
            "Values unknown during preview leave the verdict to pulumi up.",
        ],
        validate(group, check) {
            const remote = group.get("remoteAccess");
            if (remote.state === "unknown") {
                check.undecided("remoteAccess");
                return;
            }
            if (remote.state !== "known") {
                return;
            }
            const key = group.get("remoteAccess.ec2SshKey");
            if (key.state === "unknown") {
                check.undecided("remoteAccess.ec2SshKey");
                return;
            }
            if (key.state !== "known" || typeof key.value !== "string" || key.value.trim() === "") {
                return;
            }
            const sources = group.get("remoteAccess.sourceSecurityGroupIds");
            if (sources.state === "unknown") {
                return; // Security group ids of the same program: set, so SSH is not open to everyone.
            }
            const list = arrayOf(sources);
            if (sources.state === "missing" || (list && list.length === 0)) {
                check.fail({
                    setting: "remoteAccess.sourceSecurityGroupIds",
                    found: "not set with an ec2SshKey (SSH open to 0.0.0.0/0)",
                    expected: "the security groups of administration hosts, or no remoteAccess",
                });
            }
        },
    }),
);
