import { onAiResources } from "../../../core/ai-scope";
import { cite } from "../../../core/citations";
import { defineSettingsPolicy } from "../../../core/settings";

export default onAiResources(
    defineSettingsPolicy({
        id: "ai-storage-account-no-public-blob-access",
        cloud: "azure",
        resourceTypes: ["azure-native:storage:StorageAccount"],
        area: "model-storage",
        layer: "data-plane",
        severity: "high",
        enforcementLevel: "mandatory",
        description:
            "Storage accounts of the AI system do not allow anonymous public read access to their blobs and containers.",
        controls: cite({
            "nist-800-53": {
                implements: ["AC-3"],
                supports: ["AC-22"],
                why: "The storage account disallows anonymous public read of blobs and containers.",
            },
            "mitre-atlas": {
                implements: ["AML.M0005"],
                mitigates: ["AML.T0035", "AML.T0036"],
                why: "Weights and datasets cannot be read anonymously.",
            },
            "iso-27001": {
                implements: ["A.8.3"],
                why: "Information access restriction: anonymous access is off for the whole account.",
            },
        }),
        peers: [
            { tool: "checkov", id: "CKV_AZURE_190" },
            { tool: "checkov", id: "CKV2_AZURE_47" },
        ],
        remediation: [
            "Set allowBlobPublicAccess to false on the storage account (or leave it unset on a new account).",
            'Keep publicAccess of its blob containers unset or "None"; grant readers Azure RBAC roles or user-delegation SAS instead.',
        ],
        notes: [
            "A storage account counts as AI when the classification says so: tagged as part of the AI system, or referenced by an AI resource such as an Azure ML workspace (storageAccount) or an AI Services account (userOwnedStorage). Other accounts are not checked, and a business-tagged account never is.",
            "Azure treats a missing allowBlobPublicAccess as false for accounts created with API 2023-01-01 or later, so a missing value passes; an existing older account may still allow it.",
            "A value unknown during preview is left to pulumi up, unless the program never set it (then the provider default applies).",
        ],
        settings: [
            {
                path: "allowBlobPublicAccess",
                expect: { kind: "oneOf", values: [false] },
                missing: { verdict: "compliant" },
                examples: { violating: true, compliant: false },
            },
        ],
        compliantExample: {
            resourceGroupName: "rg",
            kind: "StorageV2",
            sku: { name: "Standard_ZRS" },
            tags: { "aiguard:system": "ai" },
            allowBlobPublicAccess: false,
        },
    }),
);
