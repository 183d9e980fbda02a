import { cite } from "../../../core/citations";
import { defineSettingsPolicy } from "../../../core/settings";
import { freeTierNote, isFreeTierAccount } from "../../../shared/azure-ai-accounts";

export default defineSettingsPolicy({
    id: "ai-account-cmk",
    cloud: "azure",
    resourceTypes: ["azure-native:cognitiveservices:Account"],
    area: "model-storage",
    layer: "fm-api",
    severity: "high",
    enforcementLevel: "mandatory",
    description:
        "Azure AI Services, Azure OpenAI and other Cognitive Services accounts encrypt their data with a customer-managed key from Key Vault.",
    controls: cite({
        "nist-800-53": {
            implements: ["SC-28(1)"],
            supports: ["SC-12"],
            why: "Encrypted at rest under a customer managed key, whose use the customer controls and can revoke: AI Services account data.",
        },
        "mitre-atlas": {
            implements: ["AML.M0012"],
            mitigates: ["AML.T0036"],
            why: "Encryption under a customer key (AML.M0012) leaves a stolen copy of AI Services account data unreadable without use of the key.",
        },
        "nist-ai-600-1": {
            mitigates: ["information-security"],
            why: "Data stored by the AI service (fine-tuning files, batch data) is encrypted under a customer key.",
        },
        "iso-27001": {
            implements: ["A.8.24"],
            why: "Use of cryptography: the check requires encryption at rest with a customer managed key.",
        },
    }),
    peers: [
        { tool: "checkov", id: "CKV2_AZURE_22" },
        { tool: "azure-policy", id: "67121cc7-ff39-4ab8-b7e3-95b84dab487d" },
    ],
    remediation: [
        'Set properties.encryption.keySource to "Microsoft.KeyVault" and properties.encryption.keyVaultProperties to the vault URI (keyVaultUri) and key name (keyName) of a customer-managed key.',
        "Give the account a managed identity (identity.type) and grant it get, wrapKey and unwrapKey on the key; for a user-assigned identity also set keyVaultProperties.identityClientId.",
    ],
    notes: [
        freeTierNote,
        'The provider default is Microsoft-managed keys (keySource "Microsoft.CognitiveServices"), so an account without properties.encryption fails.',
        'keySource is compared case-insensitively ("Microsoft.KeyVault" here, "Microsoft.Keyvault" on storage accounts).',
        "keyVaultUri and keyName usually come from Key Vault resources of the same stack and are unknown during preview: an unknown value counts as set, so the check still decides during preview. Their values are never printed.",
        "The check applies to every kind; Azure Policy 67121cc7 lets users exclude kinds that do not support customer-managed keys. To exempt such accounts, disable the policy in the policy config of their stack.",
        "azure-native applies defaults to the properties bag through apply, so the whole bag is unknown during preview when any value inside it is (for example a key URI created in the same program); the check then decides at pulumi up.",
    ],
    skip: isFreeTierAccount,
    settings: [
        {
            path: "properties.encryption.keySource",
            expect: { kind: "oneOf", values: ["Microsoft.KeyVault"] },
            missing: { verdict: "violation", providerDefault: '"Microsoft.CognitiveServices"' },
            examples: { violating: "Microsoft.CognitiveServices", compliant: "Microsoft.KeyVault" },
        },
        {
            path: "properties.encryption.keyVaultProperties.keyVaultUri",
            expect: { kind: "present" },
            missing: { verdict: "violation", providerDefault: "Microsoft-managed keys" },
            examples: { violating: "", compliant: "https://kv-ai.vault.azure.net/" },
        },
        {
            path: "properties.encryption.keyVaultProperties.keyName",
            expect: { kind: "present" },
            missing: { verdict: "violation", providerDefault: "Microsoft-managed keys" },
            examples: { violating: "", compliant: "ai-cmk" },
        },
    ],
    compliantExample: {
        resourceGroupName: "rg",
        kind: "OpenAI",
        sku: { name: "S0" },
        identity: { type: "SystemAssigned" },
        properties: {
            encryption: {
                keySource: "Microsoft.KeyVault",
                keyVaultProperties: { keyVaultUri: "https://kv-ai.vault.azure.net/", keyName: "ai-cmk" },
            },
        },
    },
});
