import { onAiResources } from "../../../core/ai-scope";
import { cite } from "../../../core/citations";
import { defineResourcePolicy } from "../../../core/definition";
import { judgePrivateOrDeny } from "../../../shared/azure-network";

export default onAiResources(
    defineResourcePolicy({
        id: "ai-key-vault-network-restricted",
        cloud: "azure",
        resourceTypes: ["azure-native:keyvault:Vault"],
        area: "model-storage",
        layer: "data-plane",
        severity: "high",
        enforcementLevel: "mandatory",
        description:
            "Key vaults of the AI system either disable public network access or deny network access by default, admitting only listed networks and private endpoints.",
        controls: cite({
            "nist-800-53": {
                implements: ["SC-7(5)"],
                supports: ["SC-12"],
                why: "The key vault disables public access or denies by default, admitting only listed networks and private endpoints.",
            },
            "mitre-atlas": {
                supports: ["AML.M0012"],
                why: "Keys protecting AI data are reachable only from listed networks.",
            },
            "iso-27001": {
                implements: ["A.8.20"],
                why: "Network security: the key vault firewall denies by default.",
            },
        }),
        peers: [
            { tool: "checkov", id: "CKV_AZURE_189" },
            { tool: "checkov", id: "CKV_AZURE_109" },
            { tool: "trivy", id: "AZU-0013" },
            { tool: "azure-policy", id: "405c5871-3e91-4644-8a63-58e19d68ff5b" },
        ],
        remediation: [
            'Set properties.publicNetworkAccess to "disabled" and reach the vault through a private endpoint (groupIds ["vault"]).',
            'Or set properties.networkAcls.defaultAction to "Deny" with bypass "AzureServices" and list the allowed virtualNetworkRules and ipRules.',
        ],
        notes: [
            "Only vaults in the AI system are checked (tagged, or referenced by an AI resource such as an Azure ML workspace's keyVault or an AI account's customer-managed key).",
            'Either setting passes: properties.publicNetworkAccess "disabled" (compared case-insensitively) or properties.networkAcls.defaultAction "Deny". Missing values are the provider defaults "enabled" and "Allow", which fail. Checkov checks the two settings separately (CKV_AZURE_189, CKV_AZURE_109).',
            "If neither setting passes and one of them is unknown during preview, the check decides at pulumi up.",
        ],
        validate(subject, check) {
            judgePrivateOrDeny(subject, check, {
                publicAccess: "properties.publicNetworkAccess",
                closed: ["disabled"],
                publicDefault: '"enabled"',
                defaultAction: "properties.networkAcls.defaultAction",
            });
        },
    }),
);
