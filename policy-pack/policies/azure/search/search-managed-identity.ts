import { cite } from "../../../core/citations";
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
    controls: cite({
        "nist-800-53": {
            supports: ["IA-9", "IA-5(7)"],
            why: "The search service authenticates to other services with a managed identity instead of stored secrets.",
        },
        "mitre-atlas": {
            mitigates: ["AML.T0055"],
            why: "No credential for the service's own outbound calls is stored where it could be found and reused.",
        },
        "iso-27001": {
            supports: ["A.5.17"],
            why: "Authentication information: the platform issues and rotates the service's credentials.",
        },
    }),
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
