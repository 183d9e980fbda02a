import { defineSettingsPolicy } from "../../../core/settings";

export default defineSettingsPolicy({
    id: "ai-account-managed-identity",
    cloud: "azure",
    resourceTypes: ["azure-native:cognitiveservices:Account"],
    area: "identity",
    layer: "fm-api",
    severity: "medium",
    enforcementLevel: "advisory",
    description:
        "Azure AI Services, Azure OpenAI and other Cognitive Services accounts have a system- or user-assigned managed identity.",
    controls: [
        { framework: "nist-800-53", id: "IA-2" },
        { framework: "nist-800-53", id: "IA-5" },
        { framework: "nist-800-53", id: "IA-9" },
        { framework: "nist-800-53", id: "AC-6" },
        { framework: "mitre-atlas", id: "AML.M0005" },
        { framework: "mitre-atlas", id: "AML.T0055" },
        { framework: "nist-ai-rmf", id: "MEASURE 2.7" },
        { framework: "iso-27001", id: "A.8.5" },
        { framework: "iso-27001", id: "A.5.17" },
    ],
    peers: [
        { tool: "checkov", id: "CKV_AZURE_238" },
        { tool: "azure-policy", id: "fe3fd216-4f83-4fc1-8984-2bbec80a3418" },
    ],
    remediation: [
        'Set identity.type to "SystemAssigned" or "UserAssigned" (with identity.userAssignedIdentities).',
        "Grant that identity the roles it needs on Key Vault, storage and search instead of using keys or connection strings.",
    ],
    notes: [
        'An account without identity has none (provider default "None") and fails.',
        'Advisory: the identity is what lets the account reach customer-managed keys, user-owned storage and "on your data" sources without secrets; an account that reaches nothing works without one.',
    ],
    settings: [
        {
            path: "identity.type",
            expect: {
                kind: "oneOf",
                values: [
                    "SystemAssigned",
                    "UserAssigned",
                    "SystemAssigned, UserAssigned",
                    "SystemAssigned,UserAssigned",
                ],
            },
            missing: { verdict: "violation", providerDefault: '"None"' },
            examples: { violating: "None", compliant: "SystemAssigned" },
        },
    ],
    compliantExample: {
        resourceGroupName: "rg",
        kind: "OpenAI",
        sku: { name: "S0" },
        identity: { type: "SystemAssigned" },
        properties: { publicNetworkAccess: "Disabled" },
    },
});
