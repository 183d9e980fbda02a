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
    controls: [
        { framework: "nist-800-53", id: "IA-2" },
        { framework: "nist-800-53", id: "IA-5" },
        { framework: "nist-800-53", id: "IA-9" },
        { framework: "nist-800-53", id: "AC-6" },
        { framework: "mitre-atlas", id: "AML.M0005" },
        { framework: "mitre-atlas", id: "AML.T0055" },
        { framework: "nist-ai-rmf", id: "MEASURE 2.7" },
        { framework: "iso-27001", id: "A.8.5" },
        { framework: "iso-27001", id: "A.5.17" },
    ],
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
