import { cite } from "../../../core/citations";
import { defineSettingsPolicy } from "../../../core/settings";
import { equalsIgnoreCase } from "../../../core/values";

export default defineSettingsPolicy({
    id: "ml-workspace-serverless-compute-no-public-ip",
    cloud: "azure",
    resourceTypes: ["azure-native:machinelearningservices:Workspace"],
    area: "network-isolation",
    layer: "paas",
    severity: "medium",
    enforcementLevel: "advisory",
    description: "Azure Machine Learning workspaces run serverless compute without public IP addresses.",
    controls: cite({
        "nist-800-53": {
            implements: ["SC-7"],
            supports: ["SC-7(3)"],
            why: "Serverless compute runs without public IP addresses.",
        },
        "mitre-atlas": {
            implements: ["AML.M0019"],
            mitigates: ["AML.T0049"],
            why: "Closing the public network path restricts who can reach serverless compute of the workspace in production (AML.M0019).",
        },
        "iso-27001": {
            implements: ["A.8.20"],
            why: "Network security: the service admits no traffic from public networks.",
        },
    }),
    peers: [],
    remediation: [
        "Set serverlessComputeSettings.serverlessComputeNoPublicIP to true.",
        "Give serverless compute a private subnet (serverlessComputeSettings.serverlessComputeCustomSubnet) or a managed virtual network.",
    ],
    notes: [
        "The provider default is false (serverless nodes get public IPs), so a workspace without the setting fails.",
        "Advisory: in a workspace with a managed virtual network, serverless compute runs inside it and the flag matters less; that combination is not recognised here.",
        'Workspaces of kind "project" inherit this setting from their hub and are not evaluated.',
    ],
    skip: (workspace) => equalsIgnoreCase(workspace.get("kind"), "project"),
    settings: [
        {
            path: "serverlessComputeSettings.serverlessComputeNoPublicIP",
            expect: { kind: "oneOf", values: [true] },
            missing: { verdict: "violation", providerDefault: "false" },
            examples: { violating: false, compliant: true },
        },
    ],
    compliantExample: {
        resourceGroupName: "rg",
        kind: "Default",
        workspaceName: "mlw",
        serverlessComputeSettings: { serverlessComputeNoPublicIP: true },
    },
});
