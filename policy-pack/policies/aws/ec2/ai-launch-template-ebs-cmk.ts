import { onAiResources } from "../../../core/ai-scope";
import { defineSettingsPolicy } from "../../../core/settings";
import { exampleKeyArn, volumeKeyControls, volumeKeySettings } from "../../../shared/model-host-controls";

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
        controls: volumeKeyControls,
        peers: [],
        remediation: [
            'Set blockDeviceMappings[].ebs.encrypted to "true" and blockDeviceMappings[].ebs.kmsKeyId to the ARN of a customer managed aws.kms.Key.',
        ],
        notes: [
            "Judged only on launch templates of the AI system: an accelerated instanceType, used by an accelerated EKS node group, or tagged as AI.",
            'The provider takes encrypted as a string ("true" or "false"). A template without blockDeviceMappings keeps the AMI\'s mappings, which the program does not show, and passes.',
            "kmsKeyId is usually key.arn of a key in the same stack, unknown during preview; the check tests presence, so it decides during preview.",
        ],
        settings: volumeKeySettings(
            "blockDeviceMappings[].ebs.",
            { values: ["true", true], violating: "false" },
            "false unless the snapshot or account encrypts",
        ),
        compliantExample: {
            instanceType: "m5.xlarge",
            tags: { "aiguard:system": "ai" },
            blockDeviceMappings: [
                { deviceName: "/dev/xvda", ebs: { encrypted: "true", kmsKeyId: exampleKeyArn, volumeSize: 200 } },
            ],
        },
    }),
);
