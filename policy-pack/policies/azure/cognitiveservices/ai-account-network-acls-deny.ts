import { cite } from "../../../core/citations";
import type { Finding } from "../../../core/definition";
import { defineResourcePolicy } from "../../../core/definition";
import { arrayOf, describe, equalsIgnoreCase, field } from "../../../core/values";

/** IP rule values that admit every address. */
const openRanges = ["0.0.0.0/0", "0.0.0.0", "::/0", "*", "Internet", "Any"];

export default defineResourcePolicy({
    id: "ai-account-network-acls-deny",
    cloud: "azure",
    resourceTypes: ["azure-native:cognitiveservices:Account"],
    area: "network-isolation",
    layer: "fm-api",
    severity: "high",
    enforcementLevel: "mandatory",
    description:
        "Azure AI Services, Azure OpenAI and other Cognitive Services accounts that keep public network access deny it by default and allow no IP rule covering the whole internet.",
    controls: cite({
        "nist-800-53": {
            implements: ["SC-7(5)"],
            supports: ["SC-7"],
            why: "Where public access remains, the account denies by default and allows no internet-wide IP rule.",
        },
        "mitre-atlas": {
            implements: ["AML.M0019"],
            mitigates: ["AML.T0040"],
            why: "Only listed networks can reach the model API.",
        },
        "iso-27001": {
            implements: ["A.8.20"],
            why: "Network security: the account's firewall denies by default.",
        },
    }),
    peers: [{ tool: "azure-policy", id: "037eea7a-bd0a-46c5-9a66-03aea78705d3" }],
    remediation: [
        'Set properties.publicNetworkAccess to "Disabled" (preferred), or set properties.networkAcls.defaultAction to "Deny".',
        "List only the callers' address ranges in properties.networkAcls.ipRules and subnets in properties.networkAcls.virtualNetworkRules; never 0.0.0.0/0.",
    ],
    notes: [
        'Accounts with properties.publicNetworkAccess "Disabled" pass: their network rules are not used. Otherwise the provider default of networkAcls.defaultAction is "Allow", so an account without network rules fails.',
        "IP rules of 0.0.0.0/0, 0.0.0.0, ::/0 or * count as open to the internet. Other rule values are never printed.",
        "ai-account-public-network-disabled fails every account with public access; this check tells apart accounts whose public endpoint is at least firewalled, as Azure Policy 037eea7a does.",
        "If publicNetworkAccess, defaultAction or the rule list is unknown and nothing else fails, the check decides at pulumi up.",
        "azure-native applies defaults to the properties bag through apply, so the whole bag is unknown during preview when any value inside it is (for example a key URI created in the same program); the check then decides at pulumi up.",
    ],
    validate(account, check) {
        const access = account.get("properties.publicNetworkAccess");
        if (access.state === "unknown") {
            check.undecided(access.path);
            return;
        }
        if (equalsIgnoreCase(access, "Disabled")) {
            return;
        }
        const findings: Finding[] = [];
        let undecided: string | undefined;
        const action = account.get("properties.networkAcls.defaultAction");
        if (action.state === "unknown") {
            undecided = action.path;
        } else if (!equalsIgnoreCase(action, "Deny")) {
            findings.push({
                setting: "properties.networkAcls.defaultAction",
                found: action.state === "missing" ? 'not set (provider default "Allow")' : describe(action),
                expected: '"Deny"',
            });
        }
        const rules = account.get("properties.networkAcls.ipRules");
        if (rules.state === "unknown") {
            undecided ??= rules.path;
        }
        (arrayOf(rules) ?? []).forEach((rule, i) => {
            const value = field(rule, "value");
            if (value.state === "unknown") {
                undecided ??= `properties.networkAcls.ipRules.${i}.value`;
            } else if (
                value.state === "known" &&
                typeof value.value === "string" &&
                openRanges.some((o) => o.toLowerCase() === (value.value as string).trim().toLowerCase())
            ) {
                findings.push({
                    setting: `properties.networkAcls.ipRules[${i}].value`,
                    found: describe(value),
                    expected: "a specific address range",
                });
            }
        });
        if (findings.length > 0) {
            for (const f of findings) {
                check.fail(f);
            }
        } else if (undecided !== undefined) {
            check.undecided(undecided);
        }
    },
});
