import { onAiResources } from "../../../core/ai-scope";
import { cite } from "../../../core/citations";
import { defineSettingsPolicy } from "../../../core/settings";

export default onAiResources(
    defineSettingsPolicy({
        id: "ai-storage-account-cmk",
        cloud: "azure",
        resourceTypes: ["azure-native:storage:StorageAccount"],
        area: "model-storage",
        layer: "data-plane",
        severity: "high",
        enforcementLevel: "mandatory",
        description:
            "Storage accounts of the AI system encrypt data at rest with a customer-managed key from Azure Key Vault.",
        controls: cite({
            "nist-800-53": {
                implements: ["SC-28(1)"],
                supports: ["SC-12"],
                why: "Encrypted at rest under a customer managed key, whose use the customer controls and can revoke: data in AI storage accounts.",
            },
            "mitre-atlas": {
                implements: ["AML.M0012"],
                mitigates: ["AML.T0035"],
                why: "Encryption under a customer key (AML.M0012) leaves a stolen copy of data in AI storage accounts unreadable without use of the key.",
            },
            "iso-27001": {
                implements: ["A.8.24"],
                why: "Use of cryptography: the check requires encryption at rest with a customer managed key.",
            },
        }),
        peers: [
            { tool: "checkov", id: "CKV2_AZURE_1" },
            { tool: "trivy", id: "AZU-0060" },
        ],
        remediation: [
            "Give the storage account a managed identity with get, wrapKey and unwrapKey rights on a Key Vault key.",
            'Set encryption.keySource to "Microsoft.Keyvault" and encryption.keyVaultProperties (keyVaultUri, keyName) to that key.',
        ],
        notes: [
            "Only storage accounts in the AI system are checked (tagged, or referenced by an AI resource such as an Azure ML workspace).",
            'A missing encryption.keySource means Microsoft-managed keys ("Microsoft.Storage"), which this check fails. The value is compared case-insensitively ("Microsoft.Keyvault" in storage, "Microsoft.KeyVault" elsewhere).',
            "A separate storage.EncryptionScope with a Key Vault key is not taken into account; the account default is what this check reads.",
            "A value unknown during preview is left to pulumi up, unless the program never set it (then the provider default applies).",
        ],
        settings: [
            {
                path: "encryption.keySource",
                expect: { kind: "oneOf", values: ["Microsoft.Keyvault"] },
                missing: { verdict: "violation", providerDefault: '"Microsoft.Storage"' },
                examples: { violating: "Microsoft.Storage", compliant: "Microsoft.Keyvault" },
            },
        ],
        compliantExample: {
            resourceGroupName: "rg",
            kind: "StorageV2",
            sku: { name: "Standard_ZRS" },
            tags: { "aiguard:system": "ai" },
            identity: { type: "SystemAssigned" },
            encryption: {
                keySource: "Microsoft.Keyvault",
                keyVaultProperties: { keyVaultUri: "https://ai-kv.vault.azure.net/", keyName: "storage" },
            },
        },
    }),
);
