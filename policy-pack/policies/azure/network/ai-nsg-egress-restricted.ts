import { defineStackPolicy, type Finding, type StackResource } from "../../../core/definition";
import { arrayOf, describe, equalsIgnoreCase, field, isUnknownSentinel, type Value } from "../../../core/values";

const nsgType = "azure-native:network:NetworkSecurityGroup";
const ruleType = "azure-native:network:SecurityRule";

/** Destinations that mean "anywhere on the internet" (compared case-insensitively). */
const openDestinations: readonly string[] = ["*", "Internet", "Any", "0.0.0.0/0", "::/0"];

function isOpen(v: unknown): boolean {
    return typeof v === "string" && openDestinations.some((s) => s.toLowerCase() === v.trim().toLowerCase());
}

type Verdict =
    | { readonly kind: "closed" }
    | { readonly kind: "open"; readonly finding: Finding }
    | { readonly kind: "undecided"; readonly path: string };

/** One rule, read through `read`; `prefix` is how the user writes the path to the rule. */
function judgeRule(read: (path: string) => Value, prefix: string, expected: string): Verdict {
    let pending: string | undefined;
    for (const [name, wanted] of [
        ["direction", "Outbound"],
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
    let unknownDestination: string | undefined;
    const single = read("destinationAddressPrefix");
    if (single.state === "unknown") {
        unknownDestination = `${prefix}destinationAddressPrefix`;
    } else if (single.state === "known" && isOpen(single.value)) {
        finding = { setting: `${prefix}destinationAddressPrefix`, found: describe(single, openDestinations), expected };
    }
    const many = read("destinationAddressPrefixes");
    if (many.state === "unknown") {
        unknownDestination ??= `${prefix}destinationAddressPrefixes`;
    }
    const elements = arrayOf(many) ?? [];
    for (let i = 0; i < elements.length && finding === undefined; i++) {
        const element = elements[i];
        if (isUnknownSentinel(element)) {
            unknownDestination ??= `${prefix}destinationAddressPrefixes[${i}]`;
        } else if (isOpen(element)) {
            finding = {
                setting: `${prefix}destinationAddressPrefixes[${i}]`,
                found: describe({ state: "known", value: element }, openDestinations),
                expected,
            };
        }
    }
    if (finding !== undefined) {
        return pending !== undefined ? { kind: "undecided", path: pending } : { kind: "open", finding };
    }
    if (unknownDestination !== undefined) {
        return { kind: "undecided", path: pending ?? unknownDestination };
    }
    return { kind: "closed" };
}

function knownString(v: Value): string | undefined {
    return v.state === "known" && typeof v.value === "string" ? v.value : undefined;
}

export default defineStackPolicy({
    id: "ai-nsg-egress-restricted",
    cloud: "azure",
    resourceTypes: [nsgType, ruleType],
    area: "segmentation",
    layer: "data-plane",
    severity: "medium",
    enforcementLevel: "advisory",
    description:
        "Network security groups of the AI system have no outbound rule that allows traffic to any internet destination.",
    controls: [
        { framework: "nist-800-53", id: "SC-7" },
        { framework: "nist-800-53", id: "SC-7(5)" },
        { framework: "nist-800-53", id: "AC-4" },
        { framework: "mitre-atlas", id: "AML.M0019" },
        { framework: "mitre-atlas", id: "AML.T0025" },
        { framework: "mitre-atlas", id: "AML.T0024" },
        { framework: "nist-ai-rmf", id: "MEASURE 2.7" },
        { framework: "iso-27001", id: "A.8.20" },
        { framework: "iso-27001", id: "A.8.22" },
        { framework: "iso-42001", id: "A.4.5" },
        { framework: "owasp-llm", id: "LLM02" },
        { framework: "owasp-llm", id: "LLM06" },
    ],
    peers: [{ tool: "trivy", id: "AZU-0051" }],
    remediation: [
        'Remove Outbound Allow rules whose destinationAddressPrefix or destinationAddressPrefixes is "*", "Internet", "Any", "0.0.0.0/0" or "::/0" from NSGs of AI subnets.',
        'Allow only service tags (such as "AzureMachineLearning", "Storage.<region>", "AzureActiveDirectory") or private endpoint ranges, and add a low-priority Outbound Deny rule to "Internet" to override the default AllowInternetOutBound rule.',
    ],
    notes: [
        'An NSG belongs to the AI system when an AI subnet references it (a subnet is AI when a private endpoint to an AI resource, or an AI resource, references it) or when it is tagged aiguard:system "ai". Other NSGs are not evaluated.',
        "Both inline securityRules and separate SecurityRule resources (linked through the property dependency of networkSecurityGroupName) are checked; an inline rule with the name of such a SecurityRule is reported once, on the SecurityRule.",
        "Azure's built-in rule AllowInternetOutBound (priority 65001) allows internet egress when no rule denies it; this check flags only explicit allow rules, not the missing deny. Deny rules of higher priority are not taken into account.",
        "Advisory by default: ML compute without a managed network often needs egress to package and container registries; use service tags or a firewall instead of an open rule. If direction, access or a destination is unknown during preview, the check decides at pulumi up.",
    ],
    validate(check) {
        const aiNsgs = new Set(check.resources.filter((r) => r.type === nsgType && check.classification.isAi(r)));
        if (aiNsgs.size === 0) {
            return;
        }
        const expectedFor = (nsg: StackResource) =>
            `a specific address range, service tag or private endpoint range (NSG '${nsg.name}' is in the AI system)`;
        const failed = new Map<StackResource, Finding[]>();
        const undecided = new Map<StackResource, string>();
        const record = (subject: StackResource, v: Verdict) => {
            if (v.kind === "open") {
                failed.set(subject, [...(failed.get(subject) ?? []), v.finding]);
            } else if (v.kind === "undecided" && !undecided.has(subject)) {
                undecided.set(subject, v.path);
            }
        };

        const separateNames = new Map<StackResource, Set<string>>();
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
                    separateNames.set(nsg, new Set([...(separateNames.get(nsg) ?? []), name]));
                }
            }
            record(
                rule,
                judgeRule((p) => rule.get(p), "", expectedFor(nsg)),
            );
        }

        for (const nsg of aiNsgs) {
            const rules = nsg.get("securityRules");
            if (rules.state === "unknown") {
                record(nsg, { kind: "undecided", path: "securityRules" });
                continue;
            }
            const elements = arrayOf(rules) ?? [];
            const skip = separateNames.get(nsg) ?? new Set<string>();
            elements.forEach((rule, i) => {
                if (isUnknownSentinel(rule)) {
                    record(nsg, { kind: "undecided", path: `securityRules[${i}]` });
                    return;
                }
                const name = knownString(field(rule, "name"));
                if (name === undefined || !skip.has(name)) {
                    record(
                        nsg,
                        judgeRule((p) => field(rule, p), `securityRules[${i}].`, expectedFor(nsg)),
                    );
                }
            });
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
