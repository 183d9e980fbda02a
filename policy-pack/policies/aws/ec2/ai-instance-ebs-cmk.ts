import { onAiResources } from "../../../core/ai-scope";
import { cite } from "../../../core/citations";
import { defineSettingsPolicy } from "../../../core/settings";

const keyArn = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";

export default onAiResources(
    defineSettingsPolicy({
        id: "ai-instance-ebs-cmk",
        cloud: "aws",
        resourceTypes: ["aws:ec2/instance:Instance"],
        area: "model-storage",
        layer: "iaas",
        severity: "medium",
        enforcementLevel: "mandatory",
        description:
            "The root and attached EBS volumes of EC2 instances that host a model are encrypted under a customer managed KMS key.",
        controls: cite({
            "nist-800-53": {
                implements: ["SC-28(1)"],
                supports: ["SC-12"],
                why: "Encrypted at rest under a customer managed key: the volumes that hold model weights and inference data.",
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
            "Set rootBlockDevice.encrypted to true and rootBlockDevice.kmsKeyId to the ARN of a customer managed aws.kms.Key.",
            "Set encrypted and kmsKeyId the same way on every entry of ebsBlockDevices.",
        ],
        notes: [
            "Judged only on instances of the AI system: accelerated instance types or instances tagged as AI.",
            "Without rootBlockDevice the root volume follows the AMI's snapshot and the account's EBS encryption-by-default setting, neither of which the program shows, so it fails; set the block explicitly.",
            "kmsKeyId is usually key.arn of a key in the same stack, unknown during preview; the check tests presence, so it decides during preview. A missing key means the AWS managed key aws/ebs.",
        ],
        settings: [
            {
                path: "rootBlockDevice.encrypted",
                expect: { kind: "oneOf", values: [true] },
                missing: { verdict: "violation", providerDefault: "false unless the AMI or account encrypts" },
                examples: { violating: false, compliant: true },
            },
            {
                path: "rootBlockDevice.kmsKeyId",
                expect: { kind: "present" },
                missing: { verdict: "violation", providerDefault: "the AWS managed key aws/ebs" },
                examples: { violating: "", compliant: keyArn },
            },
            {
                path: "ebsBlockDevices[].encrypted",
                expect: { kind: "oneOf", values: [true] },
                missing: { verdict: "violation", providerDefault: "false unless the snapshot or account encrypts" },
                examples: { violating: false, compliant: true },
            },
            {
                path: "ebsBlockDevices[].kmsKeyId",
                expect: { kind: "present" },
                missing: { verdict: "violation", providerDefault: "the AWS managed key aws/ebs" },
                examples: { violating: "", compliant: keyArn },
            },
        ],
        compliantExample: {
            instanceType: "m5.xlarge",
            tags: { "aiguard:system": "ai" },
            rootBlockDevice: { encrypted: true, kmsKeyId: keyArn, volumeSize: 200 },
            ebsBlockDevices: [{ deviceName: "/dev/sdf", encrypted: true, kmsKeyId: keyArn, volumeSize: 500 }],
        },
    }),
);
