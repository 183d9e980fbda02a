import { cite } from "../../../core/citations";
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
    controls: cite({
        "nist-800-53": {
            implements: ["SC-7"],
            supports: ["SC-7(3)"],
            why: "The ML registry cannot be reached from the public internet, only through private network paths.",
        },
        "mitre-atlas": {
            implements: ["AML.M0005"],
            mitigates: ["AML.T0035"],
            why: "Shareable models and environments in the registry cannot be reached from public networks.",
        },
        "iso-27001": {
            implements: ["A.8.20"],
            supports: ["A.8.3"],
            why: "Network security: the registry admits no traffic from public networks.",
        },
    }),
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
