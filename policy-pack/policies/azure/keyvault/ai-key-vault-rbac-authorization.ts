import { onAiResources } from "../../../core/ai-scope";
import { cite } from "../../../core/citations";
import { defineSettingsPolicy } from "../../../core/settings";

export default onAiResources(
    defineSettingsPolicy({
        id: "ai-key-vault-rbac-authorization",
        cloud: "azure",
        resourceTypes: ["azure-native:keyvault:Vault"],
        area: "model-storage",
        layer: "data-plane",
        severity: "medium",
        enforcementLevel: "advisory",
        description:
            "Key vaults of the AI system authorize data access with Azure RBAC rather than vault access policies.",
        controls: cite({
            "nist-800-53": {
                supports: ["AC-3", "SC-12"],
                why: "Data-plane access to keys is authorized with Azure RBAC, the same model as the rest of the AI system.",
            },
            "mitre-atlas": {
                supports: ["AML.M0012"],
                why: "Access to keys protecting AI data follows reviewable role assignments.",
            },
            "iso-27001": {
                supports: ["A.5.15"],
                why: "Access control: key access uses RBAC rather than vault access policies.",
            },
        }),
        peers: [{ tool: "azure-policy", id: "12d4fa5e-1f9f-4c21-97a9-b99b3c6611b5" }],
        remediation: [
            "Set properties.enableRbacAuthorization to true on the vault.",
            'Replace accessPolicies with authorization.RoleAssignment resources of data roles (e.g. "Key Vault Crypto Service Encryption User") scoped to the vault or to single keys.',
        ],
        notes: [
            "Only vaults in the AI system are checked (tagged, or referenced by an AI resource such as an Azure ML workspace's keyVault).",
            "The provider creates a vault with enableRbacAuthorization false when it is not set, so a missing value fails.",
            "Advisory by default: moving a vault from access policies to RBAC needs new role assignments first.",
            "A value unknown during preview is left to pulumi up.",
        ],
        settings: [
            {
                path: "properties.enableRbacAuthorization",
                expect: { kind: "oneOf", values: [true] },
                missing: { verdict: "violation", providerDefault: "false (access policies)" },
                examples: { violating: false, compliant: true },
            },
        ],
        compliantExample: {
            resourceGroupName: "rg",
            tags: { "aiguard:system": "ai" },
            properties: {
                tenantId: "00000000-0000-0000-0000-000000000000",
                sku: { family: "A", name: "standard" },
                enableRbacAuthorization: true,
            },
        },
    }),
);
