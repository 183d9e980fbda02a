import { onAiResources } from "../../../core/ai-scope";
import { cite } from "../../../core/citations";
import { defineSettingsPolicy } from "../../../core/settings";

export default onAiResources(
    defineSettingsPolicy({
        id: "ai-key-vault-purge-protection",
        cloud: "azure",
        resourceTypes: ["azure-native:keyvault:Vault"],
        area: "model-storage",
        layer: "data-plane",
        severity: "medium",
        enforcementLevel: "mandatory",
        description:
            "Key vaults of the AI system keep soft delete on and have purge protection enabled, so keys that encrypt AI data cannot be destroyed irrecoverably.",
        controls: cite({
            "nist-800-53": {
                supports: ["SC-12", "CP-9"],
                why: "Soft delete and purge protection keep keys that encrypt AI data recoverable.",
            },
            "mitre-atlas": {
                mitigates: ["AML.T0029"],
                why: "Destroying the key that encrypts AI data would make it unusable; purge protection prevents that.",
            },
            "iso-27001": {
                supports: ["A.8.24"],
                why: "Use of cryptography: key management protects keys against destruction.",
            },
        }),
        peers: [
            { tool: "checkov", id: "CKV_AZURE_110" },
            { tool: "checkov", id: "CKV_AZURE_42" },
            { tool: "trivy", id: "AZU-0016" },
            { tool: "azure-policy", id: "0b60c0b2-2dc2-4e1c-b5c9-abbed971de53" },
            { tool: "azure-policy", id: "1e66c121-a66a-4b1f-9b83-0fd99bf0fc2d" },
        ],
        remediation: [
            "Set properties.enablePurgeProtection to true on the vault (it cannot be turned off again).",
            "Leave properties.enableSoftDelete unset or true.",
        ],
        notes: [
            "A vault counts as AI when the classification says so: tagged as part of the AI system, or referenced by an AI resource (an Azure ML workspace's keyVault, or an AI account whose customer-managed key names the vault). Other vaults are not checked.",
            "A missing enablePurgeProtection means purge protection is off, which fails. A missing enableSoftDelete means soft delete on (the provider default for new vaults), which passes.",
            "Values unknown during preview are left to pulumi up.",
        ],
        settings: [
            {
                path: "properties.enablePurgeProtection",
                expect: { kind: "oneOf", values: [true] },
                missing: { verdict: "violation", providerDefault: "purge protection off" },
                examples: { violating: false, compliant: true },
            },
            {
                path: "properties.enableSoftDelete",
                expect: { kind: "oneOf", values: [true] },
                missing: { verdict: "compliant" },
                examples: { violating: false, compliant: true },
            },
        ],
        compliantExample: {
            resourceGroupName: "rg",
            tags: { "aiguard:system": "ai" },
            properties: {
                tenantId: "00000000-0000-0000-0000-000000000000",
                sku: { family: "A", name: "standard" },
                enablePurgeProtection: true,
                enableSoftDelete: true,
                softDeleteRetentionInDays: 90,
            },
        },
    }),
);
