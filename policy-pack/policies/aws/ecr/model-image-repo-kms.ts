import { onAiResources } from "../../../core/ai-scope";
import { cite } from "../../../core/citations";
import { defineSettingsPolicy } from "../../../core/settings";

export default onAiResources(
    defineSettingsPolicy({
        id: "model-image-repo-kms",
        cloud: "aws",
        resourceTypes: ["aws:ecr/repository:Repository"],
        area: "model-storage",
        layer: "data-plane",
        severity: "medium",
        enforcementLevel: "advisory",
        description: "ECR repositories encrypt images with KMS under a customer managed key.",
        controls: cite({
            "nist-800-53": {
                implements: ["SC-28(1)"],
                supports: ["SC-12"],
                why: "Encrypted at rest under a customer managed key, whose use the customer controls and can revoke: images in the repository.",
            },
            "mitre-atlas": {
                implements: ["AML.M0012"],
                mitigates: ["AML.T0035"],
                why: "Encryption under a customer key (AML.M0012) leaves a stolen copy of images in the repository unreadable without use of the key.",
            },
            "iso-27001": {
                implements: ["A.8.24"],
                why: "Use of cryptography: the check requires encryption at rest with a customer managed key.",
            },
        }),
        peers: [
            { tool: "checkov", id: "CKV_AWS_136" },
            { tool: "trivy", id: "AWS-0033" },
        ],
        remediation: [
            'Set encryptionConfigurations to [{ encryptionType: "KMS", kmsKey: key.arn }] with a customer managed aws.kms.Key (the setting forces a new repository).',
        ],
        notes: [
            "Judged only on repositories of the AI system: referenced by an AI resource (a SageMaker model's container image, for example) or tagged as AI. Evaluated on the stack, so at pulumi up a violation is reported after the repository is created.",
            "The key is usually key.arn of a key in the same stack, unknown during preview; the check tests presence, so it decides during preview.",
            "Without encryptionConfigurations, ECR encrypts with AES256 (SSE-S3); KMS without kmsKey uses the AWS managed key aws/ecr. Both fail: no customer key controls access. Checkov CKV_AWS_136 accepts the AWS managed key; Trivy AWS-0033 requires a customer key, as this check does.",
            "ECR accepts one encryption configuration per repository, so the check reads the first.",
            "Applies to every ECR repository of the stack: in an AI stack these hold model-serving, training and agent runtime images. Disable the policy per stack where a repository is out of scope.",
        ],
        settings: [
            {
                path: "encryptionConfigurations.0.encryptionType",
                expect: { kind: "oneOf", values: ["KMS", "KMS_DSSE"] },
                missing: { verdict: "violation", providerDefault: "AES256" },
                examples: { violating: "AES256", compliant: "KMS" },
            },
            {
                path: "encryptionConfigurations.0.kmsKey",
                expect: { kind: "present" },
                missing: { verdict: "violation", providerDefault: "the AWS managed key aws/ecr" },
                examples: {
                    violating: "",
                    compliant: "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
                },
            },
        ],
        compliantExample: {
            name: "model-server",
            tags: { "aiguard:system": "ai" },
            imageTagMutability: "IMMUTABLE",
            imageScanningConfiguration: { scanOnPush: true },
            encryptionConfigurations: [
                {
                    encryptionType: "KMS",
                    kmsKey: "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
                },
            ],
        },
    }),
);
