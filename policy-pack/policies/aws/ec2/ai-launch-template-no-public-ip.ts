import { onAiResources } from "../../../core/ai-scope";
import { defineSettingsPolicy } from "../../../core/settings";
import { noPublicAddressControls } from "../../../shared/model-host-controls";

export default onAiResources(
    defineSettingsPolicy({
        id: "ai-launch-template-no-public-ip",
        cloud: "aws",
        resourceTypes: ["aws:ec2/launchTemplate:LaunchTemplate"],
        area: "network-isolation",
        layer: "iaas",
        severity: "high",
        enforcementLevel: "mandatory",
        description: "Launch templates of model hosts give no network interface a public IPv4 address.",
        controls: noPublicAddressControls,
        peers: [{ tool: "checkov", id: "CKV_AWS_88" }],
        remediation: [
            'Set networkInterfaces[].associatePublicIpAddress to "false" (or leave it unset in a private subnet) on the launch template.',
        ],
        notes: [
            "Judged only on launch templates of the AI system: an accelerated instanceType, used by an accelerated EKS node group, or tagged as AI.",
            'The provider takes the value as a string ("true" or "false"). An unset value leaves the decision to the subnet, which ai-subnet-private judges.',
        ],
        settings: [
            {
                path: "networkInterfaces[].associatePublicIpAddress",
                expect: { kind: "noneOf", values: ["true", true] },
                missing: { verdict: "compliant" },
                examples: { violating: "true", compliant: "false" },
            },
        ],
        compliantExample: {
            instanceType: "m5.xlarge",
            tags: { "aiguard:system": "ai" },
            networkInterfaces: [{ associatePublicIpAddress: "false", subnetId: "subnet-0123456789abcdef0" }],
        },
    }),
);
