import { onAiResources } from "../../../core/ai-scope";
import { cite } from "../../../core/citations";
import { defineResourcePolicy } from "../../../core/definition";
import { judgePrivateOrDeny } from "../../../shared/azure-network";

export default onAiResources(
    defineResourcePolicy({
        id: "ai-container-registry-network-restricted",
        cloud: "azure",
        resourceTypes: ["azure-native:containerregistry:Registry"],
        area: "model-storage",
        layer: "data-plane",
        severity: "high",
        enforcementLevel: "mandatory",
        description:
            "Container registries of the AI system either disable public network access or deny network access by default, admitting only listed networks and private endpoints.",
        controls: cite({
            "nist-800-53": {
                implements: ["SC-7(5)"],
                supports: ["SC-7"],
                why: "The registry disables public access or denies by default, admitting only listed networks and private endpoints.",
            },
            "mitre-atlas": {
                implements: ["AML.M0005"],
                mitigates: ["AML.T0010.004"],
                why: "Images can be pushed and pulled only from listed networks.",
            },
            "iso-27001": {
                implements: ["A.8.20"],
                why: "Network security: the registry firewall denies by default.",
            },
        }),
        peers: [
            { tool: "checkov", id: "CKV_AZURE_139" },
            { tool: "prowler", id: "containerregistry_not_publicly_accessible" },
            { tool: "azure-policy", id: "0fdf0491-d080-4575-b627-ad0e843cba0f" },
        ],
        remediation: [
            'Set publicNetworkAccess to "Disabled" on the registry (Premium SKU) and pull through a private endpoint (groupIds ["registry"]).',
            'Or set networkRuleSet.defaultAction to "Deny" and list the allowed ipRules.',
        ],
        notes: [
            "Only registries in the AI system are checked (tagged, or referenced by an AI resource such as an Azure ML workspace's containerRegistry).",
            'Either setting passes: publicNetworkAccess "Disabled" or networkRuleSet.defaultAction "Deny". Missing values are the provider defaults "Enabled" and "Allow", which fail. Checkov CKV_AZURE_139 and Azure Policy 0fdf0491 accept only publicNetworkAccess "Disabled".',
            "If neither setting passes and one of them is unknown during preview, the check decides at pulumi up; a computed value the program never set is the provider default.",
        ],
        validate(subject, check) {
            judgePrivateOrDeny(subject, check, {
                publicAccess: "publicNetworkAccess",
                closed: ["Disabled"],
                publicDefault: '"Enabled"',
                defaultAction: "networkRuleSet.defaultAction",
            });
        },
    }),
);
