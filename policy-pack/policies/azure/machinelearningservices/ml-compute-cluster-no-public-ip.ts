import { cite } from "../../../core/citations";
import { defineSettingsPolicy } from "../../../core/settings";

export default defineSettingsPolicy({
    id: "ml-compute-cluster-no-public-ip",
    cloud: "azure",
    resourceTypes: ["azure-native:machinelearningservices:Compute"],
    area: "network-isolation",
    layer: "paas",
    severity: "high",
    enforcementLevel: "mandatory",
    description:
        "Azure Machine Learning compute clusters have no public IP addresses on their nodes and no public SSH port.",
    controls: cite({
        "nist-800-53": {
            implements: ["SC-7"],
            supports: ["SC-7(3)"],
            why: "Cluster nodes have no public IP address and no public SSH port.",
        },
        "mitre-atlas": {
            implements: ["AML.M0019"],
            mitigates: ["AML.T0049"],
            why: "Closing the public network path restricts who can reach compute cluster nodes in production (AML.M0019).",
        },
        "iso-27001": {
            implements: ["A.8.20"],
            why: "Network security: the service admits no traffic from public networks.",
        },
    }),
    peers: [],
    remediation: [
        "Set properties.properties.enableNodePublicIp to false and place the cluster in a subnet (properties.properties.subnet.id) or a workspace managed virtual network.",
        'Set properties.properties.remoteLoginPortPublicAccess to "Disabled".',
    ],
    notes: [
        'Applies to computeType "AmlCompute"; other compute types are not evaluated.',
        'The provider defaults are enableNodePublicIp true and remoteLoginPortPublicAccess "NotSpecified" (the SSH port is public when the nodes have public IPs), so both fail when unset.',
        "Whether the cluster sits in a subnet or a managed network is not checked: a workspace managed network makes the subnet unnecessary, and it is decided on the workspace (see ml-workspace-managed-network-approved-outbound). Azure Policy 7804b5c7-01dc-4723-969b-ae300cc07ff1 checks the subnet.",
    ],
    settings: [
        {
            path: "properties.properties.enableNodePublicIp",
            expect: { kind: "oneOf", values: [false] },
            missing: { verdict: "violation", providerDefault: "true" },
            examples: { violating: true, compliant: false },
            onlyIf: { path: "properties.computeType", oneOf: ["AmlCompute"] },
        },
        {
            path: "properties.properties.remoteLoginPortPublicAccess",
            expect: { kind: "oneOf", values: ["Disabled"] },
            missing: { verdict: "violation", providerDefault: '"NotSpecified"' },
            examples: { violating: "Enabled", compliant: "Disabled" },
            onlyIf: { path: "properties.computeType", oneOf: ["AmlCompute"] },
        },
    ],
    compliantExample: {
        resourceGroupName: "rg",
        workspaceName: "mlw",
        computeName: "c1",
        properties: {
            computeType: "AmlCompute",
            disableLocalAuth: true,
            properties: {
                vmSize: "Standard_DS3_v2",
                enableNodePublicIp: false,
                remoteLoginPortPublicAccess: "Disabled",
                subnet: {
                    id: "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet/subnets/ml",
                },
                scaleSettings: { maxNodeCount: 4, minNodeCount: 0 },
            },
        },
    },
});
