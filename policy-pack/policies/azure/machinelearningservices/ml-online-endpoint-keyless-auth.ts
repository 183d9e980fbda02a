import { defineSettingsPolicy } from "../../../core/settings";

export default defineSettingsPolicy({
    id: "ml-online-endpoint-keyless-auth",
    cloud: "azure",
    resourceTypes: ["azure-native:machinelearningservices:OnlineEndpoint"],
    area: "identity",
    layer: "paas",
    severity: "medium",
    enforcementLevel: "mandatory",
    description:
        "Azure Machine Learning online endpoints authenticate callers with Microsoft Entra ID tokens instead of keys.",
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
    ],
    peers: [],
    remediation: [
        'Set properties.authMode to "AADToken".',
        "Give callers the AzureML Data Scientist role or a custom role with Microsoft.MachineLearningServices/workspaces/onlineEndpoints/score/action.",
    ],
    notes: [
        'properties.authMode is required by the API; a missing value fails. "Key" and "AMLToken" fail: AML tokens are not governed by Azure RBAC on the endpoint.',
        "No scanner or built-in Azure Policy checks this setting.",
    ],
    settings: [
        {
            path: "properties.authMode",
            expect: { kind: "oneOf", values: ["AADToken"] },
            missing: { verdict: "violation", providerDefault: "none, the API requires a value" },
            examples: { violating: "Key", compliant: "AADToken" },
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
