import { cite } from "../../../core/citations";
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
    controls: cite({
        "nist-800-53": {
            implements: ["SC-7"],
            supports: ["SC-7(3)"],
            why: "The AI Search service cannot be reached from the public internet, only through private network paths.",
        },
        "mitre-atlas": {
            implements: ["AML.M0019"],
            mitigates: ["AML.T0085.000"],
            why: "Closing the public network path restricts who can reach the AI Search service in production (AML.M0019).",
        },
        "iso-27001": {
            implements: ["A.8.20"],
            why: "Network security: the service admits no traffic from public networks.",
        },
        "owasp-llm": {
            mitigates: ["LLM08"],
            why: "The vector store cannot be queried or altered from public networks.",
        },
    }),
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
