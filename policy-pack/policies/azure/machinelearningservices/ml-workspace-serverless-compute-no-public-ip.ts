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
    controls: [
        { framework: "nist-800-53", id: "SC-7" },
        { framework: "nist-800-53", id: "SC-7(3)" },
        { framework: "nist-800-53", id: "AC-4" },
        { framework: "mitre-atlas", id: "AML.M0019" },
        { framework: "mitre-atlas", id: "AML.T0040" },
        { framework: "mitre-atlas", id: "AML.T0049" },
        { framework: "nist-ai-rmf", id: "MEASURE 2.7" },
        { framework: "iso-27001", id: "A.8.20" },
        { framework: "iso-27001", id: "A.8.22" },
        { framework: "iso-42001", id: "A.4.5" },
        { framework: "owasp-llm", id: "LLM02" },
    ],
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
