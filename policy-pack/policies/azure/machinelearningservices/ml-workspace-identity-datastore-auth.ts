import { cite } from "../../../core/citations";
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
    controls: cite({
        "nist-800-53": {
            implements: ["IA-5(7)"],
            supports: ["IA-9"],
            why: "The workspace reaches its system datastores with its managed identity, not with storage account keys.",
        },
        "mitre-atlas": {
            mitigates: ["AML.T0055"],
            why: "No credential for the service's own outbound calls is stored where it could be found and reused.",
        },
        "iso-27001": {
            supports: ["A.5.17"],
            why: "Authentication information: the platform issues and rotates the service's credentials.",
        },
    }),
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
