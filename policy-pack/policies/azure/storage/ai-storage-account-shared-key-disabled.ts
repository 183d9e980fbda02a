import { onAiResources } from "../../../core/ai-scope";
import { defineSettingsPolicy } from "../../../core/settings";

export default onAiResources(
    defineSettingsPolicy({
        id: "ai-storage-account-shared-key-disabled",
        cloud: "azure",
        resourceTypes: ["azure-native:storage:StorageAccount"],
        area: "model-storage",
        layer: "data-plane",
        severity: "medium",
        enforcementLevel: "advisory",
        description:
            "Storage accounts of the AI system reject Shared Key (account key and account SAS) authorization, so every request is authorized with Microsoft Entra ID.",
        controls: [
            { framework: "nist-800-53", id: "IA-2" },
            { framework: "nist-800-53", id: "IA-5" },
            { framework: "nist-800-53", id: "AC-3" },
            { framework: "mitre-atlas", id: "AML.M0005" },
            { framework: "mitre-atlas", id: "AML.T0012" },
            { framework: "mitre-atlas", id: "AML.T0035" },
            { framework: "nist-ai-rmf", id: "MEASURE 2.7" },
            { framework: "iso-27001", id: "A.8.5" },
            { framework: "iso-27001", id: "A.5.15" },
            { framework: "iso-42001", id: "A.4.3" },
            { framework: "owasp-llm", id: "LLM02" },
        ],
        peers: [{ tool: "checkov", id: "CKV2_AZURE_40" }],
        remediation: [
            "Set allowSharedKeyAccess to false on the storage account.",
            'Give workloads Azure RBAC data roles (e.g. "Storage Blob Data Reader") on the account; for an Azure ML workspace, set systemDatastoresAuthMode to "Identity" first.',
        ],
        notes: [
            "Only storage accounts in the AI system are checked (tagged, or referenced by an AI resource such as an Azure ML workspace).",
            "The provider documents a missing allowSharedKeyAccess as null, which Azure treats as true, so a missing value fails.",
            "Advisory by default: Azure ML workspaces with credential-based datastores and some tools still need account keys, so turning Shared Key off needs a migration first.",
            "A value unknown during preview is left to pulumi up, unless the program never set it (then the provider default applies).",
        ],
        settings: [
            {
                path: "allowSharedKeyAccess",
                expect: { kind: "oneOf", values: [false] },
                missing: { verdict: "violation", providerDefault: "true" },
                examples: { violating: true, compliant: false },
            },
        ],
        compliantExample: {
            resourceGroupName: "rg",
            kind: "StorageV2",
            sku: { name: "Standard_ZRS" },
            tags: { "aiguard:system": "ai" },
            allowSharedKeyAccess: false,
        },
    }),
);
