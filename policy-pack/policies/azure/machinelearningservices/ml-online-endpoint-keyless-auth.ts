import { cite } from "../../../core/citations";
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
    controls: cite({
        "nist-800-53": {
            implements: ["IA-2"],
            supports: ["IA-5"],
            why: "Scoring callers authenticate with Entra ID tokens instead of endpoint keys.",
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
    }),
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
