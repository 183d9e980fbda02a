import { cite } from "../../../core/citations";
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
    controls: cite({
        "nist-800-53": {
            implements: ["SC-7(5)"],
            supports: ["SC-7"],
            why: "The scoring container has public egress disabled.",
        },
        "mitre-atlas": {
            mitigates: ["AML.T0025"],
            why: "Without a free path to the internet, code or an attacker in managed online deployments cannot ship weights or data out over the network.",
        },
        "iso-27001": {
            implements: ["A.8.22"],
            why: "Segregation of networks: AI compute is kept apart from the internet except for approved destinations.",
        },
    }),
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
