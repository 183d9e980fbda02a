import { defineSettingsPolicy } from "../../../core/settings";

export default defineSettingsPolicy({
    id: "search-public-network-disabled",
    cloud: "azure",
    resourceTypes: ["azure-native:search:Service"],
    area: "network-isolation",
    layer: "data-plane",
    severity: "high",
    enforcementLevel: "mandatory",
    description: "Azure AI Search services have public network access disabled.",
    controls: [
        { framework: "nist-800-53", id: "SC-7" },
        { framework: "nist-800-53", id: "SC-7(3)" },
        { framework: "nist-800-53", id: "AC-4" },
        { framework: "mitre-atlas", id: "AML.M0019" },
        { framework: "mitre-atlas", id: "AML.T0040" },
        { framework: "mitre-atlas", id: "AML.T0049" },
        { framework: "nist-ai-rmf", id: "MEASURE 2.7" },
        { framework: "iso-27001", id: "A.8.20" },
        { framework: "iso-27001", id: "A.8.22" },
        { framework: "iso-42001", id: "A.4.5" },
        { framework: "owasp-llm", id: "LLM02" },
        { framework: "mitre-atlas", id: "AML.T0035" },
    ],
    peers: [
        { tool: "checkov", id: "CKV_AZURE_124" },
        { tool: "kics", id: "4a9e0f00-0765-4f72-a0d4-d31110b78279" },
        { tool: "prowler", id: "aisearch_service_not_publicly_accessible" },
        { tool: "azure-policy", id: "ee980b6d-0eca-4501-8d54-f6290fd512c3" },
        { tool: "azure-policy", id: "9cee519f-d9c1-4fd9-9f79-24ec3449ed30" },
    ],
    remediation: [
        'Set publicNetworkAccess to "Disabled".',
        'Reach the service through a private endpoint (group id "searchService"); indexers reach private data sources through shared private links.',
    ],
    notes: [
        'The provider default is "Enabled", so a service that leaves publicNetworkAccess unset fails. Compared case-insensitively.',
        '"SecuredByPerimeter" (access governed by a network security perimeter) fails here, as with the peers; disable the policy for such services if the perimeter is the chosen control.',
    ],
    settings: [
        {
            path: "publicNetworkAccess",
            expect: { kind: "oneOf", values: ["Disabled"] },
            missing: { verdict: "violation", providerDefault: '"Enabled"' },
            examples: { violating: "Enabled", compliant: "Disabled" },
        },
    ],
    compliantExample: {
        resourceGroupName: "rg",
        searchServiceName: "srch-rag",
        sku: { name: "standard" },
        publicNetworkAccess: "Disabled",
    },
});
