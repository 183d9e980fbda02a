import { onAiResources } from "../../../core/ai-scope";
import { defineSettingsPolicy } from "../../../core/settings";
import { exampleKeyArn, volumeKeyControls, volumeKeySettings } from "../../../shared/model-host-controls";

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
        controls: volumeKeyControls,
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
            ...volumeKeySettings(
                "rootBlockDevice.",
                { values: [true], violating: false },
                "false unless the AMI or account encrypts",
            ),
            ...volumeKeySettings(
                "ebsBlockDevices[].",
                { values: [true], violating: false },
                "false unless the snapshot or account encrypts",
            ),
        ],
        compliantExample: {
            instanceType: "m5.xlarge",
            tags: { "aiguard:system": "ai" },
            rootBlockDevice: { encrypted: true, kmsKeyId: exampleKeyArn, volumeSize: 200 },
            ebsBlockDevices: [{ deviceName: "/dev/sdf", encrypted: true, kmsKeyId: exampleKeyArn, volumeSize: 500 }],
        },
    }),
);
