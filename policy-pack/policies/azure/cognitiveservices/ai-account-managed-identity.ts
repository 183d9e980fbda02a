import { cite } from "../../../core/citations";
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
    controls: cite({
        "nist-800-53": {
            supports: ["IA-9", "IA-5(7)"],
            why: "The AI Services account authenticates to other services with a managed identity instead of stored secrets.",
        },
        "mitre-atlas": {
            mitigates: ["AML.T0055"],
            why: "No credential for the service's own outbound calls is stored where it could be found and reused.",
        },
        "iso-27001": {
            supports: ["A.5.17"],
            why: "Authentication information: the platform issues and rotates the service's credentials.",
        },
    }),
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
