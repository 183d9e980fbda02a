import { cite } from "../../../core/citations";
import type { Finding } from "../../../core/definition";
import { defineResourcePolicy } from "../../../core/definition";
import { describe, equalsIgnoreCase, type Value } from "../../../core/values";

const keyVaultIdentifiers = ["keyVaultArmId", "keyIdentifier"] as const;

/** An identifier counts as present when it is a non-empty string or unknown (it usually comes from a Key Vault resource). */
function identifierFinding(setting: string, v: Value): Finding | undefined {
    if (v.state === "unknown") {
        return undefined;
    }
    if (v.state === "known" && typeof v.value === "string" && v.value.trim().length > 0) {
        return undefined;
    }
    return {
        setting,
        found: v.state === "known" && typeof v.value === "string" ? "an empty string" : describe(v),
        expected: "the Key Vault identifier of the customer-managed key",
    };
}

export default defineResourcePolicy({
    id: "ml-workspace-cmk",
    cloud: "azure",
    resourceTypes: ["azure-native:machinelearningservices:Workspace"],
    area: "model-storage",
    layer: "paas",
    severity: "high",
    enforcementLevel: "mandatory",
    description: "Azure Machine Learning workspaces encrypt their data with a customer-managed key from Key Vault.",
    controls: cite({
        "nist-800-53": {
            implements: ["SC-28(1)"],
            supports: ["SC-12"],
            why: "Encrypted at rest under a customer managed key, whose use the customer controls and can revoke: workspace data.",
        },
        "mitre-atlas": {
            implements: ["AML.M0012"],
            mitigates: ["AML.T0035"],
            why: "Encryption under a customer key (AML.M0012) leaves a stolen copy of workspace data unreadable without use of the key.",
        },
        "iso-27001": {
            implements: ["A.8.24"],
            why: "Use of cryptography: the check requires encryption at rest with a customer managed key.",
        },
    }),
    peers: [
        { tool: "azure-policy", id: "ba769a63-b8cc-4b2d-abf6-ac33c7204be8" },
        { tool: "azure-policy", id: "7f40cee6-e933-4d0f-a782-b96615e0f4a6" },
    ],
    remediation: [
        'Set encryption.status to "Enabled" and encryption.keyVaultProperties to the Key Vault resource id (keyVaultArmId) and key URI (keyIdentifier) of a customer-managed key.',
        "Grant the workspace identity (or encryption.identity) get, wrapKey and unwrapKey on the key.",
        "Encryption is chosen when the workspace is created, so changing it replaces the workspace.",
    ],
    notes: [
        'A workspace without encryption uses Microsoft-managed keys and fails. Workspaces of kind "project" inherit encryption from their hub and are not evaluated.',
        "keyVaultArmId and keyIdentifier usually come from Key Vault resources of the same stack and are unknown during preview: an unknown identifier counts as set, so the check still decides during preview. If encryption, encryption.status or kind is unknown and nothing else fails, the check decides at pulumi up.",
        "Identifier values are never printed in messages; only whether they are set.",
    ],
    validate(workspace, check) {
        const kind = workspace.get("kind");
        if (equalsIgnoreCase(kind, "project")) {
            return;
        }
        const findings: Finding[] = [];
        let undecidedPath: string | undefined;

        const encryption = workspace.get("encryption");
        if (encryption.state === "unknown") {
            undecidedPath = encryption.path;
        } else if (
            encryption.state === "missing" ||
            typeof encryption.value !== "object" ||
            Array.isArray(encryption.value)
        ) {
            findings.push({
                setting: "encryption",
                found: encryption.state === "missing" ? "not set (Microsoft-managed keys)" : describe(encryption),
                expected: 'status "Enabled" with keyVaultProperties.keyVaultArmId and keyVaultProperties.keyIdentifier',
            });
        } else {
            const status = workspace.get("encryption.status");
            if (status.state === "unknown") {
                undecidedPath = status.path;
            } else if (!equalsIgnoreCase(status, "Enabled")) {
                findings.push({
                    setting: "encryption.status",
                    found: describe(status),
                    expected: '"Enabled"',
                });
            }
            for (const name of keyVaultIdentifiers) {
                const setting = `encryption.keyVaultProperties.${name}`;
                const finding = identifierFinding(setting, workspace.get(setting));
                if (finding) {
                    findings.push(finding);
                }
            }
        }

        if (findings.length > 0) {
            if (kind.state === "unknown") {
                // Whether the workspace is a project (and so out of scope) is decided at pulumi up.
                check.undecided(kind.path);
                return;
            }
            for (const finding of findings) {
                check.fail(finding);
            }
            return;
        }
        if (undecidedPath !== undefined) {
            check.undecided(undecidedPath);
        }
    },
});
