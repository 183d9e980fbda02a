import { cite } from "../../../core/citations";
import type { Finding } from "../../../core/definition";
import { defineResourcePolicy } from "../../../core/definition";
import { arrayOf, describe, equalsIgnoreCase, field } from "../../../core/values";

/** IP rule values that admit every address. */
const openRanges = ["0.0.0.0/0", "0.0.0.0", "::/0", "*", "Internet", "Any"];

export default defineResourcePolicy({
    id: "search-ip-rules-restricted",
    cloud: "azure",
    resourceTypes: ["azure-native:search:Service"],
    area: "network-isolation",
    layer: "data-plane",
    severity: "high",
    enforcementLevel: "mandatory",
    description:
        "Azure AI Search services that keep public network access admit only listed IP ranges, none of which covers the whole internet.",
    controls: cite({
        "nist-800-53": {
            implements: ["SC-7(5)"],
            supports: ["SC-7"],
            why: "Where public access remains, only listed IP ranges are admitted and none covers the whole internet.",
        },
        "mitre-atlas": {
            implements: ["AML.M0019"],
            mitigates: ["AML.T0085.000"],
            why: "Only listed networks can query the retrieval index.",
        },
        "iso-27001": {
            implements: ["A.8.20"],
            why: "Network security: the search firewall admits only listed ranges.",
        },
    }),
    peers: [{ tool: "checkov", id: "CKV_AZURE_210" }],
    remediation: [
        'Set publicNetworkAccess to "Disabled" (preferred) and use private endpoints.',
        "Otherwise list only the callers' address ranges in networkRuleSet.ipRules; never 0.0.0.0/0.",
    ],
    notes: [
        'Services with publicNetworkAccess "Disabled" or "SecuredByPerimeter" (a network security perimeter decides) pass. Otherwise the provider default is "Enabled" with no IP rules, which admits every address, so a service without networkRuleSet.ipRules fails.',
        "IP rules of 0.0.0.0/0, 0.0.0.0, ::/0 or * count as open to the internet. Other rule values are never printed.",
        "search-public-network-disabled fails every service with public access; this check tells apart services whose public endpoint is at least firewalled, as Checkov CKV_AZURE_210 and Azure Policy 037eea7a do.",
        "If publicNetworkAccess or the rule list is unknown and nothing else fails, the check decides at pulumi up.",
    ],
    validate(service, check) {
        const access = service.get("publicNetworkAccess");
        if (access.state === "unknown") {
            check.undecided(access.path);
            return;
        }
        if (equalsIgnoreCase(access, "Disabled") || equalsIgnoreCase(access, "SecuredByPerimeter")) {
            return;
        }
        const findings: Finding[] = [];
        let undecided: string | undefined;
        const rules = service.get("networkRuleSet.ipRules");
        const list = arrayOf(rules);
        if (rules.state === "unknown") {
            undecided = rules.path;
        } else if (list === undefined || list.length === 0) {
            findings.push({
                setting: "networkRuleSet.ipRules",
                found: rules.state === "missing" ? "not set (every address admitted)" : describe(rules),
                expected: "a list of allowed address ranges",
            });
        }
        (list ?? []).forEach((rule, i) => {
            const value = field(rule, "value");
            if (value.state === "unknown") {
                undecided ??= `networkRuleSet.ipRules.${i}.value`;
            } else if (
                value.state === "known" &&
                typeof value.value === "string" &&
                openRanges.some((o) => o.toLowerCase() === (value.value as string).trim().toLowerCase())
            ) {
                findings.push({
                    setting: `networkRuleSet.ipRules[${i}].value`,
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
