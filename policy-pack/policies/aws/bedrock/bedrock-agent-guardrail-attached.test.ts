import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PackSession } from "../../../../harness/engine";
import type { WireValue } from "../../../../harness/model";
import { evaluate, openPack, resource, secret, unknown } from "../../../../tests/support/pack";

const type = "aws:bedrock/agentAgent:AgentAgent";
const id = "bedrock-agent-guardrail-attached";
const base = {
    agentName: "support",
    agentResourceRoleArn: "arn:aws:iam::123456789012:role/agent",
    foundationModel: "anthropic.claude-3-haiku-20240307-v1:0",
};
const agent = (name: string, guardrailConfigurations?: WireValue) =>
    resource(type, name, guardrailConfigurations === undefined ? base : { ...base, guardrailConfigurations });
const g = (guardrailIdentifier: WireValue, guardrailVersion: WireValue) => ({ guardrailIdentifier, guardrailVersion });

let pack: PackSession;
beforeAll(async () => {
    pack = await openPack();
});
afterAll(async () => {
    await pack?.close();
});

describe(id, () => {
    it("flags agents without a guardrail or on the DRAFT version, and passes a pinned version", async () => {
        const r = await evaluate(pack, id, [
            agent("none"),
            agent("empty", []),
            agent("draft", [g("gr-123", "DRAFT")]),
            agent("draft-lower", [g("gr-123", "draft")]),
            agent("no-identifier", [g("", "1")]),
            agent("pinned", [g("gr-123", "1")]),
            agent("computed", [g(unknown, unknown)]),
        ]);
        expect(r.violating).toEqual(["draft", "draft-lower", "empty", "no-identifier", "none"]);
        expect(r.clean).toEqual(["computed", "pinned"]);
        expect(r.undecided).toEqual([]);
        expect(r.diagnostics.every((d) => d.enforcementLevel === "mandatory" && d.severity === "high")).toBe(true);
    });

    it("names the setting, what was found, what is expected and the fix", async () => {
        const r = await evaluate(pack, id, [agent("none"), agent("draft", [g(unknown, "DRAFT")])]);
        expect(r.messages("none")).toEqual([
            expect.stringMatching(
                /^AgentAgent 'none': guardrailConfigurations is not set \(no guardrail\); expected a guardrail with guardrailIdentifier and a pinned guardrailVersion\. Fix: Create an aws\.bedrock\.Guardrail/,
            ),
        ]);
        expect(r.messages("draft")).toEqual([
            expect.stringContaining(
                'guardrailConfigurations[0].guardrailVersion is "DRAFT"; expected a published version number (not "DRAFT").',
            ),
        ]);
    });

    it("counts unknown identifiers, versions and lists as set, so it decides during preview", async () => {
        const r = await evaluate(pack, id, [
            agent("list", unknown),
            agent("identifier", [g(unknown, "3")]),
            agent("version", [g("gr-1", unknown)]),
        ]);
        expect(r.undecided).toEqual([]);
        expect(r.violating).toEqual([]);
        expect(r.clean).toEqual(["identifier", "list", "version"]);
    });

    it("decides on secret values without printing them", async () => {
        const r = await evaluate(pack, id, [
            agent("secret-draft", [g(secret("gr-s3cr3t-id"), secret("DRAFT"))]),
            agent("secret-pinned", [g(secret("gr-s3cr3t-id"), secret("2"))]),
        ]);
        expect(r.violating).toEqual(["secret-draft"]);
        expect(r.clean).toEqual(["secret-pinned"]);
        const text = r.messages("secret-draft").join("");
        expect(text).not.toContain("s3cr3t");
        expect(text).toContain("guardrailVersion");
    });

    it("does not throw on values of the wrong type", async () => {
        const r = await evaluate(pack, id, [
            agent("string-list", "gr-123"),
            agent("null-element", [null]),
            agent("number-version", [g("gr-1", 1)]),
            agent("object-identifier", [g({ id: "x" }, "1")]),
            agent("null-list", null),
        ]);
        expect(r.violating).toEqual([
            "null-element",
            "null-list",
            "number-version",
            "object-identifier",
            "string-list",
        ]);
    });
});
