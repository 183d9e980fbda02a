import { onAiResources } from "../../../core/ai-scope";
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
        controls: [
            { framework: "nist-800-53", id: "SC-7" },
            { framework: "nist-800-53", id: "AC-3" },
            { framework: "nist-800-53", id: "AC-4" },
            { framework: "mitre-atlas", id: "AML.M0005" },
            { framework: "mitre-atlas", id: "AML.M0019" },
            { framework: "mitre-atlas", id: "AML.T0035" },
            { framework: "mitre-atlas", id: "AML.T0036" },
            { framework: "nist-ai-rmf", id: "MEASURE 2.7" },
            { framework: "iso-27001", id: "A.8.20" },
            { framework: "iso-27001", id: "A.8.3" },
            { framework: "iso-42001", id: "A.4.3" },
            { framework: "owasp-llm", id: "LLM02" },
        ],
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
                shown: ["Enabled", "Disabled", "SecuredByPerimeter"],
                publicDefault: '"Enabled"',
                defaultAction: "networkRuleSet.defaultAction",
            });
        },
    }),
);
