import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PackSession } from "../../../../harness/engine";
import type { WireValue } from "../../../../harness/model";
import { evaluate, openPack, resource, secret, unknown } from "../../../../tests/support/pack";

const type = "aws:bedrock/guardrail:Guardrail";
const id = "bedrock-guardrail-contextual-grounding";
const messaging = { blockedInputMessaging: "Blocked.", blockedOutputsMessaging: "Blocked." };
const guardrail = (name: string, filtersConfigs?: WireValue) =>
    resource(
        type,
        name,
        filtersConfigs === undefined
            ? messaging
            : { ...messaging, contextualGroundingPolicyConfig: { filtersConfigs } },
    );
const f = (t: WireValue, threshold: WireValue) => ({ type: t, threshold });

let pack: PackSession;
beforeAll(async () => {
    pack = await openPack();
});
afterAll(async () => {
    await pack?.close();
});

describe(id, () => {
    it("flags guardrails without both grounding filters above zero and passes both", async () => {
        const r = await evaluate(pack, id, [
            guardrail("none"),
            guardrail("empty", []),
            guardrail("grounding-only", [f("GROUNDING", 0.7)]),
            guardrail("zero", [f("GROUNDING", 0.7), f("RELEVANCE", 0)]),
            guardrail("good", [f("GROUNDING", 0.7), f("RELEVANCE", 0.5)]),
        ]);
        expect(r.violating).toEqual(["empty", "grounding-only", "none", "zero"]);
        expect(r.clean).toEqual(["good"]);
        expect(r.undecided).toEqual([]);
        expect(r.diagnostics.every((d) => d.enforcementLevel === "advisory" && d.severity === "medium")).toBe(true);
    });

    it("names the setting, what was found, what is expected and the fix", async () => {
        const r = await evaluate(pack, id, [
            guardrail("none"),
            guardrail("zero", [f("GROUNDING", 0.7), f("RELEVANCE", 0)]),
        ]);
        expect(r.messages("none")).toEqual([
            expect.stringMatching(
                /^Guardrail 'none': contextualGroundingPolicyConfig\.filtersConfigs is not set \(no contextual grounding check\); expected GROUNDING and RELEVANCE filters with threshold above 0\. Fix: Add contextualGroundingPolicyConfig/,
            ),
        ]);
        expect(r.messages("zero")).toEqual([
            expect.stringContaining(
                "contextualGroundingPolicyConfig.filtersConfigs[1].threshold is 0; expected above 0.",
            ),
        ]);
    });

    it("takes the minimum threshold from the policy config", async () => {
        const r = await evaluate(
            pack,
            id,
            [
                guardrail("loose", [f("GROUNDING", 0.7), f("RELEVANCE", 0.3)]),
                guardrail("tight", [f("GROUNDING", 0.8), f("RELEVANCE", 0.75)]),
            ],
            { properties: { minimumThreshold: 0.7 } },
        );
        expect(r.violating).toEqual(["loose"]);
        expect(r.clean).toEqual(["tight"]);
        expect(r.messages("loose")[0]).toContain("threshold is 0.3; expected at least 0.7.");
    });

    it("leaves unknown lists, types and thresholds to pulumi up", async () => {
        const r = await evaluate(pack, id, [
            guardrail("list", unknown),
            resource(type, "policy", { ...messaging, contextualGroundingPolicyConfig: unknown }),
            guardrail("type", [f("GROUNDING", 0.7), f(unknown, 0.7)]),
            guardrail("threshold", [f("GROUNDING", unknown), f("RELEVANCE", 0.7)]),
            guardrail("known-bad-wins", [f("GROUNDING", unknown), f("RELEVANCE", 0)]),
        ]);
        expect(r.undecided).toEqual(["list", "policy", "threshold", "type"]);
        expect(r.violating).toEqual(["known-bad-wins"]);
    });

    it("decides on secret values without printing them", async () => {
        const r = await evaluate(pack, id, [
            guardrail("secret-good", [f("GROUNDING", secret(0.7)), f("RELEVANCE", 0.7)]),
            guardrail("secret-bad", [f("GROUNDING", secret(0.123)), f("RELEVANCE", 0.7)]),
        ]);
        expect(r.clean).toEqual(["secret-bad", "secret-good"]);
        expect(r.violating).toEqual([]);
        const strict = await evaluate(
            pack,
            id,
            [guardrail("secret-bad", [f("GROUNDING", secret(0.123)), f("RELEVANCE", 0.7)])],
            { properties: { minimumThreshold: 0.5 } },
        );
        expect(strict.violating).toEqual(["secret-bad"]);
        expect(strict.messages("secret-bad").join("")).not.toContain("0.123");
    });

    it("does not throw on values of the wrong type", async () => {
        const r = await evaluate(pack, id, [
            guardrail("string-list", "GROUNDING"),
            guardrail("null-elements", [null, 4, "x"]),
            guardrail("string-threshold", [f("GROUNDING", "0.7"), f("RELEVANCE", 0.7)]),
            guardrail("null-list", null),
        ]);
        expect(r.violating).toEqual(["null-elements", "null-list", "string-list", "string-threshold"]);
    });
});
