import { defineSettingsPolicy } from "../../../core/settings";

export default defineSettingsPolicy({
    id: "ml-serverless-endpoint-keyless-auth",
    cloud: "azure",
    resourceTypes: ["azure-native:machinelearningservices:ServerlessEndpoint"],
    area: "identity",
    layer: "fm-api",
    severity: "medium",
    enforcementLevel: "mandatory",
    description:
        "Azure Machine Learning serverless (models-as-a-service) endpoints authenticate callers with Microsoft Entra ID only.",
    controls: [
        { framework: "nist-800-53", id: "IA-2" },
        { framework: "nist-800-53", id: "IA-5" },
        { framework: "nist-800-53", id: "AC-2" },
        { framework: "nist-800-53", id: "AC-3" },
        { framework: "mitre-atlas", id: "AML.M0019" },
        { framework: "mitre-atlas", id: "AML.T0012" },
        { framework: "mitre-atlas", id: "AML.T0055" },
        { framework: "nist-ai-rmf", id: "MEASURE 2.7" },
        { framework: "iso-27001", id: "A.8.5" },
        { framework: "iso-27001", id: "A.5.17" },
        { framework: "iso-42001", id: "A.4.5" },
        { framework: "mitre-atlas", id: "AML.T0040" },
        { framework: "mitre-atlas", id: "AML.T0034" },
    ],
    peers: [],
    remediation: ['Set properties.authMode to "AAD".'],
    notes: [
        'properties.authMode is required by the API; a missing value fails. "Key" and "KeyAndAAD" fail because they accept API keys.',
        "No scanner or built-in Azure Policy checks this setting.",
    ],
    settings: [
        {
            path: "properties.authMode",
            expect: { kind: "oneOf", values: ["AAD"] },
            missing: { verdict: "violation", providerDefault: "none, the API requires a value" },
            examples: { violating: "KeyAndAAD", compliant: "AAD" },
        },
    ],
    compliantExample: {
        resourceGroupName: "rg",
        workspaceName: "proj",
        name: "llama",
        sku: { name: "Consumption" },
        properties: {
            authMode: "AAD",
            contentSafety: { contentSafetyStatus: "Enabled" },
            modelSettings: { modelId: "azureml://registries/azureml-meta/models/Meta-Llama-3-8B-Instruct" },
        },
    },
});
