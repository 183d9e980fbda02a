import type { Finding, StackResource } from "../../../core/definition";
import { defineStackPolicy } from "../../../core/definition";
import { arrayOf, describe, equalsIgnoreCase, field, isUnknownSentinel, type Value } from "../../../core/values";

const nsgType = "azure-native:network:NetworkSecurityGroup";
const ruleType = "azure-native:network:SecurityRule";

/** Sources that mean "anyone on the internet", as Azure spells them (compared case-insensitively). */
const openSources: readonly string[] = ["*", "Internet", "Any", "0.0.0.0/0", "::/0"];

function isOpenSource(v: unknown): boolean {
    return typeof v === "string" && openSources.some((s) => s.toLowerCase() === v.trim().toLowerCase());
}

type RuleVerdict =
    | { readonly kind: "closed" }
    | { readonly kind: "open"; readonly finding: Finding }
    | { readonly kind: "undecided"; readonly path: string };

/**
 * Evaluates one rule. `read` reads a rule property, `prefix` is how the user writes the path to the rule
 * (empty for a SecurityRule resource, `securityRules[0].` for an inline rule).
 */
function evaluateRule(read: (path: string) => Value, prefix: string, expected: string): RuleVerdict {
    let pending: string | undefined;
    for (const [name, wanted] of [
        ["direction", "Inbound"],
        ["access", "Allow"],
    ] as const) {
        const v = read(name);
        if (v.state === "unknown") {
            pending ??= `${prefix}${name}`;
        } else if (!equalsIgnoreCase(v, wanted)) {
            return { kind: "closed" };
        }
    }

    let finding: Finding | undefined;
    let unknownSource: string | undefined;
    const single = read("sourceAddressPrefix");
    if (single.state === "unknown") {
        unknownSource = `${prefix}sourceAddressPrefix`;
    } else if (single.state === "known" && isOpenSource(single.value)) {
        finding = { setting: `${prefix}sourceAddressPrefix`, found: describe(single, openSources), expected };
    }
    const many = read("sourceAddressPrefixes");
    if (many.state === "unknown") {
        unknownSource ??= `${prefix}sourceAddressPrefixes`;
    }
    const elements = arrayOf(many) ?? [];
    for (let i = 0; i < elements.length && finding === undefined; i++) {
        const element = elements[i];
        if (isUnknownSentinel(element)) {
            unknownSource ??= `${prefix}sourceAddressPrefixes[${i}]`;
        } else if (isOpenSource(element)) {
            finding = {
                setting: `${prefix}sourceAddressPrefixes[${i}]`,
                found: describe({ state: "known", value: element }, openSources),
                expected,
            };
        }
    }

    if (finding !== undefined) {
        return pending !== undefined ? { kind: "undecided", path: pending } : { kind: "open", finding };
    }
    if (unknownSource !== undefined) {
        return { kind: "undecided", path: pending ?? unknownSource };
    }
    return { kind: "closed" };
}

function knownString(v: Value): string | undefined {
    return v.state === "known" && typeof v.value === "string" ? v.value : undefined;
}

