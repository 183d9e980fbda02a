import { cite } from "../../../core/citations";
import { defineSettingsPolicy } from "../../../core/settings";

export default defineSettingsPolicy({
    id: "search-local-auth-disabled",
    cloud: "azure",
    resourceTypes: ["azure-native:search:Service"],
    area: "identity",
    layer: "data-plane",
    severity: "high",
    enforcementLevel: "mandatory",
    description:
        "Azure AI Search services have API key authentication disabled, so callers authenticate with Microsoft Entra ID.",
    controls: cite({
        "nist-800-53": {
            implements: ["IA-2"],
            supports: ["IA-5"],
            why: "With keys disabled, every caller of AI Search services authenticates as an Entra ID identity.",
        },
        "mitre-atlas": {
            supports: ["AML.M0019"],
            mitigates: ["AML.T0055"],
            why: "No long-lived shared key exists that could leak from code or configuration and be replayed (AML.T0055).",
        },
        "iso-27001": {
            implements: ["A.8.5"],
            why: "Secure authentication: access requires an Entra ID token instead of a shared key.",
        },
        "owasp-llm": {
            mitigates: ["LLM08"],
            why: "Without API keys, access to the vector store follows per-identity RBAC.",
        },
    }),
    peers: [
        { tool: "azure-policy", id: "6300012e-e9a4-4649-b41f-a85f5c43be91" },
        { tool: "azure-policy", id: "4eb216f2-9dba-4979-86e6-5d7e63ce3b75" },
    ],
    remediation: [
        "Set disableLocalAuth to true and remove authOptions (the two cannot be combined).",
        "Give applications the Search Index Data Reader or Contributor role and call the service with Microsoft Entra ID tokens.",
    ],
    notes: [
        "The provider default is false (API keys accepted), so a service that leaves disableLocalAuth unset fails, including one that sets authOptions.aadOrApiKey (keys still work).",
    ],
    settings: [
        {
            path: "disableLocalAuth",
            expect: { kind: "oneOf", values: [true] },
            missing: { verdict: "violation", providerDefault: "false" },
            examples: { violating: false, compliant: true },
        },
    ],
    compliantExample: {
        resourceGroupName: "rg",
        searchServiceName: "srch-rag",
        sku: { name: "standard" },
        disableLocalAuth: true,
    },
});
