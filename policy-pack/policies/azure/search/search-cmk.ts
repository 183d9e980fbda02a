import { cite } from "../../../core/citations";
import { defineSettingsPolicy } from "../../../core/settings";

export default defineSettingsPolicy({
    id: "search-cmk",
    cloud: "azure",
    resourceTypes: ["azure-native:search:Service"],
    area: "model-storage",
    layer: "data-plane",
    severity: "high",
    enforcementLevel: "mandatory",
    description:
        "Azure AI Search services enforce customer-managed key encryption of their indexes, synonym maps, indexers and data sources.",
    controls: cite({
        "nist-800-53": {
            implements: ["SC-28(1)"],
            supports: ["SC-12"],
            why: "Search indexes, synonym maps, indexers and data sources are encrypted under a customer managed key, enforced on the service.",
        },
        "mitre-atlas": {
            implements: ["AML.M0012"],
            mitigates: ["AML.T0085.000"],
            why: "Encryption under a customer key (AML.M0012) leaves a stolen copy of search indexes, synonym maps, indexers and data sources unreadable without use of the key.",
        },
        "iso-27001": {
            implements: ["A.8.24"],
            why: "Use of cryptography: the check requires encryption at rest with a customer managed key.",
        },
    }),
    peers: [
        { tool: "azure-policy", id: "76a56461-9dc0-40f0-82f5-2453283afa2f" },
        { tool: "azure-policy", id: "356da939-f20a-4bb9-86f8-5db445b0e354" },
    ],
    remediation: [
        'Set encryptionWithCmk.enforcement to "Enabled".',
        "Create every index, synonym map, indexer, data source and skillset with an encryptionKey from Key Vault; the service reports objects without one as non-compliant.",
    ],
    notes: [
        'The provider default is "Unspecified", which behaves as "Disabled"; a service without encryptionWithCmk fails. Retrieval-augmented generation indexes hold chunked enterprise data.',
        "The keys themselves are set per object through the data-plane API, which Pulumi does not manage; this check covers the service-level enforcement.",
    ],
    settings: [
        {
            path: "encryptionWithCmk.enforcement",
            expect: { kind: "oneOf", values: ["Enabled"] },
            missing: { verdict: "violation", providerDefault: '"Unspecified"' },
            examples: { violating: "Disabled", compliant: "Enabled" },
        },
    ],
    compliantExample: {
        resourceGroupName: "rg",
        searchServiceName: "srch-rag",
        sku: { name: "standard" },
        encryptionWithCmk: { enforcement: "Enabled" },
    },
});
