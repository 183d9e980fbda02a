import { defineResourcePolicy, type ResourceCheck, type Subject } from "../../../core/definition";
import { describe, type Value } from "../../../core/values";
import { onAiResources } from "./ai-storage-account-no-public-blob-access";

/** Where a resource keeps its public network switch and its firewall default action. */
export interface NetworkPaths {
    readonly publicAccess: string;
    /** Values of `publicAccess` that close the public endpoint (compared case-insensitively). */
    readonly closed: readonly string[];
    /** Every documented value of `publicAccess`, printed verbatim in messages. */
    readonly shown: readonly string[];
    readonly publicDefault: string;
    readonly defaultAction: string;
}

function isOneOf(v: Value, values: readonly string[]): boolean {
    return (
        v.state === "known" &&
        typeof v.value === "string" &&
        values.some((x) => x.toLowerCase() === String(v.value).toLowerCase())
    );
}

function found(v: Value, shown: readonly string[], providerDefault: string): string {
    return v.state === "missing" ? `not set (provider default ${providerDefault})` : describe(v, shown);
}

/**
 * Passes when the public endpoint is off, or when the firewall denies by default (only listed networks
 * and private endpoints get in). Unknown values leave the verdict to `pulumi up` unless the other
 * setting already passes.
 */
export function judgePrivateOrDeny(subject: Subject, check: ResourceCheck<unknown>, paths: NetworkPaths): void {
    const pna = subject.get(paths.publicAccess);
    const action = subject.get(paths.defaultAction);
    if (isOneOf(pna, paths.closed) || isOneOf(action, ["Deny"])) {
        return;
    }
    if (pna.state === "unknown" || action.state === "unknown") {
        check.undecided(pna.state === "unknown" ? pna.path : (action as { path: string }).path);
        return;
    }
    check.fail({
        setting: `${paths.publicAccess} and ${paths.defaultAction}`,
        found: `${found(pna, paths.shown, paths.publicDefault)} and ${found(action, ["Allow", "Deny"], '"Allow"')}`,
        expected: `${paths.publicAccess} ${paths.closed.map((c) => `"${c}"`).join(" or ")}, or ${paths.defaultAction} "Deny"`,
    });
}

export default onAiResources(
    defineResourcePolicy({
        id: "ai-storage-account-network-restricted",
        cloud: "azure",
        resourceTypes: ["azure-native:storage:StorageAccount"],
        area: "model-storage",
        layer: "data-plane",
        severity: "high",
        enforcementLevel: "mandatory",
        description:
            "Storage accounts of the AI system either disable public network access or deny network access by default, admitting only listed networks and private endpoints.",
        controls: [
            { framework: "nist-800-53", id: "SC-7" },
            { framework: "nist-800-53", id: "AC-3" },
            { framework: "nist-800-53", id: "AC-4" },
            { framework: "mitre-atlas", id: "AML.M0005" },
            { framework: "mitre-atlas", id: "AML.M0019" },
            { framework: "mitre-atlas", id: "AML.T0035" },
            { framework: "mitre-atlas", id: "AML.T0036" },
            { framework: "nist-ai-rmf", id: "MEASURE 2.7" },
            { framework: "iso-27001", id: "A.8.20" },
            { framework: "iso-27001", id: "A.8.3" },
            { framework: "iso-42001", id: "A.4.3" },
            { framework: "owasp-llm", id: "LLM02" },
        ],
        peers: [
            { tool: "checkov", id: "CKV_AZURE_59" },
            { tool: "checkov", id: "CKV_AZURE_35" },
            { tool: "trivy", id: "AZU-0012" },
        ],
        remediation: [
            'Set publicNetworkAccess to "Disabled" and reach the account through private endpoints (groupIds "blob", "file", "dfs").',
            'Or, where selected networks must reach it, set networkRuleSet.defaultAction to "Deny" and list the allowed virtualNetworkRules and ipRules.',
        ],
        notes: [
            "Only storage accounts in the AI system are checked (tagged, or referenced by an AI resource such as an Azure ML workspace or an AI Services account's userOwnedStorage).",
            'Either setting passes: publicNetworkAccess "Disabled" (or "SecuredByPerimeter") or networkRuleSet.defaultAction "Deny". Missing values are the provider defaults "Enabled" and "Allow", which fail. Checkov checks the two settings separately (CKV_AZURE_59, CKV_AZURE_35).',
            "If neither setting passes and one of them is unknown during preview, the check decides at pulumi up; a computed value the program never set is the provider default.",
        ],
        validate(subject, check) {
            judgePrivateOrDeny(subject, check, {
                publicAccess: "publicNetworkAccess",
                closed: ["Disabled", "SecuredByPerimeter"],
                shown: ["Enabled", "Disabled", "SecuredByPerimeter"],
                publicDefault: '"Enabled"',
                defaultAction: "networkRuleSet.defaultAction",
            });
        },
    }),
);
