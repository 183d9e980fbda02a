import { cite } from "../../../core/citations";
import { defineSettingsPolicy } from "../../../core/settings";
import { equalsIgnoreCase } from "../../../core/values";

export default defineSettingsPolicy({
    id: "ml-workspace-public-network-disabled",
    cloud: "azure",
    resourceTypes: ["azure-native:machinelearningservices:Workspace"],
    area: "network-isolation",
    layer: "paas",
    severity: "high",
    enforcementLevel: "mandatory",
    description:
        "Azure Machine Learning workspaces and AI hubs have public network access disabled and do not reopen it behind a virtual network.",
    controls: cite({
        "nist-800-53": {
            implements: ["SC-7"],
            supports: ["SC-7(3)"],
            why: "The workspace cannot be reached from the public internet, only through private network paths.",
        },
        "mitre-atlas": {
            implements: ["AML.M0005"],
            mitigates: ["AML.T0035"],
            why: "The workspace, its models and its data cannot be reached from public networks.",
        },
        "iso-27001": {
            implements: ["A.8.20"],
            why: "Network security: the service admits no traffic from public networks.",
        },
    }),
    peers: [
        { tool: "checkov", id: "CKV_AZURE_144" },
        { tool: "checkov", id: "CKV2_AZURE_49" },
        { tool: "azure-policy", id: "438c38d2-3772-465a-a9cc-7a6666a275ce" },
        { tool: "azure-policy", id: "a10ee784-7409-4941-b091-663697637c0f" },
    ],
    remediation: [
        'Set publicNetworkAccess to "Disabled" and leave allowPublicAccessWhenBehindVnet unset or false.',
        'Reach the workspace through a private endpoint (group id "amlworkspace") with the private DNS zones privatelink.api.azureml.ms and privatelink.notebooks.azure.net.',
    ],
    notes: [
        'The provider default is "Enabled", so a workspace that leaves publicNetworkAccess unset fails, as with Checkov CKV_AZURE_144 and Azure Policy 438c38d2; Checkov CKV2_AZURE_49 passes that case.',
        'Workspaces of kind "project" inherit this setting from their hub and are not evaluated.',
        "publicNetworkAccess is a literal in programs, so the check decides during preview; if it is unknown, the check decides at pulumi up.",
    ],
    skip: (workspace) => equalsIgnoreCase(workspace.get("kind"), "project"),
    settings: [
        {
            path: "publicNetworkAccess",
            expect: { kind: "oneOf", values: ["Disabled"] },
            missing: { verdict: "violation", providerDefault: '"Enabled"' },
            examples: { violating: "Enabled", compliant: "Disabled" },
        },
        {
            path: "allowPublicAccessWhenBehindVnet",
            expect: { kind: "noneOf", values: [true] },
            missing: { verdict: "compliant" },
            examples: { violating: true, compliant: false },
        },
    ],
    compliantExample: {
        resourceGroupName: "rg",
        kind: "Default",
        workspaceName: "mlw",
        publicNetworkAccess: "Disabled",
        allowPublicAccessWhenBehindVnet: false,
    },
});
