import { defineSettingsPolicy } from "../../../core/settings";

export default defineSettingsPolicy({
    id: "ml-serverless-content-safety",
    cloud: "azure",
    resourceTypes: ["azure-native:machinelearningservices:ServerlessEndpoint"],
    area: "fm-safety",
    layer: "fm-api",
    severity: "high",
    enforcementLevel: "mandatory",
    description:
        "Azure Machine Learning serverless (models-as-a-service) endpoints filter prompts and completions with Azure AI Content Safety.",
    controls: [
        { framework: "nist-800-53", id: "SI-10" },
        { framework: "nist-800-53", id: "SI-4" },
        { framework: "nist-800-53", id: "SI-15" },
        { framework: "mitre-atlas", id: "AML.M0020" },
        { framework: "mitre-atlas", id: "AML.M0021" },
        { framework: "mitre-atlas", id: "AML.T0051" },
        { framework: "mitre-atlas", id: "AML.T0054" },
        { framework: "mitre-atlas", id: "AML.T0048" },
        { framework: "nist-ai-rmf", id: "MEASURE 2.6" },
        { framework: "nist-ai-rmf", id: "MANAGE 2.2" },
        { framework: "iso-42001", id: "A.6.2.6" },
        { framework: "owasp-llm", id: "LLM01" },
        { framework: "owasp-llm", id: "LLM05" },
    ],
    peers: [],
    remediation: ['Set properties.contentSafety.contentSafetyStatus to "Enabled".'],
    notes: [
        "An endpoint without properties.contentSafety has no content filtering and fails.",
        "No scanner or built-in Azure Policy checks this setting.",
    ],
    settings: [
        {
            path: "properties.contentSafety.contentSafetyStatus",
            expect: { kind: "oneOf", values: ["Enabled"] },
            missing: { verdict: "violation", providerDefault: '"Disabled"' },
            examples: { violating: "Disabled", compliant: "Enabled" },
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
