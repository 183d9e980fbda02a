import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PackSession } from "../../../../harness/engine";
import { evaluate, openPack, resource, secret, unknown } from "../../../../tests/support/pack";

const id = "bedrock-api-key-short-lived";
const type = "aws:iam/serviceSpecificCredential:ServiceSpecificCredential";
const key = (name: string, extra: Record<string, unknown> = {}) =>
    resource(type, name, { userName: "svc", serviceName: "bedrock.amazonaws.com", ...extra } as never);

let pack: PackSession;
beforeAll(async () => {
    pack = await openPack();
});
afterAll(async () => {
    await pack?.close();
});

describe(id, () => {
    it("flags Bedrock keys that never expire or live too long", async () => {
        const r = await evaluate(pack, id, [
            key("never"),
            key("long", { credentialAgeDays: 365 }),
            key("ok", { credentialAgeDays: 30 }),
            key("edge", { credentialAgeDays: 90 }),
            resource(type, "codecommit", { userName: "svc", serviceName: "codecommit.amazonaws.com" }),
        ]);
        expect(r.violating).toEqual(["long", "never"]);
        expect(r.clean).toEqual(["codecommit", "edge", "ok"]);
        expect(r.messages("never")[0]).toMatch(
            /^ServiceSpecificCredential 'never': credentialAgeDays is not set \(the key never expires\); expected at most 90\. Fix: /,
        );
        expect(r.messages("long")[0]).toContain("credentialAgeDays is 365; expected at most 90");
        expect(r.diagnostics.every((d) => d.enforcementLevel === "mandatory" && d.severity === "high")).toBe(true);
    });

    it("honours the configured maximum and the forbid switch", async () => {
        const lower = await evaluate(pack, id, [key("k", { credentialAgeDays: 30 })], {
            properties: { maxCredentialAgeDays: 7 },
        });
        expect(lower.violating).toEqual(["k"]);
        const forbid = await evaluate(pack, id, [key("k", { credentialAgeDays: 1 })], {
            properties: { forbidBedrockApiKeys: true },
        });
        expect(forbid.violating).toEqual(["k"]);
    });

    it("leaves unknown values to pulumi up", async () => {
        const r = await evaluate(pack, id, [
            key("age", { credentialAgeDays: unknown }),
            resource(type, "service", { userName: "svc", serviceName: unknown }),
        ]);
        expect(r.undecided).toEqual(["age", "service"]);
        expect(r.violating).toEqual([]);
    });

    it("judges secrets and odd values without throwing or printing", async () => {
        const r = await evaluate(pack, id, [
            resource(type, "secret", {
                userName: "svc",
                serviceName: secret("bedrock.amazonaws.com"),
                credentialAgeDays: secret(400),
            }),
            key("string-age", { credentialAgeDays: "30" }),
            key("zero", { credentialAgeDays: 0 }),
            resource(type, "odd-service", { userName: "svc", serviceName: 5 }),
        ]);
        expect(r.violating).toEqual(["secret", "string-age", "zero"]);
        expect(r.clean).toEqual(["odd-service"]);
    });
});
