import { onAiResources } from "../../../core/ai-scope";
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
        controls: [
            { framework: "nist-800-53", id: "SC-8" },
            { framework: "nist-800-53", id: "SC-8(1)" },
            { framework: "nist-800-53", id: "SC-13" },
            { framework: "mitre-atlas", id: "AML.T0025" },
            { framework: "mitre-atlas", id: "AML.T0035" },
            { framework: "nist-ai-rmf", id: "MEASURE 2.7" },
            { framework: "iso-27001", id: "A.8.24" },
            { framework: "iso-42001", id: "A.4.3" },
            { framework: "owasp-llm", id: "LLM02" },
        ],
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
