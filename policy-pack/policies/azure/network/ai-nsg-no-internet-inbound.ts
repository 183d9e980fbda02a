import { cite } from "../../../core/citations";
import { defineStackPolicy } from "../../../core/definition";
import { judgeOpenNsgRules, nsgType, ruleType } from "../../../shared/azure-nsg";

export default defineStackPolicy({
    id: "ai-nsg-no-internet-inbound",
    cloud: "azure",
    resourceTypes: [nsgType, ruleType],
    area: "segmentation",
    layer: "paas",
    severity: "high",
    enforcementLevel: "mandatory",
    description:
        "Network security groups of the AI system have no inbound rule that allows traffic from any internet source.",
    controls: cite({
        "nist-800-53": {
            implements: ["SC-7"],
            supports: ["AC-4"],
            why: "NSGs of the AI system have no inbound allow rule from any internet source.",
        },
        "mitre-atlas": {
            implements: ["AML.M0019"],
            mitigates: ["AML.T0049"],
            why: "AI subnets are not reachable from the internet.",
        },
        "iso-27001": {
            implements: ["A.8.20"],
            why: "Network security: no inbound internet rule on AI subnets.",
        },
    }),
    peers: [
        { tool: "checkov", id: "CKV_AZURE_9" },
        { tool: "checkov", id: "CKV_AZURE_10" },
        { tool: "checkov", id: "CKV_AZURE_160" },
        { tool: "checkov", id: "CKV_AZURE_77" },
        { tool: "trivy", id: "AZU-0047" },
    ],
    remediation: [
        'Remove Inbound Allow rules whose sourceAddressPrefix or sourceAddressPrefixes is "*", "Internet", "Any", "0.0.0.0/0" or "::/0" from NSGs of AI subnets.',
        "Allow only the address ranges, service tags (such as VirtualNetwork) or application security groups of the callers that need the AI service.",
        "Expose AI services to the internet only through a gateway (Application Gateway with WAF or API Management) in a separate subnet.",
    ],
    notes: [
        "Its declared layer is paas, the managed ML platform these networks and identities most often serve; each finding takes the layer of the AI workload the resource serves (fm-api for a Bedrock agent's role or an Azure OpenAI account's network), as the classification decides.",
        'An NSG belongs to the AI system when an AI subnet references it (a subnet is AI when a private endpoint to an AI resource, or an AI resource, references it) or when it is tagged aiguard:system "ai". NSGs of business or unrelated subnets are not evaluated.',
        "Both inline securityRules of the NSG and separate SecurityRule resources are checked; a SecurityRule belongs to an NSG through the property dependency of networkSecurityGroupName. An inline rule with the name of such a SecurityRule is reported once, on the SecurityRule.",
        "Checkov CKV_AZURE_9/10/160/77 and Trivy AZU-0047 flag internet sources only for particular ports (RDP, SSH, HTTP, UDP) but on every NSG; this check flags any port, only on NSGs of the AI system. Deny rules of higher priority are not taken into account.",
        'Enum values are compared case-insensitively ("inbound", "allow"). If direction, access or a source is unknown during preview, the check decides at pulumi up. NSGs associated through inline subnets of a VirtualNetwork are not traced.',
    ],
    validate(check) {
        judgeOpenNsgRules(check, "Inbound", "a specific address range, service tag or application security group");
    },
});
