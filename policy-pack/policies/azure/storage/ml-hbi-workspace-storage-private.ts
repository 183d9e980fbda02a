import { programView } from "../../../core/ai-scope";
import { cite } from "../../../core/citations";
import { defineStackPolicy } from "../../../core/definition";
import { describe, equalsIgnoreCase } from "../../../core/values";

const workspaceType = "azure-native:machinelearningservices:Workspace";
const accountType = "azure-native:storage:StorageAccount";

export default defineStackPolicy({
    id: "ml-hbi-workspace-storage-private",
    cloud: "azure",
    resourceTypes: [workspaceType, accountType],
    area: "model-storage",
    layer: "paas",
    severity: "high",
    enforcementLevel: "mandatory",
    description:
        "The storage account of every high-business-impact (hbiWorkspace) Azure Machine Learning workspace has public network access disabled.",
    controls: cite({
        "nist-800-53": {
            supports: ["SC-7"],
            why: "The storage account of a high-business-impact workspace has public network access disabled.",
        },
        "mitre-atlas": {
            implements: ["AML.M0005"],
            mitigates: ["AML.T0036"],
            why: "The data of a high-impact workspace cannot be reached from public networks.",
        },
        "iso-27001": {
            supports: ["A.8.20"],
            why: "Network security: the HBI workspace's storage is private.",
        },
    }),
    peers: [{ tool: "checkov", id: "CKV2_AZURE_50" }],
    remediation: [
        'Set publicNetworkAccess to "Disabled" on the storage account the workspace uses (its storageAccount input).',
        'Reach it from the workspace through private endpoints (groupIds "blob" and "file") or the workspace\'s managed network.',
    ],
    notes: [
        "The storage account is found through the property dependencies of the workspace's storageAccount input, never by id.",
        'Only workspaces with hbiWorkspace true are checked; a missing hbiWorkspace is false. For other AI storage accounts, ai-storage-account-network-restricted also accepts networkRuleSet.defaultAction "Deny"; for high-business-impact data only a disabled public endpoint passes, as in Checkov CKV2_AZURE_50.',
        'A missing publicNetworkAccess is the provider default "Enabled" and fails. An unknown hbiWorkspace or publicNetworkAccess is left to pulumi up, unless the program never set the property.',
    ],
    validate(check) {
        for (const ws of check.resources) {
            if (ws.type !== workspaceType) {
                continue;
            }
            const view = programView(ws);
            const hbi = view.get("hbiWorkspace");
            const accounts = (ws.propertyDependencies.storageAccount ?? []).filter((d) => d.type === accountType);
            if (accounts.length === 0 || (hbi.state === "known" && hbi.value !== true) || hbi.state === "missing") {
                continue;
            }
            if (hbi.state === "unknown") {
                check.undecided(ws, "hbiWorkspace");
                continue;
            }
            for (const account of accounts) {
                const pna = programView(account).get("publicNetworkAccess");
                if (equalsIgnoreCase(pna, "Disabled")) {
                    continue;
                }
                if (pna.state === "unknown") {
                    check.undecided(account, "publicNetworkAccess");
                    continue;
                }
                check.fail(account, {
                    setting: "publicNetworkAccess",
                    found: `${pna.state === "missing" ? 'not set (provider default "Enabled")' : describe(pna)} on the storage account of the high-business-impact workspace '${ws.name}'`,
                    expected: '"Disabled"',
                });
            }
        }
    },
});
