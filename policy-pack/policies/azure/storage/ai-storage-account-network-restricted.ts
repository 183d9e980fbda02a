import { onAiResources } from "../../../core/ai-scope";
import { cite } from "../../../core/citations";
import { defineResourcePolicy } from "../../../core/definition";
import { judgePrivateOrDeny } from "../../../shared/azure-network";

export default onAiResources(
    defineResourcePolicy({
        id: "ai-storage-account-network-restricted",
        cloud: "azure",
        resourceTypes: ["azure-native:storage:StorageAccount"],
        area: "model-storage",
        layer: "data-plane",
        severity: "high",
        enforcementLevel: "mandatory",
        description:
            "Storage accounts of the AI system either disable public network access or deny network access by default, admitting only listed networks and private endpoints.",
        controls: cite({
            "nist-800-53": {
                implements: ["SC-7(5)"],
                supports: ["SC-7"],
                why: "The storage account disables public access or denies by default, admitting only listed networks and private endpoints.",
            },
            "mitre-atlas": {
                implements: ["AML.M0005"],
                mitigates: ["AML.T0036"],
                why: "AI data in the account is reachable only from listed networks.",
            },
            "iso-27001": {
                implements: ["A.8.20"],
                why: "Network security: the storage firewall denies by default.",
            },
        }),
        peers: [
            { tool: "checkov", id: "CKV_AZURE_59" },
            { tool: "checkov", id: "CKV_AZURE_35" },
            { tool: "trivy", id: "AZU-0012" },
        ],
        remediation: [
            'Set publicNetworkAccess to "Disabled" and reach the account through private endpoints (groupIds "blob", "file", "dfs").',
            'Or, where selected networks must reach it, set networkRuleSet.defaultAction to "Deny" and list the allowed virtualNetworkRules and ipRules.',
        ],
        notes: [
            "Only storage accounts in the AI system are checked (tagged, or referenced by an AI resource such as an Azure ML workspace or an AI Services account's userOwnedStorage).",
            'Either setting passes: publicNetworkAccess "Disabled" (or "SecuredByPerimeter") or networkRuleSet.defaultAction "Deny". Missing values are the provider defaults "Enabled" and "Allow", which fail. Checkov checks the two settings separately (CKV_AZURE_59, CKV_AZURE_35).',
            "If neither setting passes and one of them is unknown during preview, the check decides at pulumi up; a computed value the program never set is the provider default.",
        ],
        validate(subject, check) {
            judgePrivateOrDeny(subject, check, {
                publicAccess: "publicNetworkAccess",
                closed: ["Disabled", "SecuredByPerimeter"],
                publicDefault: '"Enabled"',
                defaultAction: "networkRuleSet.defaultAction",
            });
        },
    }),
);
