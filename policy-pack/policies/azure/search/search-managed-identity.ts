import { defineSettingsPolicy } from "../../../core/settings";

export default defineSettingsPolicy({
    id: "search-managed-identity",
    cloud: "azure",
    resourceTypes: ["azure-native:search:Service"],
    area: "identity",
    layer: "data-plane",
    severity: "medium",
    enforcementLevel: "advisory",
    description: "Azure AI Search services have a system- or user-assigned managed identity.",
    controls: [
        { framework: "nist-800-53", id: "IA-2" },
        { framework: "nist-800-53", id: "IA-5" },
        { framework: "nist-800-53", id: "IA-9" },
        { framework: "nist-800-53", id: "AC-6" },
        { framework: "mitre-atlas", id: "AML.M0005" },
        { framework: "mitre-atlas", id: "AML.T0055" },
        { framework: "nist-ai-rmf", id: "MEASURE 2.7" },
        { framework: "iso-27001", id: "A.8.5" },
        { framework: "iso-27001", id: "A.5.17" },
    ],
    peers: [{ tool: "checkov", id: "CKV_AZURE_207" }],
    remediation: [
        'Set identity.type to "SystemAssigned" or "UserAssigned" (with identity.userAssignedIdentities).',
        "Let indexers, skillsets and customer-managed keys use that identity instead of connection strings and keys.",
    ],
    notes: [
        'A service without identity has none (provider default "None") and fails. Checkov CKV_AZURE_207 accepts only "SystemAssigned"; this check also accepts user-assigned identities.',
        "Advisory: a service that pulls no data and uses no customer-managed key works without one.",
    ],
    settings: [
        {
            path: "identity.type",
            expect: { kind: "noneOf", values: ["None"] },
            missing: { verdict: "violation", providerDefault: '"None"' },
            examples: { violating: "None", compliant: "SystemAssigned" },
        },
    ],
    compliantExample: {
        resourceGroupName: "rg",
        searchServiceName: "srch-rag",
        sku: { name: "standard" },
        identity: { type: "SystemAssigned" },
    },
});
