import { defineSettingsPolicy } from "../../../core/settings";

export default defineSettingsPolicy({
    id: "search-replicas-sla",
    cloud: "azure",
    resourceTypes: ["azure-native:search:Service"],
    area: "model-storage",
    layer: "data-plane",
    severity: "low",
    enforcementLevel: "advisory",
    description:
        "Azure AI Search services run enough replicas for the query availability SLA (2 by default, configurable).",
    controls: [
        { framework: "nist-800-53", id: "CP-10" },
        { framework: "nist-800-53", id: "SC-5" },
        { framework: "mitre-atlas", id: "AML.M0019" },
        { framework: "mitre-atlas", id: "AML.T0029" },
        { framework: "iso-27001", id: "A.8.14" },
        { framework: "owasp-llm", id: "LLM10" },
    ],
    peers: [
        { tool: "checkov", id: "CKV_AZURE_208" },
        { tool: "checkov", id: "CKV_AZURE_209" },
    ],
    remediation: ["Set replicaCount to at least 2 (read SLA) or 3 (read-write SLA)."],
    notes: [
        "The provider default is 1 replica, which has no SLA; a service that leaves replicaCount unset fails.",
        "Set the policy config property minReplicas to 3 to require the index-update SLA (Checkov CKV_AZURE_209).",
        "Availability hygiene, advisory; placed under model storage as the service holds the retrieval index.",
    ],
    configSchema: {
        properties: {
            minReplicas: {
                type: "integer",
                minimum: 1,
                maximum: 12,
                default: 2,
                description: "Smallest replicaCount that passes.",
            },
        },
    },
    settings: [
        {
            path: "replicaCount",
            expect: { kind: "atLeast", min: 2, configKey: "minReplicas" },
            missing: { verdict: "violation", providerDefault: "1" },
            examples: { violating: 1, compliant: 3 },
        },
    ],
    compliantExample: {
        resourceGroupName: "rg",
        searchServiceName: "srch-rag",
        sku: { name: "standard" },
        replicaCount: 3,
    },
});
