import { onAiResources } from "../../../core/ai-scope";
import { cite } from "../../../core/citations";
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
        controls: cite({
            "nist-800-53": {
                implements: ["IA-2"],
                supports: ["IA-5"],
                why: "The account rejects Shared Key and account SAS, so every request carries an Entra ID identity.",
            },
            "mitre-atlas": {
                implements: ["AML.M0005"],
                mitigates: ["AML.T0055"],
                why: "A leaked account key or SAS cannot be used to read or overwrite AI data.",
            },
            "iso-27001": {
                implements: ["A.8.5"],
                why: "Secure authentication: data access requires Entra ID.",
            },
        }),
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
