import { defineSettingsPolicy } from "../../../core/settings";

export default defineSettingsPolicy({
    id: "ml-online-endpoint-public-network-disabled",
    cloud: "azure",
    resourceTypes: ["azure-native:machinelearningservices:OnlineEndpoint"],
    area: "network-isolation",
    layer: "paas",
    severity: "high",
    enforcementLevel: "mandatory",
    description: "Azure Machine Learning online endpoints accept scoring requests only over private endpoints.",
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
        { framework: "mitre-atlas", id: "AML.T0024" },
        { framework: "mitre-atlas", id: "AML.T0034" },
    ],
    peers: [],
    remediation: [
        'Set properties.publicNetworkAccess to "Disabled".',
        "Call the endpoint through the workspace private endpoint.",
    ],
    notes: [
        'The provider default is "Enabled", so an endpoint that leaves properties.publicNetworkAccess unset fails.',
        "No scanner or built-in Azure Policy checks this setting.",
    ],
    settings: [
        {
            path: "properties.publicNetworkAccess",
            expect: { kind: "oneOf", values: ["Disabled"] },
            missing: { verdict: "violation", providerDefault: '"Enabled"' },
            examples: { violating: "Enabled", compliant: "Disabled" },
        },
    ],
    compliantExample: {
        resourceGroupName: "rg",
        workspaceName: "mlw",
        endpointName: "ep",
        location: "westeurope",
        properties: { authMode: "AADToken", publicNetworkAccess: "Disabled" },
    },
});
