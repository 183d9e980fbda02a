import { onAiResources } from "../../../core/ai-scope";
import { cite } from "../../../core/citations";
import { defineSettingsPolicy } from "../../../core/settings";

const keyArn = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";

export default onAiResources(
    defineSettingsPolicy({
        id: "ai-launch-template-ebs-cmk",
        cloud: "aws",
        resourceTypes: ["aws:ec2/launchTemplate:LaunchTemplate"],
        area: "model-storage",
        layer: "iaas",
        severity: "medium",
        enforcementLevel: "mandatory",
        description: "EBS volumes in launch templates of model hosts are encrypted under a customer managed KMS key.",
        controls: cite({
            "nist-800-53": {
                implements: ["SC-28(1)"],
                supports: ["SC-12"],
                why: "Encrypted at rest under a customer managed key: volumes of instances launched for the model.",
            },
            "mitre-atlas": {
                implements: ["AML.M0012"],
                mitigates: ["AML.T0035"],
                why: "A snapshot or copy of a model host's volume is unreadable without use of the customer key.",
            },
            "iso-27001": {
                implements: ["A.8.24"],
                why: "Use of cryptography: the check requires encryption at rest with a customer managed key.",
            },
        }),
        peers: [],
        remediation: [
            'Set blockDeviceMappings[].ebs.encrypted to "true" and blockDeviceMappings[].ebs.kmsKeyId to the ARN of a customer managed aws.kms.Key.',
        ],
        notes: [
            "Judged only on launch templates of the AI system: an accelerated instanceType, used by an accelerated EKS node group, or tagged as AI.",
            'The provider takes encrypted as a string ("true" or "false"). A template without blockDeviceMappings keeps the AMI\'s mappings, which the program does not show, and passes.',
            "kmsKeyId is usually key.arn of a key in the same stack, unknown during preview; the check tests presence, so it decides during preview.",
        ],
        settings: [
            {
                path: "blockDeviceMappings[].ebs.encrypted",
                expect: { kind: "oneOf", values: ["true", true] },
                missing: { verdict: "violation", providerDefault: "false unless the snapshot or account encrypts" },
                examples: { violating: "false", compliant: "true" },
            },
            {
                path: "blockDeviceMappings[].ebs.kmsKeyId",
                expect: { kind: "present" },
                missing: { verdict: "violation", providerDefault: "the AWS managed key aws/ebs" },
                examples: { violating: "", compliant: keyArn },
            },
        ],
        compliantExample: {
            instanceType: "m5.xlarge",
            tags: { "aiguard:system": "ai" },
            blockDeviceMappings: [
                { deviceName: "/dev/xvda", ebs: { encrypted: "true", kmsKeyId: keyArn, volumeSize: 200 } },
            ],
        },
    }),
);
