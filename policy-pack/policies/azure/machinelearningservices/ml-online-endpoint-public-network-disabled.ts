import { cite } from "../../../core/citations";
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
    controls: cite({
        "nist-800-53": {
            implements: ["SC-7"],
            supports: ["SC-7(3)"],
            why: "The online endpoint cannot be reached from the public internet, only through private network paths.",
        },
        "mitre-atlas": {
            implements: ["AML.M0019"],
            mitigates: ["AML.T0040"],
            why: "Closing the public network path restricts who can reach the online endpoint in production (AML.M0019).",
        },
        "iso-27001": {
            implements: ["A.8.20"],
            why: "Network security: the service admits no traffic from public networks.",
        },
    }),
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
