// The shared test of a settings policy: from its own data (the compliant example and each rule's
// violating and compliant values) it builds one resource per case, runs them all through the real
// pack once, and asserts each case's outcome: the bad value fails, the good value passes, a missing
// value follows the provider default, an unknown value waits for `pulumi up` (or counts as set),
// a secret is judged but never printed, and odd types never break the pack.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PackSession } from "../../harness/engine";
import type { WireObject, WireValue } from "../../harness/model";
import type { ResourcePolicyDefinition } from "../../policy-pack/core/definition";
import { parseMessage } from "../../policy-pack/core/message";
import { displayPath, type SettingRule } from "../../policy-pack/core/settings";
import {
    evaluate,
    type FixtureOptions,
    type FixtureResource,
    openPack,
    type PolicyOutcome,
    resource,
    secret,
    unknown,
} from "./pack";

type Expected = "violating" | "clean" | "undecided" | "no error";

interface Case {
    readonly title: string;
    readonly name: string;
    readonly inputs: WireObject;
    readonly expected: Expected;
    readonly mustNotPrint?: string;
}

/**
 * How the cases of a stack-scoped settings policy join the AI system when their type has no tags:
 * extra AI resources of the fixture, and the options that make each case reference them.
 */
export interface AiScope {
    readonly anchors: readonly FixtureResource[];
    readonly options: FixtureOptions;
}

type SettingsPolicy = Omit<ResourcePolicyDefinition<unknown>, "kind" | "validate"> & {
    readonly kind: "resource" | "stack";
    readonly settings: readonly SettingRule[];
    readonly compliantExample: Readonly<Record<string, WireValue>>;
};

const deleteMarker = Symbol("delete");

/** Copies `obj` with `path` (dots; `[]` means element 0) set to `value`, creating parents as needed. */
export function withValue(obj: WireObject, path: string, value: WireValue | typeof deleteMarker): WireObject {
    const copy = structuredClone(obj) as WireObject;
    const segments = path.replace(/\[\]/g, ".0").split(".");
    let current: Record<string, WireValue> | WireValue[] = copy;
    for (let i = 0; i < segments.length - 1; i++) {
        const key = segments[i] as string;
        const nextIsIndex = /^\d+$/.test(segments[i + 1] as string);
        const container = current as Record<string, WireValue>;
        let next = container[key];
        if (next === undefined || next === null || typeof next !== "object") {
            next = nextIsIndex ? [] : {};
            container[key] = next;
        }
        current = next as Record<string, WireValue>;
    }
    const last = segments[segments.length - 1] as string;
    if (value === deleteMarker) {
        delete (current as Record<string, WireValue>)[last];
    } else {
        (current as Record<string, WireValue>)[last] = value;
    }
    return copy;
}

function slug(path: string): string {
    return path
        .replace(/\[\]/g, "")
        .replace(/[^A-Za-z0-9]+/g, "-")
        .toLowerCase();
}

