import { defineSettingsPolicy } from "../../../core/settings";

export default defineSettingsPolicy({
    id: "openai-outbound-restricted",
    cloud: "azure",
    resourceTypes: ["azure-native:cognitiveservices:Account"],
    area: "network-isolation",
    layer: "fm-api",
    severity: "medium",
    enforcementLevel: "mandatory",
    description: "Azure OpenAI and AI Services accounts restrict outbound network access to an explicit list of FQDNs.",
    controls: [
        { framework: "nist-800-53", id: "SC-7" },
        { framework: "nist-800-53", id: "SC-7(5)" },
        { framework: "nist-800-53", id: "AC-4" },
        { framework: "mitre-atlas", id: "AML.M0019" },
        { framework: "mitre-atlas", id: "AML.T0025" },
        { framework: "mitre-atlas", id: "AML.T0024" },
        { framework: "nist-ai-rmf", id: "MEASURE 2.7" },
        { framework: "iso-27001", id: "A.8.20" },
        { framework: "iso-27001", id: "A.8.22" },
        { framework: "iso-42001", id: "A.4.5" },
        { framework: "owasp-llm", id: "LLM02" },
    ],
    peers: [{ tool: "checkov", id: "CKV_AZURE_247" }],
    remediation: [
        "Set properties.restrictOutboundNetworkAccess to true.",
        'List the hosts the account may reach (for example the AI Search and storage endpoints of "on your data") in properties.allowedFqdnList.',
    ],
    notes: [
        'Applies to accounts of kind "OpenAI" and "AIServices" (compared case-insensitively); other kinds are not evaluated. If kind is unknown, the check decides at pulumi up.',
        "The provider default is false (outbound unrestricted), so an account that leaves properties.restrictOutboundNetworkAccess unset fails.",
        "An empty or missing properties.allowedFqdnList with outbound restricted blocks all outbound calls, the strictest setting, and passes; Checkov CKV_AZURE_247 also expects a non-empty list.",
        "azure-native applies defaults to the properties bag through apply, so the whole bag is unknown during preview when any value inside it is (for example a key URI created in the same program); the check then decides at pulumi up.",
    ],
    settings: [
        {
            path: "properties.restrictOutboundNetworkAccess",
            expect: { kind: "oneOf", values: [true] },
            missing: { verdict: "violation", providerDefault: "false" },
            examples: { violating: false, compliant: true },
            onlyIf: { path: "kind", oneOf: ["OpenAI", "AIServices"] },
        },
    ],
    compliantExample: {
        resourceGroupName: "rg",
        kind: "OpenAI",
        sku: { name: "S0" },
        properties: { restrictOutboundNetworkAccess: true, allowedFqdnList: ["srch-rag.search.windows.net"] },
    },
});
