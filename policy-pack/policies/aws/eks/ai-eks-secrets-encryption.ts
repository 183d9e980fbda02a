import { onAiResources } from "../../../core/ai-scope";
import { cite } from "../../../core/citations";
import { defineSettingsPolicy } from "../../../core/settings";

export default onAiResources(
    defineSettingsPolicy({
        id: "ai-eks-secrets-encryption",
        cloud: "aws",
        resourceTypes: ["aws:eks/cluster:Cluster"],
        area: "model-storage",
        layer: "iaas",
        severity: "medium",
        enforcementLevel: "mandatory",
        description:
            "EKS clusters that run model workloads envelope-encrypt Kubernetes secrets under a customer managed KMS key.",
        controls: cite({
            "nist-800-53": {
                implements: ["SC-28(1)"],
                supports: ["SC-12"],
                why: "Kubernetes secrets of the model cluster (model registry tokens, API keys) are encrypted under a customer key.",
            },
            "mitre-atlas": {
                implements: ["AML.M0012"],
                mitigates: ["AML.T0055"],
                why: "Credentials stored as cluster secrets stay unreadable in etcd without use of the customer key.",
            },
            "iso-27001": {
                implements: ["A.8.24"],
                why: "Use of cryptography: cluster secrets are encrypted with a customer managed key.",
            },
        }),
        peers: [
            { tool: "checkov", id: "CKV_AWS_58" },
            { tool: "prowler", id: "eks_cluster_kms_cmk_encryption_in_secrets_enabled" },
        ],
        remediation: [
            'Set encryptionConfig to { provider: { keyArn: key.arn }, resources: ["secrets"] } with a customer managed aws.kms.Key.',
        ],
        notes: [
            "Judged only on clusters of the AI system: a cluster an accelerated node group joins (nodeGroup.clusterName), or tagged as AI.",
            "Without encryptionConfig, EKS encrypts with a key AWS owns; the customer cannot audit or revoke its use, so a missing setting fails. The key ARN is usually unknown during preview; the check tests presence.",
        ],
        settings: [
            {
                path: "encryptionConfig.provider.keyArn",
                expect: { kind: "present" },
                missing: { verdict: "violation", providerDefault: "a key AWS owns" },
                examples: {
                    violating: "",
                    compliant: "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
                },
            },
        ],
        compliantExample: {
            roleArn: "arn:aws:iam::123456789012:role/eks-cluster",
            tags: { "aiguard:system": "ai" },
            vpcConfig: { subnetIds: ["subnet-0123456789abcdef0"], endpointPublicAccess: false },
            encryptionConfig: {
                provider: { keyArn: "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab" },
                resources: ["secrets"],
            },
        },
    }),
);
