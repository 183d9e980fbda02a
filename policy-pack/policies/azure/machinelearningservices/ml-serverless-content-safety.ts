import { cite } from "../../../core/citations";
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
    controls: cite({
        "nist-800-53": {
            implements: ["SI-15"],
            supports: ["SI-10"],
            why: "Prompts and completions of the serverless endpoint pass Azure AI Content Safety.",
        },
        "mitre-atlas": {
            implements: ["AML.M0020"],
            mitigates: ["AML.T0048"],
            why: "Content Safety blocks harmful output of a models-as-a-service endpoint.",
        },
        "nist-ai-rmf": {
            supports: ["MEASURE 2.6"],
            why: "Content filtering of the endpoint is a safety control the check evaluates.",
        },
        "nist-ai-600-1": {
            implements: ["MG-3.2-005"],
            mitigates: ["dangerous-violent-hateful-content"],
            why: "The check verifies a content filter on input and output of the model.",
        },
        "iso-42001": {
            supports: ["A.9.2"],
            why: "Processes for responsible use: content rules apply to the serverless model.",
        },
    }),
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
