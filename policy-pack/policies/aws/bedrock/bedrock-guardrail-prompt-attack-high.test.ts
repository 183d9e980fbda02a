import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PackSession } from "../../../../harness/engine";
import type { WireValue } from "../../../../harness/model";
import { evaluate, openPack, resource, secret, unknown } from "../../../../tests/support/pack";

const type = "aws:bedrock/guardrail:Guardrail";
const id = "bedrock-guardrail-prompt-attack-high";
const messaging = { blockedInputMessaging: "Blocked.", blockedOutputsMessaging: "Blocked." };
const hate = { type: "HATE", inputStrength: "HIGH", outputStrength: "HIGH" };
const attack = (extra: Record<string, WireValue> = {}) => ({
    type: "PROMPT_ATTACK",
    inputStrength: "HIGH",
    outputStrength: "NONE",
    ...extra,
});
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
    it("flags guardrails without a blocking HIGH prompt attack filter and passes one with it", async () => {
        const r = await evaluate(pack, id, [
            resource(type, "no-content-policy", messaging),
            guardrail("empty", []),
            guardrail("only-hate", [hate]),
            guardrail("medium", [hate, attack({ inputStrength: "MEDIUM" })]),
            guardrail("disabled", [attack({ inputEnabled: false })]),
            guardrail("detect-only", [attack({ inputAction: "NONE" })]),
            guardrail("good", [hate, attack()]),
            guardrail("good-explicit", [attack({ inputEnabled: true, inputAction: "BLOCK" })]),
            guardrail("one-good-of-two", [attack({ inputStrength: "LOW" }), attack()]),
        ]);
        expect(r.violating).toEqual(["detect-only", "disabled", "empty", "medium", "no-content-policy", "only-hate"]);
        expect(r.clean).toEqual(["good", "good-explicit", "one-good-of-two"]);
        expect(r.undecided).toEqual([]);
        expect(r.diagnostics.every((d) => d.enforcementLevel === "mandatory" && d.severity === "high")).toBe(true);
    });

    it("names the setting, what was found, what is expected and the fix", async () => {
        const r = await evaluate(pack, id, [
            resource(type, "missing", messaging),
            guardrail("medium", [hate, attack({ inputStrength: "MEDIUM" })]),
            guardrail("only-hate", [hate]),
        ]);
        expect(r.messages("missing")).toEqual([
            expect.stringMatching(
                /^Guardrail 'missing': contentPolicyConfig\.filtersConfigs is not set \(no content filters\); expected a filter with type "PROMPT_ATTACK" and inputStrength "HIGH"\. Fix: Add to contentPolicyConfig/,
            ),
        ]);
        expect(r.messages("medium")).toEqual([
            expect.stringMatching(
                /^Guardrail 'medium': contentPolicyConfig\.filtersConfigs\[1\]\.inputStrength is "MEDIUM"; expected "HIGH"\./,
            ),
        ]);
        expect(r.messages("only-hate")[0]).toContain("filtersConfigs is without a PROMPT_ATTACK filter");
    });

    it("leaves unknown filter lists, types and strengths to pulumi up", async () => {
        const r = await evaluate(pack, id, [
            guardrail("list", unknown),
            resource(type, "policy", { ...messaging, contentPolicyConfig: unknown }),
            guardrail("type", [hate, { type: unknown, inputStrength: "HIGH", outputStrength: "NONE" }]),
            guardrail("strength", [attack({ inputStrength: unknown })]),
            guardrail("known-bad-wins", [attack({ inputStrength: "LOW", inputAction: unknown })]),
            guardrail("known-good-wins", [{ type: unknown }, attack()]),
        ]);
        expect(r.undecided).toEqual(["list", "policy", "strength", "type"]);
        expect(r.violating).toEqual(["known-bad-wins"]);
        expect(r.clean).toEqual(["known-good-wins"]);
        expect(r.diagnostics.filter((d) => d.undecided).every((d) => d.enforcementLevel === "advisory")).toBe(true);
    });

    it("decides on secret values without printing them", async () => {
        const r = await evaluate(pack, id, [
            guardrail("secret-good", [attack({ inputStrength: secret("HIGH") })]),
            guardrail("secret-bad", [attack({ inputStrength: secret("MEDIUM") })]),
            guardrail("secret-list", secret([attack()])),
        ]);
        expect(r.violating).toEqual(["secret-bad"]);
        expect(r.clean).toEqual(["secret-good", "secret-list"]);
        expect(r.messages("secret-bad").join("")).not.toContain("MEDIUM");
    });

    it("does not throw on values of the wrong type", async () => {
        const r = await evaluate(pack, id, [
            guardrail("string-list", "PROMPT_ATTACK"),
            guardrail("null-elements", [null, 7, "x", { type: 5 }]),
            guardrail("number-strength", [attack({ inputStrength: 3 })]),
            guardrail("string-enabled", [attack({ inputEnabled: "yes" })]),
            resource(type, "string-policy", { ...messaging, contentPolicyConfig: "strict" }),
            guardrail("null-list", null),
        ]);
        expect(r.violating).toEqual([
            "null-elements",
            "null-list",
            "number-strength",
            "string-enabled",
            "string-list",
            "string-policy",
        ]);
    });
});
