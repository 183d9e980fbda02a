import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PackSession } from "../../../../harness/engine";
import type { WireObject } from "../../../../harness/model";
import { evaluate, openPack, resource, secret, unknown } from "../../../../tests/support/pack";

const type = "azure-native:cognitiveservices:RaiPolicy";
const id = "rai-policy-strict";
const base = { resourceGroupName: "rg", accountName: "aoai", raiPolicyName: "strict" };

function harm(name: string, source: string, extra: WireObject = {}): WireObject {
    return { name, source, enabled: true, blocking: true, severityThreshold: "Medium", ...extra };
}
const strictFilters: WireObject[] = [
    ...["Hate", "Sexual", "Violence", "Selfharm"].flatMap((n) => [harm(n, "Prompt"), harm(n, "Completion")]),
    { name: "Jailbreak", source: "Prompt", enabled: true, blocking: true },
];
/** The strict filter list with the entry at `index` replaced (or removed when `entry` is undefined). */
function filtersWith(index: number, entry?: WireObject) {
    const copy = [...strictFilters];
    if (entry) {
        copy[index] = entry;
    } else {
        copy.splice(index, 1);
    }
    return copy;
}
function policy(properties: unknown): WireObject {
    return { ...base, properties } as WireObject;
}

let pack: PackSession;
beforeAll(async () => {
    pack = await openPack();
});
afterAll(async () => {
    await pack?.close();
});

