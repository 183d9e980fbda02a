import { cite } from "../../../core/citations";
import { defineSettingsPolicy } from "../../../core/settings";

export default defineSettingsPolicy({
    id: "ml-online-deployment-data-collection",
    cloud: "azure",
    resourceTypes: ["azure-native:machinelearningservices:OnlineDeployment"],
    area: "io-logging",
    layer: "paas",
    severity: "medium",
    enforcementLevel: "mandatory",
    description:
        "Azure Machine Learning online deployments collect model inputs and outputs and send request telemetry to Application Insights.",
    controls: cite({
        "nist-800-53": {
            implements: ["AU-12"],
            supports: ["AU-2", "SI-4"],
            why: "Online deployments collect model inputs and outputs and send request telemetry to Application Insights.",
        },
        "mitre-atlas": {
            implements: ["AML.M0024"],
            mitigates: ["AML.T0024"],
            why: "Collected inputs and outputs are AI telemetry in which extraction through the inference API becomes visible.",
        },
        "nist-ai-rmf": {
            implements: ["MEASURE 2.4"],
            why: "Collected production inputs and outputs are the record on which the deployed model is monitored.",
        },
        "iso-27001": {
            implements: ["A.8.15"],
            why: "Logging: inference requests are recorded.",
        },
        "iso-42001": {
            implements: ["A.6.2.8"],
            why: "AI system recording of event logs: the deployed model's inputs and outputs are recorded.",
        },
    }),
    peers: [],
    remediation: [
        'Set properties.dataCollector.collections.model_inputs.dataCollectionMode and properties.dataCollector.collections.model_outputs.dataCollectionMode to "Enabled".',
        "Set properties.appInsightsEnabled to true.",
        "Protect the collected data: it holds prompts and predictions, so restrict access to the workspace blob store and encrypt it with a customer-managed key.",
    ],
    notes: [
        'A collection without dataCollectionMode is off (provider default "Disabled"), and appInsightsEnabled defaults to false; all fail when unset.',
        "Collection names are the documented model_inputs and model_outputs; other collections are not evaluated.",
        "The Azure counterpart of SageMaker data capture; no scanner checks it.",
    ],
    settings: [
        {
            path: "properties.dataCollector.collections.model_inputs.dataCollectionMode",
            expect: { kind: "oneOf", values: ["Enabled"] },
            missing: { verdict: "violation", providerDefault: '"Disabled"' },
            examples: { violating: "Disabled", compliant: "Enabled" },
        },
        {
            path: "properties.dataCollector.collections.model_outputs.dataCollectionMode",
            expect: { kind: "oneOf", values: ["Enabled"] },
            missing: { verdict: "violation", providerDefault: '"Disabled"' },
            examples: { violating: "Disabled", compliant: "Enabled" },
        },
        {
            path: "properties.appInsightsEnabled",
            expect: { kind: "oneOf", values: [true] },
            missing: { verdict: "violation", providerDefault: "false" },
            examples: { violating: false, compliant: true },
        },
    ],
    compliantExample: {
        resourceGroupName: "rg",
        workspaceName: "mlw",
        endpointName: "ep",
        deploymentName: "blue",
        properties: {
            endpointComputeType: "Managed",
            appInsightsEnabled: true,
            dataCollector: {
                collections: {
                    model_inputs: { dataCollectionMode: "Enabled" },
                    model_outputs: { dataCollectionMode: "Enabled" },
                },
            },
        },
    },
});
