import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PackSession } from "../../../../harness/engine";
import type { WireValue } from "../../../../harness/model";
import { evaluate, openPack, resource, secret, unknown } from "../../../../tests/support/pack";

const type = "aws:bedrock/guardrail:Guardrail";
const id = "bedrock-guardrail-content-filters";
const messaging = { blockedInputMessaging: "Blocked.", blockedOutputsMessaging: "Blocked." };
const categories = ["HATE", "INSULTS", "SEXUAL", "VIOLENCE", "MISCONDUCT"];
const filter = (t: string, extra: Record<string, WireValue> = {}) => ({
    type: t,
    inputStrength: "MEDIUM",
    outputStrength: "HIGH",
    ...extra,
});
const all = (override: Record<string, Record<string, WireValue>> = {}) =>
    categories.map((c) => filter(c, override[c] ?? {}));
const guardrail = (name: string, filtersConfigs: WireValue) =>
    resource(type, name, { ...messaging, contentPolicyConfig: { filtersConfigs } });

let pack: PackSession;
beforeAll(async () => {
    pack = await openPack();
});
afterAll(async () => {
    await pack?.close();
});

describe(id, () => {
    it("flags missing, weak, disabled or detect-only category filters and passes a complete set", async () => {
        const r = await evaluate(pack, id, [
            resource(type, "no-content-policy", messaging),
            guardrail("empty", []),
            guardrail("no-misconduct", all().slice(0, 4)),
            guardrail("low-hate", all({ HATE: { inputStrength: "LOW" } })),
            guardrail("none-output", all({ SEXUAL: { outputStrength: "NONE" } })),
            guardrail("output-disabled", all({ VIOLENCE: { outputEnabled: false } })),
            guardrail("detect-only", all({ INSULTS: { inputAction: "NONE" } })),
            guardrail("good", [...all(), filter("PROMPT_ATTACK", { inputStrength: "HIGH", outputStrength: "NONE" })]),
            guardrail(
                "good-explicit",
                all({ HATE: { inputEnabled: true, outputEnabled: true, inputAction: "BLOCK", outputAction: "BLOCK" } }),
            ),
        ]);
        expect(r.violating).toEqual([
            "detect-only",
            "empty",
            "low-hate",
            "no-content-policy",
            "no-misconduct",
            "none-output",
            "output-disabled",
        ]);
        expect(r.clean).toEqual(["good", "good-explicit"]);
        expect(r.undecided).toEqual([]);
        expect(r.diagnostics.every((d) => d.enforcementLevel === "mandatory" && d.severity === "high")).toBe(true);
    });

    it("reports each failing setting with what was found, what is expected and the fix", async () => {
        const r = await evaluate(pack, id, [
            resource(type, "missing", messaging),
            guardrail("two-problems", all({ HATE: { inputStrength: "LOW" } }).slice(0, 4)),
        ]);
        expect(r.messages("missing")).toEqual([
            expect.stringMatching(
                /^Guardrail 'missing': contentPolicyConfig\.filtersConfigs is not set \(no content filters\); expected filters for HATE, INSULTS, SEXUAL, VIOLENCE, MISCONDUCT with inputStrength and outputStrength "MEDIUM" or stronger\. Fix: In contentPolicyConfig/,
            ),
        ]);
        // Several weak filters make one finding on the guardrail, listing each.
        expect(r.messages("two-problems")).toEqual([
            expect.stringContaining(
                `Guardrail 'two-problems': contentPolicyConfig.filtersConfigs is not strict enough ([0].inputStrength "LOW", no MISCONDUCT filter); expected filters for HATE, INSULTS, SEXUAL, VIOLENCE, MISCONDUCT with inputStrength and outputStrength "MEDIUM" or stronger.`,
            ),
        ]);
    });

    it("takes the minimum strength and the categories from the policy config", async () => {
        const fixture = [
            guardrail("medium-everywhere", all({ HATE: { outputStrength: "MEDIUM" } })),
            guardrail(
                "high-everywhere",
                all({ HATE: { inputStrength: "HIGH" } }).map((f) => ({
                    ...f,
                    inputStrength: "HIGH",
                    outputStrength: "HIGH",
                })),
            ),
            guardrail("only-hate", [filter("HATE", { inputStrength: "LOW", outputStrength: "LOW" })]),
        ];
        const strict = await evaluate(pack, id, fixture, { properties: { minimumStrength: "HIGH" } });
        expect(strict.violating).toEqual(["medium-everywhere", "only-hate"]);
        expect(strict.clean).toEqual(["high-everywhere"]);
        const narrow = await evaluate(pack, id, fixture, {
            properties: { minimumStrength: "LOW", categories: ["HATE"] },
        });
        expect(narrow.violating).toEqual([]);
        expect(narrow.clean).toEqual(["high-everywhere", "medium-everywhere", "only-hate"]);
    });

    it("leaves unknown filter lists, types and strengths to pulumi up", async () => {
        const r = await evaluate(pack, id, [
            guardrail("list", unknown),
            resource(type, "policy", { ...messaging, contentPolicyConfig: unknown }),
            guardrail("type", [...all().slice(0, 4), { type: unknown, inputStrength: "HIGH", outputStrength: "HIGH" }]),
            guardrail("strength", all({ VIOLENCE: { outputStrength: unknown } })),
            guardrail(
                "known-bad-wins",
                all({ VIOLENCE: { outputStrength: unknown }, HATE: { inputStrength: "NONE" } }),
            ),
        ]);
        expect(r.undecided).toEqual(["list", "policy", "strength", "type"]);
        expect(r.violating).toEqual(["known-bad-wins"]);
        expect(r.diagnostics.filter((d) => d.undecided).every((d) => d.enforcementLevel === "advisory")).toBe(true);
    });

    it("decides on secret values without printing them", async () => {
        const r = await evaluate(pack, id, [
            guardrail("secret-good", all({ HATE: { inputStrength: secret("HIGH") } })),
            guardrail("secret-bad", all({ HATE: { inputStrength: secret("LOW") } })),
            guardrail("secret-list", secret(all())),
        ]);
        expect(r.violating).toEqual(["secret-bad"]);
        expect(r.clean).toEqual(["secret-good", "secret-list"]);
        expect(r.messages("secret-bad").join("")).not.toContain('"LOW"');
    });

    it("does not throw on values of the wrong type", async () => {
        const r = await evaluate(pack, id, [
            guardrail("string-list", "HATE"),
            guardrail("null-elements", [null, 7, "x", { type: 5 }]),
            guardrail("number-strength", all({ HATE: { inputStrength: 3 } })),
            guardrail("string-enabled", all({ HATE: { outputEnabled: "yes" } })),
            resource(type, "string-policy", { ...messaging, contentPolicyConfig: "strict" }),
            guardrail("good", all()),
        ]);
        expect(r.violating).toEqual([
            "null-elements",
            "number-strength",
            "string-enabled",
            "string-list",
            "string-policy",
        ]);
        expect(r.clean).toEqual(["good"]);
    });
});
