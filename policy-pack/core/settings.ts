// Checks that are data: "on resources of these types, these settings must have these values".
// Most catalog checks are of this shape; writing them as a table keeps the semantics (missing means
// the provider default, unknown means decide at `up`, odd types never throw) in one place, and
// lets one shared test drive every rule through the pack.

import type { ResourcePolicyDefinition, Subject } from "./definition";
import { describe, readPath, type Value } from "./values";

/** A JSON value as it appears in resource inputs. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export type Expectation =
    /** Equal to one of the values; strings compare case-insensitively (Azure sends both casings). */
    | { readonly kind: "oneOf"; readonly values: readonly (string | boolean | number)[] }
    /** Any value except these; a missing value passes unless `missing` says otherwise. */
    | { readonly kind: "noneOf"; readonly values: readonly (string | boolean | number)[] }
    /** Set to a non-empty string, list or object. Unknown counts as set: it is usually another resource's id. */
    | { readonly kind: "present" }
    /** A number at or above `min`, or at or above the policy config property `configKey` when given. */
    | { readonly kind: "atLeast"; readonly min: number; readonly configKey?: string };

export interface SettingRule {
    /** Input path; `[]` marks "every element of this list", e.g. `containers[].imageConfig.repositoryAccessMode`. */
    readonly path: string;
    readonly expect: Expectation;
    /** What an unset value means: the provider default, insecure (a violation) or not. */
    readonly missing:
        | { readonly verdict: "violation"; readonly providerDefault: string }
        | { readonly verdict: "compliant" };
    /** Values that show this rule failing and passing, used by the shared test. */
    readonly examples: { readonly violating: JsonValue; readonly compliant: JsonValue };
    /** The rule applies only when this path holds one of these values (or, with `present`, any value). */
    readonly onlyIf?: { readonly path: string; readonly oneOf?: readonly (string | boolean)[] };
}

export interface SettingsPolicyDefinition<C = Record<string, never>>
    extends Omit<ResourcePolicyDefinition<C>, "kind" | "validate"> {
    readonly settings: readonly SettingRule[];
    /** Compliant inputs of one resource: the baseline the shared test mutates one rule at a time. */
    readonly compliantExample: Readonly<Record<string, JsonValue>>;
    /** Resources the checks do not apply to (for example Azure ML `kind: project` workspaces). */
    readonly skip?: (resource: Subject) => boolean;
}

function matches(value: unknown, candidates: readonly (string | boolean | number)[]): boolean {
    return candidates.some((c) =>
        typeof c === "string" && typeof value === "string" ? c.toLowerCase() === value.toLowerCase() : c === value,
    );
}

function quoted(v: string | boolean | number): string {
    return typeof v === "string" ? `"${v}"` : String(v);
}

export function expectationText(e: Expectation, threshold?: number): string {
    switch (e.kind) {
        case "oneOf":
            return e.values.map(quoted).join(" or ");
        case "noneOf":
            return `not ${e.values.map(quoted).join(" or ")}`;
        case "present":
            return "set";
        case "atLeast":
            return `at least ${threshold ?? e.min}`;
    }
}

type Outcome = "pass" | "fail" | "unknown";

function judge(v: Value, rule: SettingRule, threshold: number | undefined): Outcome {
    if (v.state === "unknown") {
        return rule.expect.kind === "present" ? "pass" : "unknown";
    }
    if (v.state === "missing") {
        return rule.missing.verdict === "violation" ? "fail" : "pass";
    }
    const value = v.value;
    switch (rule.expect.kind) {
        case "oneOf":
            return matches(value, rule.expect.values) ? "pass" : "fail";
        case "noneOf":
            return matches(value, rule.expect.values) ? "fail" : "pass";
        case "present":
            if (typeof value === "string") {
                return value.trim() === "" ? "fail" : "pass";
            }
            if (Array.isArray(value)) {
                return value.length === 0 ? "fail" : "pass";
            }
            return typeof value === "object" ? "pass" : "fail";
        case "atLeast":
            return typeof value === "number" && value >= (threshold ?? rule.expect.min) ? "pass" : "fail";
    }
}