describe(id, () => {
    it("passes a strict policy and flags weakened or missing filters", async () => {
        const r = await evaluate(pack, id, [
            resource(
                type,
                "pass-strict",
                policy({ basePolicyName: "Microsoft.DefaultV2", contentFilters: strictFilters }),
            ),
            resource(type, "pass-blocking-mode", policy({ mode: "blocking", contentFilters: strictFilters })),
            resource(
                type,
                "pass-low-and-names",
                policy({
                    contentFilters: filtersWith(6, harm("Self-harm", "prompt", { severityThreshold: "low" })).concat([
                        harm("SelfHarm", "Completion", { severityThreshold: "Low" }),
                    ]),
                }),
            ),
            resource(
                type,
                "pass-action-blocking",
                policy({
                    contentFilters: filtersWith(0, {
                        name: "Hate",
                        source: "Prompt",
                        enabled: true,
                        action: "BLOCKING",
                        severityThreshold: "Medium",
                    }),
                }),
            ),
            resource(type, "fail-no-filters", policy({ mode: "Default" })),
            resource(type, "fail-no-properties", base),
            resource(
                type,
                "fail-high",
                policy({ contentFilters: filtersWith(0, harm("Hate", "Prompt", { severityThreshold: "High" })) }),
            ),
            resource(
                type,
                "fail-not-blocking",
                policy({ contentFilters: filtersWith(3, harm("Sexual", "Completion", { blocking: false })) }),
            ),
            resource(
                type,
                "fail-disabled",
                policy({ contentFilters: filtersWith(4, harm("Violence", "Prompt", { enabled: false })) }),
            ),
            resource(type, "fail-no-jailbreak", policy({ contentFilters: filtersWith(8) })),
            resource(type, "fail-no-completion-hate", policy({ contentFilters: filtersWith(1) })),
            resource(type, "fail-deferred", policy({ mode: "Deferred", contentFilters: strictFilters })),
            resource(
                type,
                "fail-annotating",
                policy({ contentFilters: filtersWith(0, harm("Hate", "Prompt", { action: "ANNOTATING" })) }),
            ),
            resource(
                type,
                "fail-no-threshold",
                policy({
                    contentFilters: filtersWith(2, { name: "Sexual", source: "Prompt", enabled: true, blocking: true }),
                }),
            ),
        ]);
        expect(r.violating).toEqual([
            "fail-annotating",
            "fail-deferred",
            "fail-disabled",
            "fail-high",
            "fail-no-completion-hate",
            "fail-no-filters",
            "fail-no-jailbreak",
            "fail-no-properties",
            "fail-no-threshold",
            "fail-not-blocking",
        ]);
        expect(r.clean).toEqual(["pass-action-blocking", "pass-blocking-mode", "pass-low-and-names", "pass-strict"]);
        expect(r.undecided).toEqual([]);
        expect(r.diagnostics.every((d) => d.enforcementLevel === "mandatory" && d.severity === "high")).toBe(true);
    });

    it("names the filter, the found value, the expected value and the fix", async () => {
        const r = await evaluate(pack, id, [
            resource(
                type,
                "fail-high",
                policy({ contentFilters: filtersWith(0, harm("Hate", "Prompt", { severityThreshold: "High" })) }),
            ),
            resource(type, "fail-no-jailbreak", policy({ contentFilters: filtersWith(8) })),
            resource(type, "fail-deferred", policy({ mode: "Deferred", contentFilters: strictFilters })),
        ]);
        expect(r.messages("fail-high")).toEqual([
            expect.stringMatching(
                /^RaiPolicy 'fail-high': properties\.contentFilters\[0\]\.severityThreshold is "High"; expected "Medium" or lower\. Fix: /,
            ),
        ]);
        expect(r.messages("fail-no-jailbreak")).toEqual([
            expect.stringMatching(
                /^RaiPolicy 'fail-no-jailbreak': properties\.contentFilters \(Jailbreak, Prompt\) is missing; expected enabled and blocking\. Fix: /,
            ),
        ]);
        expect(r.messages("fail-deferred")).toEqual([
            expect.stringMatching(/properties\.mode is "Deferred"; expected "Default" or "Blocking"\./),
        ]);
    });

    it("takes the severity threshold, modes and required filters from the policy config", async () => {
        const fixtures = [
            resource(type, "medium", policy({ contentFilters: strictFilters })),
            resource(
                type,
                "high",
                policy({ contentFilters: filtersWith(0, harm("Hate", "Prompt", { severityThreshold: "High" })) }),
            ),
            resource(type, "deferred", policy({ mode: "Deferred", contentFilters: strictFilters })),
        ];
        const lenient = await evaluate(pack, id, fixtures, {
            properties: { maxSeverityThreshold: "High", allowedModes: ["Default", "Deferred"] },
        });
        expect(lenient.violating).toEqual([]);
        const strictest = await evaluate(pack, id, fixtures, {
            properties: { maxSeverityThreshold: "Low", promptShields: ["Jailbreak", "Indirect Attack"] },
        });
        expect(strictest.violating).toEqual(["deferred", "high", "medium"]);
        expect(strictest.messages("medium").join("\n")).toContain("(Indirect Attack, Prompt) is missing");
    });

    it("leaves unknown values to pulumi up, unless something else already fails", async () => {
        const r = await evaluate(pack, id, [
            resource(type, "unknown-list", policy({ contentFilters: unknown })),
            resource(type, "unknown-bag", policy(unknown)),
            resource(type, "unknown-mode", policy({ mode: unknown, contentFilters: strictFilters })),
            resource(
                type,
                "unknown-threshold",
                policy({ contentFilters: filtersWith(0, harm("Hate", "Prompt", { severityThreshold: unknown })) }),
            ),
            resource(
                type,
                "unknown-name",
                policy({
                    contentFilters: filtersWith(8, { name: unknown, source: "Prompt", enabled: true, blocking: true }),
                }),
            ),
            resource(
                type,
                "unknown-and-failing",
                policy({ mode: unknown, contentFilters: filtersWith(0, harm("Hate", "Prompt", { blocking: false })) }),
            ),
        ]);
        expect(r.undecided).toEqual([
            "unknown-bag",
            "unknown-list",
            "unknown-mode",
            "unknown-name",
            "unknown-threshold",
        ]);
        expect(r.violating).toEqual(["unknown-and-failing"]);
        expect(r.diagnostics.filter((d) => d.undecided).every((d) => d.enforcementLevel === "advisory")).toBe(true);
    });

    it("decides on secret values without printing them", async () => {
        const r = await evaluate(pack, id, [
            resource(
                type,
                "secret-high",
                policy({
                    contentFilters: filtersWith(0, harm("Hate", "Prompt", { severityThreshold: secret("High") })),
                }),
            ),
            resource(type, "secret-list", policy({ contentFilters: secret(strictFilters) })),
            resource(
                type,
                "secret-mode",
                policy({ mode: secret("Asynchronous_filter"), contentFilters: strictFilters }),
            ),
        ]);
        expect(r.violating).toEqual(["secret-high", "secret-mode"]);
        expect(r.clean).toEqual(["secret-list"]);
        expect(r.messages("secret-high").join("")).not.toContain('High"');
        expect(r.messages("secret-mode").join("")).not.toContain("Asynchronous_filter");
    });

    it("does not throw on values of the wrong type", async () => {
        const r = await evaluate(pack, id, [
            resource(type, "list-string", policy({ contentFilters: "Hate" })),
            resource(type, "list-object", policy({ contentFilters: { name: "Hate" } })),
            resource(type, "elements-odd", policy({ contentFilters: [null, 1, "x", [], ...strictFilters] })),
            resource(
                type,
                "fields-odd",
                policy({
                    contentFilters: filtersWith(0, {
                        name: 1,
                        source: null,
                        enabled: "true",
                        blocking: 1,
                        severityThreshold: 2,
                    }),
                }),
            ),
            resource(type, "mode-number", policy({ mode: 3, contentFilters: strictFilters })),
            resource(type, "bag-null", policy(null)),
            resource(
                type,
                "threshold-free-text",
                policy({
                    contentFilters: filtersWith(0, harm("Hate", "Prompt", { severityThreshold: "my-custom-level" })),
                }),
            ),
        ]);
        expect(r.violating).toEqual([
            "bag-null",
            "fields-odd",
            "list-object",
            "list-string",
            "mode-number",
            "threshold-free-text",
        ]);
        expect(r.clean).toEqual(["elements-odd"]);
        expect(r.messages("threshold-free-text").join("")).toContain('severityThreshold is "my-custom-level"');
    });
});
