import { cite } from "../../../core/citations";
import { defineSettingsPolicy } from "../../../core/settings";

export default defineSettingsPolicy({
    id: "ml-compute-instance-no-public-ip",
    cloud: "azure",
    resourceTypes: ["azure-native:machinelearningservices:Compute"],
    area: "network-isolation",
    layer: "paas",
    severity: "high",
    enforcementLevel: "mandatory",
    description: "Azure Machine Learning compute instances have no public IP address and no public SSH access.",
    controls: cite({
        "nist-800-53": {
            implements: ["SC-7"],
            supports: ["SC-7(3)"],
            why: "Compute instances have no public IP address and no public SSH access.",
        },
        "mitre-atlas": {
            implements: ["AML.M0019"],
            mitigates: ["AML.T0049"],
            why: "Closing the public network path restricts who can reach compute instances in production (AML.M0019).",
        },
        "iso-27001": {
            implements: ["A.8.20"],
            why: "Network security: the service admits no traffic from public networks.",
        },
    }),
    peers: [],
    remediation: [
        "Set properties.properties.enableNodePublicIp to false and place the instance in a subnet (properties.properties.subnet.id) or a workspace managed virtual network.",
        'Leave properties.properties.sshSettings.sshPublicAccess unset or "Disabled".',
    ],
    notes: [
        'Applies to computeType "ComputeInstance"; other compute types are not evaluated.',
        'The provider default of enableNodePublicIp is true, so an instance that leaves it unset fails; sshPublicAccess defaults to "Disabled" and passes when unset.',
        "Whether the instance sits in a subnet or a managed network is not checked (see ml-compute-cluster-no-public-ip).",
    ],
    settings: [
        {
            path: "properties.properties.enableNodePublicIp",
            expect: { kind: "oneOf", values: [false] },
            missing: { verdict: "violation", providerDefault: "true" },
            examples: { violating: true, compliant: false },
            onlyIf: { path: "properties.computeType", oneOf: ["ComputeInstance"] },
        },
        {
            path: "properties.properties.sshSettings.sshPublicAccess",
            expect: { kind: "oneOf", values: ["Disabled"] },
            missing: { verdict: "compliant" },
            examples: { violating: "Enabled", compliant: "Disabled" },
            onlyIf: { path: "properties.computeType", oneOf: ["ComputeInstance"] },
        },
    ],
    compliantExample: {
        resourceGroupName: "rg",
        workspaceName: "mlw",
        computeName: "c1",
        properties: {
            computeType: "ComputeInstance",
            disableLocalAuth: true,
            properties: {
                vmSize: "Standard_DS3_v2",
                enableNodePublicIp: false,
                sshSettings: { sshPublicAccess: "Disabled" },
                idleTimeBeforeShutdown: "PT30M",
            },
        },
    },
});
