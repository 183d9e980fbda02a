import { onAiResources } from "../../../core/ai-scope";
import { defineSettingsPolicy } from "../../../core/settings";
import { noPublicAddressControls } from "../../../shared/model-host-controls";

export default onAiResources(
    defineSettingsPolicy({
        id: "ai-instance-no-public-ip",
        cloud: "aws",
        resourceTypes: ["aws:ec2/instance:Instance"],
        area: "network-isolation",
        layer: "iaas",
        severity: "high",
        enforcementLevel: "mandatory",
        description: "EC2 instances that host a model are launched without a public IPv4 address.",
        controls: noPublicAddressControls,
        peers: [
            { tool: "checkov", id: "CKV_AWS_88" },
            { tool: "prowler", id: "ec2_instance_public_ip" },
        ],
        remediation: [
            "Set associatePublicIpAddress to false and place the instance in a private subnet; expose the model through a private load balancer or an authenticated gateway.",
        ],
        notes: [
            "Judged only on instances of the AI system: accelerated instance types or instances tagged as AI.",
            "When associatePublicIpAddress is unset the subnet decides; ai-subnet-private judges the subnets of AI instances (a subnet an AI instance references is in the AI system), so an unset value passes here and the gap is reported once, on the subnet.",
        ],
        settings: [
            {
                path: "associatePublicIpAddress",
                expect: { kind: "oneOf", values: [false] },
                missing: { verdict: "compliant" },
                examples: { violating: true, compliant: false },
            },
        ],
        compliantExample: {
            instanceType: "m5.xlarge",
            subnetId: "subnet-0123456789abcdef0",
            tags: { "aiguard:system": "ai" },
            associatePublicIpAddress: false,
        },
    }),
);
