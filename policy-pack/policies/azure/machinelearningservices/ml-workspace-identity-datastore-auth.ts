import { defineSettingsPolicy } from "../../../core/settings";
import { equalsIgnoreCase } from "../../../core/values";

export default defineSettingsPolicy({
    id: "ml-workspace-identity-datastore-auth",
    cloud: "azure",
    resourceTypes: ["azure-native:machinelearningservices:Workspace"],
    area: "identity",
    layer: "paas",
    severity: "medium",
    enforcementLevel: "mandatory",
    description:
        "Azure Machine Learning workspaces access their system datastores with managed identity instead of storage account keys.",
    controls: [
        { framework: "nist-800-53", id: "IA-2" },
        { framework: "nist-800-53", id: "IA-5" },
        { framework: "nist-800-53", id: "AC-2" },
        { framework: "nist-800-53", id: "AC-3" },
        { framework: "mitre-atlas", id: "AML.M0019" },
        { framework: "mitre-atlas", id: "AML.T0012" },
        { framework: "mitre-atlas", id: "AML.T0055" },
        { framework: "nist-ai-rmf", id: "MEASURE 2.7" },
        { framework: "iso-27001", id: "A.8.5" },
        { framework: "iso-27001", id: "A.5.17" },
        { framework: "iso-42001", id: "A.4.5" },
    ],
    peers: [],
    remediation: [
        'Set systemDatastoresAuthMode to "Identity".',
        "Grant the workspace identity Storage Blob Data Contributor (and Storage File Data Privileged Contributor) on the workspace storage account, then disable shared key access on it.",
    ],
    notes: [
        'The provider default is "AccessKey" (the workspace stores the storage account key), so a workspace without systemDatastoresAuthMode fails; "UserDelegationSAS" fails too.',
        'Workspaces of kind "project" inherit this setting from their hub and are not evaluated.',
        "No scanner or built-in Azure Policy checks this setting.",
    ],
    skip: (workspace) => equalsIgnoreCase(workspace.get("kind"), "project"),
    settings: [
        {
            path: "systemDatastoresAuthMode",
            expect: { kind: "oneOf", values: ["Identity"] },
            missing: { verdict: "violation", providerDefault: '"AccessKey"' },
            examples: { violating: "AccessKey", compliant: "Identity" },
        },
    ],
    compliantExample: {
        resourceGroupName: "rg",
        kind: "Default",
        workspaceName: "mlw",
        systemDatastoresAuthMode: "Identity",
    },
});
