import { cite } from "../../../core/citations";
import { defineStackPolicy } from "../../../core/definition";
import { judgeOpenNsgRules, nsgType, ruleType } from "../../../shared/azure-nsg";

export default defineStackPolicy({
    id: "ai-nsg-egress-restricted",
    cloud: "azure",
    resourceTypes: [nsgType, ruleType],
    area: "segmentation",
    layer: "paas",
    severity: "medium",
    enforcementLevel: "advisory",
    description:
        "Network security groups of the AI system have no outbound rule that allows traffic to any internet destination.",
    controls: cite({
        "nist-800-53": {
            implements: ["SC-7(5)"],
            supports: ["AC-4"],
            why: "NSGs of the AI system have no outbound allow rule to any internet destination.",
        },
        "mitre-atlas": {
            mitigates: ["AML.T0025"],
            why: "AI subnets have no free outbound path for exfiltrating weights and data.",
        },
        "iso-27001": {
            implements: ["A.8.22"],
            why: "Segregation of networks: outbound traffic from AI subnets is restricted.",
        },
    }),
    peers: [{ tool: "trivy", id: "AZU-0051" }],
    remediation: [
        'Remove Outbound Allow rules whose destinationAddressPrefix or destinationAddressPrefixes is "*", "Internet", "Any", "0.0.0.0/0" or "::/0" from NSGs of AI subnets.',
        'Allow only service tags (such as "AzureMachineLearning", "Storage.<region>", "AzureActiveDirectory") or private endpoint ranges, and add a low-priority Outbound Deny rule to "Internet" to override the default AllowInternetOutBound rule.',
    ],
    notes: [
        "Its declared layer is paas, the managed ML platform these networks and identities most often serve; each finding takes the layer of the AI workload the resource serves (fm-api for a Bedrock agent's role or an Azure OpenAI account's network), as the classification decides.",
        'An NSG belongs to the AI system when an AI subnet references it (a subnet is AI when a private endpoint to an AI resource, or an AI resource, references it) or when it is tagged aiguard:system "ai". Other NSGs are not evaluated.',
        "Both inline securityRules and separate SecurityRule resources (linked through the property dependency of networkSecurityGroupName) are checked; an inline rule with the name of such a SecurityRule is reported once, on the SecurityRule.",
        "Azure's built-in rule AllowInternetOutBound (priority 65001) allows internet egress when no rule denies it; this check flags only explicit allow rules, not the missing deny. Deny rules of higher priority are not taken into account.",
        "Advisory by default: ML compute without a managed network often needs egress to package and container registries; use service tags or a firewall instead of an open rule. If direction, access or a destination is unknown during preview, the check decides at pulumi up.",
    ],
    validate(check) {
        judgeOpenNsgRules(check, "Outbound", "a specific address range, service tag or private endpoint range");
    },
});
