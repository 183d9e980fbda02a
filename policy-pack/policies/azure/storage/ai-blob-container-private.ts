import { programView } from "../../../core/ai-scope";
import { cite } from "../../../core/citations";
import { defineStackPolicy, type StackCheck, type StackResource } from "../../../core/definition";
import { describe, equalsIgnoreCase } from "../../../core/values";

const containerType = "azure-native:storage:BlobContainer";
const accountType = "azure-native:storage:StorageAccount";

/** The container is AI itself, or it lives in an AI storage account (accountName dependency or parent). */
function aiAccountOf(check: StackCheck<unknown>, c: StackResource): StackResource | undefined {
    const candidates = [...(c.propertyDependencies.accountName ?? []), ...(c.parent ? [c.parent] : [])];
    return candidates.find((a) => a.type === accountType && check.classification.isAi(a));
}

export default defineStackPolicy({
    id: "ai-blob-container-private",
    cloud: "azure",
    resourceTypes: [containerType],
    area: "model-storage",
    layer: "data-plane",
    severity: "high",
    enforcementLevel: "mandatory",
    description: "Blob containers of the AI system allow no anonymous public access.",
    controls: cite({
        "nist-800-53": {
            implements: ["AC-3"],
            supports: ["AC-22"],
            why: "Each blob container of the AI system allows no anonymous public access.",
        },
        "mitre-atlas": {
            implements: ["AML.M0005"],
            mitigates: ["AML.T0035", "AML.T0036"],
            why: "Weights and datasets in the container cannot be read anonymously.",
        },
        "iso-27001": {
            implements: ["A.8.3"],
            why: "Information access restriction: the container is not public.",
        },
    }),
    peers: [
        { tool: "checkov", id: "CKV_AZURE_34" },
        { tool: "trivy", id: "AZU-0007" },
    ],
    remediation: [
        'Remove publicAccess from the container or set it to "None"; give readers Azure RBAC data roles instead.',
    ],
    notes: [
        "A container belongs to the AI system when it is referenced by an AI resource, or when its accountName depends on (or its parent is) a storage account of the AI system. Other containers are not checked.",
        'A missing publicAccess is "None", which passes. An unknown value is left to pulumi up, unless the program never set it.',
    ],
    validate(check) {
        for (const c of check.resources) {
            if (c.type !== containerType) {
                continue;
            }
            const account = aiAccountOf(check, c);
            if (!check.classification.isAi(c) && !account) {
                continue;
            }
            const access = programView(c).get("publicAccess");
            if (access.state === "missing" || equalsIgnoreCase(access, "None")) {
                continue;
            }
            if (access.state === "unknown") {
                check.undecided(c, "publicAccess");
                continue;
            }
            check.fail(c, {
                setting: "publicAccess",
                found: describe(access),
                expected: `"None" or not set${account ? ` (the container is in the AI storage account '${account.name}')` : ""}`,
            });
        }
    },
});