/** Expands `a[].b` into the concrete paths of the known elements; a list that is unknown stays one path. */
function expand(subject: Subject, path: string): { paths: string[]; unknownList?: string } {
    const at = path.indexOf("[]");
    if (at < 0) {
        return { paths: [path] };
    }
    const listPath = path.slice(0, at);
    const rest = path.slice(at + 3);
    const list = subject.get(listPath);
    if (list.state === "unknown") {
        return { paths: [], unknownList: listPath };
    }
    if (list.state !== "known" || !Array.isArray(list.value)) {
        return { paths: [] };
    }
    const out: string[] = [];
    let unknownList: string | undefined;
    list.value.forEach((_, i) => {
        const inner = expand(subject, rest ? `${listPath}.${i}.${rest}` : `${listPath}.${i}`);
        out.push(...inner.paths);
        unknownList ??= inner.unknownList;
    });
    return { paths: out, ...(unknownList ? { unknownList } : {}) };
}

/** `a.0.b` back to the way users write it, `a[0].b`. */
export function displayPath(path: string): string {
    return path.replace(/\.(\d+)(?=\.|$)/g, "[$1]");
}

function applies(subject: Subject, rule: SettingRule): boolean | "unknown" {
    if (!rule.onlyIf) {
        return true;
    }
    const v = subject.get(rule.onlyIf.path);
    if (v.state === "unknown") {
        return "unknown";
    }
    if (v.state === "missing") {
        return false;
    }
    return rule.onlyIf.oneOf ? matches(v.value, rule.onlyIf.oneOf) : true;
}

export function defineSettingsPolicy<C extends Record<string, unknown> = Record<string, never>>(
    def: SettingsPolicyDefinition<C>,
): ResourcePolicyDefinition<C> & {
    readonly settings: readonly SettingRule[];
    readonly compliantExample: Readonly<Record<string, JsonValue>>;
} {
    const { skip, ...info } = def;
    return {
        kind: "resource",
        ...info,
        validate(subject, check) {
            if (skip?.(subject)) {
                return;
            }
            // Every failing setting and every unknown value is reported; the verdict model decides.
            const config = check.config as Record<string, unknown>;
            for (const rule of def.settings) {
                const applicable = applies(subject, rule);
                if (applicable === "unknown") {
                    check.undecided(rule.onlyIf?.path ?? rule.path);
                    continue;
                }
                if (!applicable) {
                    continue;
                }
                const configured =
                    rule.expect.kind === "atLeast" && rule.expect.configKey ? config[rule.expect.configKey] : undefined;
                const threshold = typeof configured === "number" ? configured : undefined;
                const { paths, unknownList } = expand(subject, rule.path);
                if (unknownList) {
                    check.undecided(unknownList);
                }
                for (const path of paths) {
                    const v = subject.get(path);
                    const outcome = judge(v, rule, threshold);
                    if (outcome === "unknown") {
                        check.undecided(path);
                    } else if (outcome === "fail") {
                        check.fail({
                            setting: displayPath(path),
                            found:
                                v.state === "missing" && rule.missing.verdict === "violation"
                                    ? `not set (provider default ${rule.missing.providerDefault})`
                                    : describe(v),
                            expected: expectationText(rule.expect, threshold),
                        });
                    }
                }
            }
        },
    };
}

export function isSettingsPolicy(p: unknown): p is ResourcePolicyDefinition<unknown> & {
    settings: readonly SettingRule[];
    compliantExample: Readonly<Record<string, JsonValue>>;
} {
    return typeof p === "object" && p !== null && Array.isArray((p as { settings?: unknown }).settings);
}

/** Reads a rule's path from a plain example object (used by docs and tests). */
export function exampleValue(example: unknown, path: string): Value {
    return readPath(example, path);
}
