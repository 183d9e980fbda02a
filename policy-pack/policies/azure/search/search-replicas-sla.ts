import { cite } from "../../../core/citations";
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
    controls: cite({
        "nist-800-53": {
            supports: ["CP-10"],
            why: "The search service runs the configured minimum number of replicas for query availability.",
        },
        "mitre-atlas": {
            mitigates: ["AML.T0029"],
            why: "Multiple replicas keep retrieval serving when one replica fails or is overloaded.",
        },
        "nist-ai-rmf": {
            supports: ["MANAGE 2.2"],
            why: "Redundant replicas sustain the retrieval the deployed AI system depends on.",
        },
        "iso-27001": {
            implements: ["A.8.14"],
            why: "Redundancy of information processing facilities: the index is served by several replicas.",
        },
    }),
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