export default defineStackPolicy({
    id: "ai-nsg-no-internet-inbound",
    cloud: "azure",
    resourceTypes: [nsgType, ruleType],
    area: "segmentation",
    layer: "data-plane",
    severity: "high",
    enforcementLevel: "mandatory",
    description:
        "Network security groups of the AI system have no inbound rule that allows traffic from any internet source.",
    controls: [
        { framework: "nist-800-53", id: "SC-7" },
        { framework: "nist-800-53", id: "SC-7(5)" },
        { framework: "nist-800-53", id: "SC-7(21)" },
        { framework: "nist-800-53", id: "AC-4" },
        { framework: "mitre-atlas", id: "AML.M0019" },
        { framework: "mitre-atlas", id: "AML.T0049" },
        { framework: "mitre-atlas", id: "AML.T0006" },
        { framework: "nist-ai-rmf", id: "MEASURE 2.7" },
        { framework: "iso-27001", id: "A.8.20" },
        { framework: "iso-27001", id: "A.8.22" },
        { framework: "iso-42001", id: "A.4.5" },
        { framework: "owasp-llm", id: "LLM02" },
    ],
    peers: [
        { tool: "checkov", id: "CKV_AZURE_9" },
        { tool: "checkov", id: "CKV_AZURE_10" },
        { tool: "checkov", id: "CKV_AZURE_160" },
        { tool: "checkov", id: "CKV_AZURE_77" },
        { tool: "trivy", id: "AZU-0047" },
    ],
    remediation: [
        'Remove Inbound Allow rules whose sourceAddressPrefix or sourceAddressPrefixes is "*", "Internet", "Any", "0.0.0.0/0" or "::/0" from NSGs of AI subnets.',
        "Allow only the address ranges, service tags (such as VirtualNetwork) or application security groups of the callers that need the AI service.",
        "Expose AI services to the internet only through a gateway (Application Gateway with WAF or API Management) in a separate subnet.",
    ],
    notes: [
        'An NSG belongs to the AI system when an AI subnet references it (a subnet is AI when a private endpoint to an AI resource, or an AI resource, references it) or when it is tagged aiguard:system "ai". NSGs of business or unrelated subnets are not evaluated.',
        "Both inline securityRules of the NSG and separate SecurityRule resources are checked; a SecurityRule belongs to an NSG through the property dependency of networkSecurityGroupName. An inline rule with the name of such a SecurityRule is reported once, on the SecurityRule.",
        "Checkov CKV_AZURE_9/10/160/77 and Trivy AZU-0047 flag internet sources only for particular ports (RDP, SSH, HTTP, UDP) but on every NSG; this check flags any port, only on NSGs of the AI system. Deny rules of higher priority are not taken into account.",
        'Enum values are compared case-insensitively ("inbound", "allow"). If direction, access or a source is unknown during preview, the check decides at pulumi up. NSGs associated through inline subnets of a VirtualNetwork are not traced.',
    ],
    validate(check) {
        const aiNsgs = new Set(check.resources.filter((r) => r.type === nsgType && check.classification.isAi(r)));
        if (aiNsgs.size === 0) {
            return;
        }
        const expectedFor = (nsg: StackResource) => {
            const reason = check.classification.reason(nsg);
            return `a specific address range, service tag or application security group (NSG '${nsg.name}' is in the AI system${reason ? `: ${reason}` : ""})`;
        };

        const failed = new Map<StackResource, Finding[]>();
        const undecided = new Map<StackResource, string>();
        const record = (subject: StackResource, verdict: RuleVerdict) => {
            if (verdict.kind === "open") {
                failed.set(subject, [...(failed.get(subject) ?? []), verdict.finding]);
            } else if (verdict.kind === "undecided" && !undecided.has(subject)) {
                undecided.set(subject, verdict.path);
            }
        };

        // Separate SecurityRule resources of AI NSGs.
        const separateRuleNames = new Map<StackResource, Set<string>>();
        for (const rule of check.resources) {
            if (rule.type !== ruleType) {
                continue;
            }
            const nsg =
                (rule.propertyDependencies.networkSecurityGroupName ?? []).find((d) => aiNsgs.has(d)) ??
                (rule.parent && aiNsgs.has(rule.parent) ? rule.parent : undefined);
            if (nsg === undefined) {
                continue;
            }
            for (const name of [knownString(rule.get("name")), knownString(rule.get("securityRuleName"))]) {
                if (name !== undefined) {
                    const names = separateRuleNames.get(nsg) ?? new Set<string>();
                    names.add(name);
                    separateRuleNames.set(nsg, names);
                }
            }
            record(
                rule,
                evaluateRule((p) => rule.get(p), "", expectedFor(nsg)),
            );
        }

        // Inline rules of AI NSGs.
        for (const nsg of aiNsgs) {
            const rules = nsg.get("securityRules");
            if (rules.state === "unknown") {
                record(nsg, { kind: "undecided", path: "securityRules" });
                continue;
            }
            const elements = arrayOf(rules) ?? [];
            const skip = separateRuleNames.get(nsg) ?? new Set<string>();
            for (let i = 0; i < elements.length; i++) {
                const rule = elements[i];
                if (isUnknownSentinel(rule)) {
                    record(nsg, { kind: "undecided", path: `securityRules[${i}]` });
                    continue;
                }
                const name = knownString(field(rule, "name"));
                if (name !== undefined && skip.has(name)) {
                    continue;
                }
                record(
                    nsg,
                    evaluateRule((p) => field(rule, p), `securityRules[${i}].`, expectedFor(nsg)),
                );
            }
        }

        for (const [subject, findings] of failed) {
            for (const finding of findings) {
                check.fail(subject, finding);
            }
        }
        for (const [subject, path] of undecided) {
            if (!failed.has(subject)) {
                check.undecided(subject, path);
            }
        }
    },
});
