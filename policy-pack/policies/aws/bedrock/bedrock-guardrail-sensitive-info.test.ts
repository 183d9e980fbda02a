import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PackSession } from "../../../../harness/engine";
import type { WireValue } from "../../../../harness/model";
import { evaluate, openPack, resource, secret, unknown } from "../../../../tests/support/pack";

const type = "aws:bedrock/guardrail:Guardrail";
const id = "bedrock-guardrail-sensitive-info";
const messaging = { blockedInputMessaging: "Blocked.", blockedOutputsMessaging: "Blocked." };
const guardrail = (name: string, sensitiveInformationPolicyConfig?: WireValue) =>
    resource(
        type,
        name,
        sensitiveInformationPolicyConfig === undefined ? messaging : { ...messaging, sensitiveInformationPolicyConfig },
    );
const pii = (action: WireValue, extra: Record<string, WireValue> = {}) => ({ type: "EMAIL", action, ...extra });
const regex = (action: WireValue) => ({ name: "employee-id", pattern: "EMP-[0-9]{6}", action });

let pack: PackSession;
beforeAll(async () => {
    pack = await openPack();
});
afterAll(async () => {
    await pack?.close();
});

describe(id, () => {
    it("flags guardrails without a blocking or anonymizing PII or regex filter", async () => {
        const r = await evaluate(pack, id, [
            guardrail("none"),
            guardrail("empty", {}),
            guardrail("empty-lists", { piiEntitiesConfigs: [], regexesConfigs: [] }),
            guardrail("detect-only", { piiEntitiesConfigs: [pii("NONE")], regexesConfigs: [regex("NONE")] }),
            guardrail("switched-off", {
                piiEntitiesConfigs: [pii("BLOCK", { inputEnabled: false, outputEnabled: false })],
            }),
            guardrail("anonymize", { piiEntitiesConfigs: [pii("NONE"), pii("ANONYMIZE")] }),
            guardrail("regex-block", { regexesConfigs: [regex("BLOCK")] }),
            guardrail("output-only", { piiEntitiesConfigs: [pii("BLOCK", { inputEnabled: false })] }),
        ]);
        expect(r.violating).toEqual(["detect-only", "empty", "empty-lists", "none", "switched-off"]);
        expect(r.clean).toEqual(["anonymize", "output-only", "regex-block"]);
        expect(r.undecided).toEqual([]);
        expect(r.diagnostics.every((d) => d.enforcementLevel === "advisory" && d.severity === "high")).toBe(true);
    });

    it("names the setting, what was found, what is expected and the fix", async () => {
        const r = await evaluate(pack, id, [
            guardrail("none"),
            guardrail("detect-only", { piiEntitiesConfigs: [pii("NONE")], regexesConfigs: [regex("NONE")] }),
        ]);
        expect(r.messages("none")).toEqual([
            expect.stringMatching(
                /^Guardrail 'none': sensitiveInformationPolicyConfig is not set \(no sensitive information filters\); expected a piiEntitiesConfigs or regexesConfigs entry with action "BLOCK" or "ANONYMIZE"\. Fix: Add sensitiveInformationPolicyConfig/,
            ),
        ]);
        expect(r.messages("detect-only")[0]).toContain(
            "sensitiveInformationPolicyConfig is 2 filters, none blocking or anonymizing;",
        );
    });

    it("leaves unknown lists and actions to pulumi up unless a known entry protects", async () => {
        const r = await evaluate(pack, id, [
            guardrail("config", unknown),
            guardrail("list", { piiEntitiesConfigs: unknown }),
            guardrail("action", { piiEntitiesConfigs: [pii(unknown)] }),
            guardrail("known-good-wins", { piiEntitiesConfigs: unknown, regexesConfigs: [regex("BLOCK")] }),
        ]);
        expect(r.undecided).toEqual(["action", "config", "list"]);
        expect(r.clean).toEqual(["known-good-wins"]);
        expect(r.violating).toEqual([]);
    });

    it("decides on secret values without printing them", async () => {
        const r = await evaluate(pack, id, [
            guardrail("secret-good", {
                regexesConfigs: [{ name: "x", pattern: secret("s3cr3t-[0-9]+"), action: "BLOCK" }],
            }),
            guardrail("secret-bad", {
                regexesConfigs: [{ name: "x", pattern: secret("s3cr3t-[0-9]+"), action: secret("NONE") }],
            }),
        ]);
        expect(r.violating).toEqual(["secret-bad"]);
        expect(r.clean).toEqual(["secret-good"]);
        expect(r.messages("secret-bad").join("")).not.toContain("s3cr3t");
    });

    it("does not throw on values of the wrong type", async () => {
        const r = await evaluate(pack, id, [
            guardrail("string-config", "strict"),
            guardrail("string-list", { piiEntitiesConfigs: "EMAIL" }),
            guardrail("null-elements", { piiEntitiesConfigs: [null, 3, "x"], regexesConfigs: null }),
            guardrail("number-action", { piiEntitiesConfigs: [pii(1)] }),
            guardrail("null-config", null),
        ]);
        expect(r.violating).toEqual(["null-config", "null-elements", "number-action", "string-config", "string-list"]);
    });
});
