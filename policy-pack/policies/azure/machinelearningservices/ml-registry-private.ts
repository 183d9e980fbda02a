import { defineSettingsPolicy } from "../../../core/settings";

export default defineSettingsPolicy({
    id: "ml-registry-private",
    cloud: "azure",
    resourceTypes: ["azure-native:machinelearningservices:Registry"],
    area: "model-storage",
    layer: "paas",
    severity: "high",
    enforcementLevel: "mandatory",
    description:
        "Azure Machine Learning registries, which hold shareable models and environments, have public network access disabled.",
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
        { framework: "mitre-atlas", id: "AML.T0010" },
    ],
    peers: [],
    remediation: [
        'Set publicNetworkAccess to "Disabled".',
        'Reach the registry through a private endpoint (group id "amlregistry") from the workspaces that use it.',
    ],
    notes: [
        'The provider default is "Enabled", so a registry that leaves publicNetworkAccess unset fails. Compared case-insensitively.',
        "No scanner or built-in Azure Policy checks this setting.",
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
        registryName: "mlreg",
        publicNetworkAccess: "Disabled",
        regionDetails: [{ location: "westeurope" }],
    },
});
