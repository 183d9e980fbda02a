import { onAiResources } from "../../../core/ai-scope";
import { cite } from "../../../core/citations";
import { defineSettingsPolicy } from "../../../core/settings";

export default onAiResources(
    defineSettingsPolicy({
        id: "ai-storage-account-min-tls12",
        cloud: "azure",
        resourceTypes: ["azure-native:storage:StorageAccount"],
        area: "model-storage",
        layer: "data-plane",
        severity: "medium",
        enforcementLevel: "mandatory",
        description: "Storage accounts of the AI system accept only requests over TLS 1.2 or later.",
        controls: cite({
            "nist-800-53": {
                implements: ["SC-8(1)"],
                supports: ["SC-13"],
                why: "The storage account accepts only TLS 1.2 or later.",
            },
            "mitre-atlas": {
                supports: ["AML.M0012"],
                why: "Model and data transfers use current transport encryption.",
            },
            "iso-27001": {
                supports: ["A.8.24"],
                why: "Use of cryptography: weak TLS versions are refused.",
            },
        }),
        peers: [
            { tool: "checkov", id: "CKV_AZURE_44" },
            { tool: "trivy", id: "AZU-0011" },
        ],
        remediation: ['Set minimumTlsVersion to "TLS1_2" on the storage account.'],
        notes: [
            "Only storage accounts in the AI system are checked (tagged, or referenced by an AI resource such as an Azure ML workspace).",
            "The provider documents a missing minimumTlsVersion as TLS 1.0, so a missing value fails, as it does in Checkov CKV_AZURE_44 and Trivy AZU-0011.",
            "A value unknown during preview is left to pulumi up, unless the program never set it (then the provider default applies).",
        ],
        settings: [
            {
                path: "minimumTlsVersion",
                expect: { kind: "oneOf", values: ["TLS1_2", "TLS1_3"] },
                missing: { verdict: "violation", providerDefault: '"TLS1_0"' },
                examples: { violating: "TLS1_0", compliant: "TLS1_2" },
            },
        ],
        compliantExample: {
            resourceGroupName: "rg",
            kind: "StorageV2",
            sku: { name: "Standard_ZRS" },
            tags: { "aiguard:system": "ai" },
            minimumTlsVersion: "TLS1_2",
        },
    }),
);
