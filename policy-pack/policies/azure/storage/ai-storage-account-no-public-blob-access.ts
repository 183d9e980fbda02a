import { onAiResources } from "../../../core/ai-scope";
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
        controls: [
            { framework: "nist-800-53", id: "AC-3" },
            { framework: "nist-800-53", id: "AC-6" },
            { framework: "nist-800-53", id: "SC-7" },
            { framework: "mitre-atlas", id: "AML.M0005" },
            { framework: "mitre-atlas", id: "AML.T0035" },
            { framework: "mitre-atlas", id: "AML.T0036" },
            { framework: "nist-ai-rmf", id: "MEASURE 2.7" },
            { framework: "iso-27001", id: "A.8.3" },
            { framework: "iso-27001", id: "A.5.15" },
            { framework: "iso-42001", id: "A.4.3" },
            { framework: "owasp-llm", id: "LLM02" },
        ],
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
