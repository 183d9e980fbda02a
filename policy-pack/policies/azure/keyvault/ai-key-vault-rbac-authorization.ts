import { onAiResources } from "../../../core/ai-scope";
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
        controls: [
            { framework: "nist-800-53", id: "AC-3" },
            { framework: "nist-800-53", id: "AC-6" },
            { framework: "nist-800-53", id: "SC-12" },
            { framework: "mitre-atlas", id: "AML.M0005" },
            { framework: "mitre-atlas", id: "AML.T0012" },
            { framework: "nist-ai-rmf", id: "MEASURE 2.7" },
            { framework: "iso-27001", id: "A.5.15" },
            { framework: "iso-27001", id: "A.8.24" },
            { framework: "iso-42001", id: "A.4.3" },
        ],
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
