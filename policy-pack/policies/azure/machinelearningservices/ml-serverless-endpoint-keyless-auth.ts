import { cite } from "../../../core/citations";
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
    controls: cite({
        "nist-800-53": {
            implements: ["IA-2"],
            supports: ["IA-5"],
            why: "With keys disabled, every caller of serverless endpoints authenticates as an Entra ID identity.",
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
            mitigates: ["LLM10"],
            why: "A leaked endpoint key would give anyone unmetered access to the model.",
        },
    }),
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
