// Allow rules that open NSGs of the AI system to the internet, inbound or outbound: the shared
// judgement of ai-nsg-no-internet-inbound and ai-nsg-egress-restricted.
import type { Finding, StackCheck, StackResource } from "../core/definition";
import { arrayOf, describe, equalsIgnoreCase, field, isUnknownSentinel, type Value } from "../core/values";

export const nsgType = "azure-native:network:NetworkSecurityGroup";
export const ruleType = "azure-native:network:SecurityRule";

/** Addresses that mean "anyone on the internet", as Azure spells them (compared case-insensitively). */
export const openAddresses: readonly string[] = ["*", "Internet", "Any", "0.0.0.0/0", "::/0"];

function isOpenAddress(v: unknown): boolean {
    return typeof v === "string" && openAddresses.some((s) => s.toLowerCase() === v.trim().toLowerCase());
}

type RuleVerdict =
    | { readonly kind: "closed" }
    | { readonly kind: "open"; readonly finding: Finding }
    | { readonly kind: "undecided"; readonly path: string };

/**
 * Evaluates one rule. `read` reads a rule property, `prefix` is how the user writes the path to the rule
 * (empty for a SecurityRule resource, `securityRules[0].` for an inline rule).
 */
function evaluateRule(
    read: (path: string) => Value,
    prefix: string,
    expected: string,
    direction: NsgDirection,
): RuleVerdict {
    const side = direction === "Inbound" ? "source" : "destination";
    let pending: string | undefined;
    for (const [name, wanted] of [
        ["direction", direction],
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
    let unknownAddress: string | undefined;
    const single = read(`${side}AddressPrefix`);
    if (single.state === "unknown") {
        unknownAddress = `${prefix}${side}AddressPrefix`;
    } else if (single.state === "known" && isOpenAddress(single.value)) {
        finding = { setting: `${prefix}${side}AddressPrefix`, found: describe(single), expected };
    }
    const many = read(`${side}AddressPrefixes`);
    if (many.state === "unknown") {
        unknownAddress ??= `${prefix}${side}AddressPrefixes`;
    }
    const elements = arrayOf(many) ?? [];
    for (let i = 0; i < elements.length && finding === undefined; i++) {
        const element = elements[i];
        if (isUnknownSentinel(element)) {
            unknownAddress ??= `${prefix}${side}AddressPrefixes[${i}]`;
        } else if (isOpenAddress(element)) {
            finding = {
                setting: `${prefix}${side}AddressPrefixes[${i}]`,
                found: describe({ state: "known", value: element }),
                expected,
            };
        }
    }

    if (finding !== undefined) {
        return pending !== undefined ? { kind: "undecided", path: pending } : { kind: "open", finding };
    }
    if (unknownAddress !== undefined) {
        return { kind: "undecided", path: pending ?? unknownAddress };
    }
    return { kind: "closed" };
}

function knownString(v: Value): string | undefined {
    return v.state === "known" && typeof v.value === "string" ? v.value : undefined;
}

export type NsgDirection = "Inbound" | "Outbound";

/**
 * Reports every Allow rule in `direction` whose source (inbound) or destination (outbound) is the
 * internet, on NSGs the classification puts in the AI system: separate SecurityRule resources (linked
 * through networkSecurityGroupName) on the rule, inline securityRules on the NSG. `allowed` says what
 * the address should be instead.
 */
export function judgeOpenNsgRules(check: StackCheck<unknown>, direction: NsgDirection, allowed: string): void {
    const aiNsgs = new Set(check.resources.filter((r) => r.type === nsgType && check.classification.isAi(r)));
    if (aiNsgs.size === 0) {
        return;
    }
    const expectedFor = (nsg: StackResource) => {
        const reason = check.classification.reason(nsg);
        return `${allowed} (NSG '${nsg.name}' is in the AI system${reason ? `: ${reason}` : ""})`;
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
            evaluateRule((p) => rule.get(p), "", expectedFor(nsg), direction),
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
                evaluateRule((p) => field(rule, p), `securityRules[${i}].`, expectedFor(nsg), direction),
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
}
