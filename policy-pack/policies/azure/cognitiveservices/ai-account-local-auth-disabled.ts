import { cite } from "../../../core/citations";
import { defineSettingsPolicy } from "../../../core/settings";

export default defineSettingsPolicy({
    id: "ai-account-local-auth-disabled",
    cloud: "azure",
    resourceTypes: ["azure-native:cognitiveservices:Account"],
    area: "identity",
    layer: "fm-api",
    severity: "high",
    enforcementLevel: "mandatory",
    description:
        "Azure AI Services, Azure OpenAI and other Cognitive Services accounts have local (API key) authentication disabled, so callers authenticate with Microsoft Entra ID.",
    controls: cite({
        "nist-800-53": {
            implements: ["IA-2"],
            supports: ["IA-5"],
            why: "With keys disabled, every caller of AI Services accounts authenticates as an Entra ID identity.",
        },
        "mitre-atlas": {
            supports: ["AML.M0019"],
            mitigates: ["AML.T0055"],
            why: "No long-lived shared key exists that could leak from code or configuration and be replayed (AML.T0055).",
        },
        "nist-ai-600-1": {
            mitigates: ["information-security"],
            why: "Shared keys to the GAI service cannot be leaked and reused.",
        },
        "iso-27001": {
            implements: ["A.8.5"],
            why: "Secure authentication: access requires an Entra ID token instead of a shared key.",
        },
        "owasp-llm": {
            mitigates: ["LLM10"],
            why: "A leaked account key would give anyone unmetered access to the model.",
        },
    }),
    peers: [
        { tool: "checkov", id: "CKV_AZURE_236" },
        { tool: "azure-policy", id: "71ef260a-8f18-47b7-abcb-62d0673d94dc" },
        { tool: "azure-policy", id: "14de9e63-1b31-492e-a5a3-c3f7fd57f555" },
        { tool: "azure-policy", id: "55eff01b-f2bd-4c32-9203-db285f709d30" },
    ],
    remediation: [
        "Set properties.disableLocalAuth to true.",
        "Give callers a data-plane role on the account (for example Cognitive Services OpenAI User) and authenticate them with Microsoft Entra ID; a custom subdomain (properties.customSubDomainName) is required for Entra ID authentication.",
    ],
    notes: [
        "The provider default is false (API keys accepted), so an account that leaves properties.disableLocalAuth unset fails.",
        "disableLocalAuth is a literal in programs, so the check decides during preview; if it is unknown, the check decides at pulumi up.",
        "azure-native applies defaults to the properties bag through apply, so the whole bag is unknown during preview when any value inside it is (for example a key URI created in the same program); the check then decides at pulumi up.",
    ],
    settings: [
        {
            path: "properties.disableLocalAuth",
            expect: { kind: "oneOf", values: [true] },
            missing: { verdict: "violation", providerDefault: "false" },
            examples: { violating: false, compliant: true },
        },
    ],
    compliantExample: {
        resourceGroupName: "rg",
        kind: "OpenAI",
        sku: { name: "S0" },
        properties: { customSubDomainName: "ai-sub", disableLocalAuth: true },
    },
});