function casesFor(policy: SettingsPolicy): Case[] {
    const base = policy.compliantExample as WireObject;
    const cases: Case[] = [
        { title: "passes the compliant example", name: "compliant-example", inputs: base, expected: "clean" },
    ];
    for (const rule of policy.settings) {
        const s = slug(rule.path);
        const at = (v: WireValue | typeof deleteMarker) => withValue(base, rule.path, v);
        const shown = displayPath(rule.path.replace(/\[\]/g, ".0"));
        cases.push(
            {
                title: `flags ${shown} = ${JSON.stringify(rule.examples.violating)}`,
                name: `${s}-violating`,
                inputs: at(rule.examples.violating),
                expected: "violating",
            },
            {
                title: `passes ${shown} = ${JSON.stringify(rule.examples.compliant)}`,
                name: `${s}-compliant`,
                inputs: at(rule.examples.compliant),
                expected: "clean",
            },
            {
                title:
                    rule.missing.verdict === "violation"
                        ? `flags a missing ${shown} (provider default ${rule.missing.providerDefault})`
                        : `passes a missing ${shown}`,
                name: `${s}-missing`,
                inputs: at(deleteMarker),
                expected: rule.missing.verdict === "violation" ? "violating" : "clean",
            },
            {
                title:
                    rule.expect.kind === "present"
                        ? `counts an unknown ${shown} as set`
                        : `leaves an unknown ${shown} to pulumi up`,
                name: `${s}-unknown`,
                inputs: at(unknown),
                expected: rule.expect.kind === "present" ? "clean" : "undecided",
            },
            {
                title: `judges a secret ${shown} without printing it`,
                name: `${s}-secret-violating`,
                inputs: at(secret(rule.examples.violating)),
                expected: "violating",
                ...(typeof rule.examples.violating === "string" && rule.examples.violating.length >= 3
                    ? { mustNotPrint: rule.examples.violating }
                    : {}),
            },
            {
                title: `passes a secret compliant ${shown}`,
                name: `${s}-secret-compliant`,
                inputs: at(secret(rule.examples.compliant)),
                expected: "clean",
            },
            {
                title: `does not break on a number at ${shown}`,
                name: `${s}-number`,
                inputs: at(12345),
                expected: "no error",
            },
            {
                title: `does not break on an object at ${shown}`,
                name: `${s}-object`,
                inputs: at({ odd: [1, "x"] }),
                expected: "no error",
            },
            { title: `does not break on null at ${shown}`, name: `${s}-null`, inputs: at(null), expected: "no error" },
        );
        if (rule.onlyIf) {
            const gate = rule.onlyIf.path;
            cases.push({
                title: `does not apply ${shown} when ${displayPath(gate)} is not set`,
                name: `${s}-not-applicable`,
                inputs: withValue(at(rule.examples.violating), gate, deleteMarker),
                expected: rule.missing.verdict === "violation" && gate === rule.path ? "violating" : "clean",
            });
        }
    }
    return cases;
}

/** The compliant example with the first rule violated and nothing that puts it in the AI system. */
function outsideAiSystem(policy: SettingsPolicy): WireObject {
    const rule = policy.settings[0] as SettingRule;
    const { tags: _tags, ...rest } = withValue(
        policy.compliantExample as WireObject,
        rule.path,
        rule.examples.violating,
    );
    return rest;
}

/**
 * Registers the shared cases for a settings policy, on each of its resource types. A policy scoped to
 * the AI system (a stack policy) also gets a violating resource outside the AI system, which must
 * pass; `scope` says how the other cases join the AI system when the type carries no tags.
 */
export function describeSettingsPolicy(policy: SettingsPolicy, scope?: AiScope): void {
    describe(policy.id, () => {
        let pack: PackSession;
        const outcomes = new Map<string, PolicyOutcome>();
        const cases = casesFor(policy);
        const scoped = policy.kind === "stack";
        if (scoped) {
            cases.push({
                title: "ignores a violating resource outside the AI system",
                name: "outside-ai-system",
                inputs: outsideAiSystem(policy),
                expected: "clean",
            });
        }
        const fixture = (type: string, c: Case): FixtureResource =>
            resource(type, c.name, c.inputs, c.name === "outside-ai-system" ? {} : (scope?.options ?? {}));

        beforeAll(async () => {
            pack = await openPack();
            for (const type of policy.resourceTypes) {
                outcomes.set(
                    type,
                    await evaluate(pack, policy.id, [...(scope?.anchors ?? []), ...cases.map((c) => fixture(type, c))]),
                );
            }
        });
        afterAll(async () => {
            await pack?.close();
        });

        for (const type of policy.resourceTypes) {
            for (const c of cases) {
                it(`${c.title}${policy.resourceTypes.length > 1 ? ` (${type})` : ""}`, () => {
                    const outcome = outcomes.get(type) as PolicyOutcome;
                    const where = outcome.violating.includes(c.name)
                        ? "violating"
                        : outcome.undecided.includes(c.name)
                          ? "undecided"
                          : "clean";
                    if (c.expected !== "no error") {
                        expect(where).toBe(c.expected);
                    }
                    for (const message of outcome.messages(c.name)) {
                        if (c.mustNotPrint) {
                            expect(message).not.toContain(c.mustNotPrint);
                        }
                        if (where === "violating") {
                            expect(parseMessage(message)?.findings.length ?? 0).toBeGreaterThan(0);
                        }
                    }
                });
            }
        }

        it("reports violations at the policy's severity and enforcement level", () => {
            for (const outcome of outcomes.values()) {
                for (const d of outcome.diagnostics.filter((x) => !x.undecided)) {
                    expect(d.severity).toBe(policy.severity);
                    expect(d.enforcementLevel).toBe(policy.enforcementLevel);
                }
            }
        });
    });
}
