import type { ResourcePolicyDefinition, StackPolicyDefinition, StackResource, Subject } from "../../../core/definition";
import { defineSettingsPolicy } from "../../../core/settings";
import type { Value } from "../../../core/values";

/**
 * A resource as a settings check should see it in a stack policy. Stack policies read outputs, where a
 * provider-computed property is unknown during preview although the program never set it; such a
 * value is the provider default, so it reads as missing.
 */
export function programView(r: StackResource): Subject {
    return {
        urn: r.urn,
        type: r.type,
        name: r.name,
        get(path: string): Value {
            const v = r.get(path);
            if (v.state === "unknown" && r.setByProgram(path.split(".")[0] as string) === false) {
                return { state: "missing" };
            }
            return v;
        },
    };
}

/**
 * Lifts a resource check (usually a settings policy) to a stack policy that applies it only to the
 * resources the classification puts in the AI system. Everything else of the definition (settings,
 * compliant example, metadata) is kept, so the shared settings test drives it with AI-tagged inputs.
 */
export function onAiResources<C, D extends ResourcePolicyDefinition<C>>(
    def: D,
): Omit<D, "kind" | "validate"> & StackPolicyDefinition<C> {
    const types = new Set(def.resourceTypes);
    return {
        ...def,
        kind: "stack",
        validate(check) {
            for (const r of check.resources) {
                if (!types.has(r.type) || !check.classification.isAi(r)) {
                    continue;
                }
                def.validate(programView(r), {
                    config: check.config,
                    fail: (finding) => check.fail(r, finding),
                    undecided: (path) => check.undecided(r, path),
                });
            }
        },
    };
}

export default onAiResources(
    defineSettingsPolicy({
        id: "ai-storage-account-no-public-blob-access",
        cloud: "azure",
        resourceTypes: ["azure-native:storage:StorageAccount"],
        area: "model-storage",
        layer: "data-plane",
        severity: "high",
        enforcementLevel: "mandatory",
        description:
            "Storage accounts of the AI system do not allow anonymous public read access to their blobs and containers.",
        controls: [
            { framework: "nist-800-53", id: "AC-3" },
            { framework: "nist-800-53", id: "AC-6" },
            { framework: "nist-800-53", id: "SC-7" },
            { framework: "mitre-atlas", id: "AML.M0005" },
            { framework: "mitre-atlas", id: "AML.T0035" },
            { framework: "mitre-atlas", id: "AML.T0036" },
            { framework: "nist-ai-rmf", id: "MEASURE 2.7" },
            { framework: "iso-27001", id: "A.8.3" },
            { framework: "iso-27001", id: "A.5.15" },
            { framework: "iso-42001", id: "A.4.3" },
            { framework: "owasp-llm", id: "LLM02" },
        ],
        peers: [
            { tool: "checkov", id: "CKV_AZURE_190" },
            { tool: "checkov", id: "CKV2_AZURE_47" },
        ],
        remediation: [
            "Set allowBlobPublicAccess to false on the storage account (or leave it unset on a new account).",
            'Keep publicAccess of its blob containers unset or "None"; grant readers Azure RBAC roles or user-delegation SAS instead.',
        ],
        notes: [
            "A storage account counts as AI when the classification says so: tagged as part of the AI system, or referenced by an AI resource such as an Azure ML workspace (storageAccount) or an AI Services account (userOwnedStorage). Other accounts are not checked, and a business-tagged account never is.",
            "Azure treats a missing allowBlobPublicAccess as false for accounts created with API 2023-01-01 or later, so a missing value passes; an existing older account may still allow it.",
            "A value unknown during preview is left to pulumi up, unless the program never set it (then the provider default applies).",
        ],
        settings: [
            {
                path: "allowBlobPublicAccess",
                expect: { kind: "oneOf", values: [false] },
                missing: { verdict: "compliant" },
                examples: { violating: true, compliant: false },
            },
        ],
        compliantExample: {
            resourceGroupName: "rg",
            kind: "StorageV2",
            sku: { name: "Standard_ZRS" },
            tags: { "aiguard:system": "ai" },
            allowBlobPublicAccess: false,
        },
    }),
);
