import { defineSettingsPolicy } from "../../../core/settings";

export default defineSettingsPolicy({
    id: "ml-online-deployment-egress-disabled",
    cloud: "azure",
    resourceTypes: ["azure-native:machinelearningservices:OnlineDeployment"],
    area: "network-isolation",
    layer: "paas",
    severity: "medium",
    enforcementLevel: "advisory",
    description: "Managed Azure Machine Learning online deployments have public egress disabled.",
    controls: [
        { framework: "nist-800-53", id: "SC-7" },
        { framework: "nist-800-53", id: "SC-7(5)" },
        { framework: "nist-800-53", id: "AC-4" },
        { framework: "mitre-atlas", id: "AML.M0019" },
        { framework: "mitre-atlas", id: "AML.T0025" },
        { framework: "mitre-atlas", id: "AML.T0024" },
        { framework: "nist-ai-rmf", id: "MEASURE 2.7" },
        { framework: "iso-27001", id: "A.8.20" },
        { framework: "iso-27001", id: "A.8.22" },
        { framework: "iso-42001", id: "A.4.5" },
        { framework: "owasp-llm", id: "LLM02" },
    ],
    peers: [],
    remediation: [
        'Set properties.egressPublicNetworkAccess to "Disabled".',
        'Prefer a workspace managed virtual network (managedNetwork.isolationMode "AllowOnlyApprovedOutbound"), which supersedes this legacy flag.',
    ],
    notes: [
        'Applies to deployments with properties.endpointComputeType "Managed". The provider default is "Enabled", so an unset value fails.',
        "Advisory: this is the legacy network isolation; in a workspace with a managed virtual network the flag is not used, which this resource-level check cannot see.",
    ],
    settings: [
        {
            path: "properties.egressPublicNetworkAccess",
            expect: { kind: "oneOf", values: ["Disabled"] },
            missing: { verdict: "violation", providerDefault: '"Enabled"' },
            examples: { violating: "Enabled", compliant: "Disabled" },
            onlyIf: { path: "properties.endpointComputeType", oneOf: ["Managed"] },
        },
    ],
    compliantExample: {
        resourceGroupName: "rg",
        workspaceName: "mlw",
        endpointName: "ep",
        deploymentName: "blue",
        properties: {
            endpointComputeType: "Managed",
            egressPublicNetworkAccess: "Disabled",
            instanceType: "Standard_DS3_v2",
        },
    },
});
