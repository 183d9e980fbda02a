import { cite } from "../../../core/citations";
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
    controls: cite({
        "nist-800-53": {
            implements: ["SC-7(5)"],
            supports: ["SC-7"],
            why: "Outbound calls of the account are limited to an explicit list of FQDNs.",
        },
        "mitre-atlas": {
            mitigates: ["AML.T0025"],
            why: "Without a free path to the internet, code or an attacker in AI Services accounts cannot ship weights or data out over the network.",
        },
        "nist-ai-600-1": {
            mitigates: ["information-security"],
            why: "The GAI service cannot be made to fetch from, or send to, arbitrary destinations.",
        },
        "iso-27001": {
            implements: ["A.8.22"],
            why: "Segregation of networks: AI compute is kept apart from the internet except for approved destinations.",
        },
    }),
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
