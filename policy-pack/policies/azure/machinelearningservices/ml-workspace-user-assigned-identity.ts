import { cite } from "../../../core/citations";
import { defineSettingsPolicy } from "../../../core/settings";
import { equalsIgnoreCase } from "../../../core/values";

export default defineSettingsPolicy({
    id: "ml-workspace-user-assigned-identity",
    cloud: "azure",
    resourceTypes: ["azure-native:machinelearningservices:Workspace"],
    area: "identity",
    layer: "paas",
    severity: "low",
    enforcementLevel: "advisory",
    description: "Azure Machine Learning workspaces use a user-assigned managed identity as their primary identity.",
    controls: cite({
        "nist-800-53": {
            supports: ["IA-9"],
            why: "The workspace's primary identity is a user-assigned identity whose lifecycle and grants the customer manages.",
        },
        "mitre-atlas": {
            supports: ["AML.M0019"],
            why: "Permissions of the workspace identity are granted explicitly and can be reviewed apart from the workspace.",
        },
        "iso-27001": {
            supports: ["A.5.16"],
            why: "Identity management: the workload identity is managed as its own object.",
        },
    }),
    peers: [{ tool: "azure-policy", id: "5f0c7d88-c7de-45b8-ac49-db49e72eaa78" }],
    remediation: [
        'Set identity.type to "UserAssigned" (or "SystemAssigned,UserAssigned") with identity.userAssignedIdentities, and primaryUserAssignedIdentity to that identity\'s resource id.',
        "Grant the identity its roles on storage, Key Vault and the registry before creating the workspace.",
    ],
    notes: [
        "A workspace without identity, or with only a system-assigned one, fails. The identity id is usually unknown during preview and counts as set.",
        'Workspaces of kind "project" inherit this setting from their hub and are not evaluated.',
    ],
    skip: (workspace) => equalsIgnoreCase(workspace.get("kind"), "project"),
    settings: [
        {
            path: "identity.type",
            expect: {
                kind: "oneOf",
                values: ["UserAssigned", "SystemAssigned,UserAssigned", "SystemAssigned, UserAssigned"],
            },
            missing: { verdict: "violation", providerDefault: '"None"' },
            examples: { violating: "SystemAssigned", compliant: "UserAssigned" },
        },
        {
            path: "primaryUserAssignedIdentity",
            expect: { kind: "present" },
            missing: { verdict: "violation", providerDefault: "the system-assigned identity" },
            examples: {
                violating: "",
                compliant:
                    "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/mlw-id",
            },
        },
    ],
    compliantExample: {
        resourceGroupName: "rg",
        kind: "Default",
        workspaceName: "mlw",
        identity: {
            type: "UserAssigned",
            userAssignedIdentities: [
                "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/mlw-id",
            ],
        },
        primaryUserAssignedIdentity:
            "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/mlw-id",
    },
});
