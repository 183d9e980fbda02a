import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PackSession } from "../../../../harness/engine";
import { evaluate, openPack, resource, secret, unknown } from "../../../../tests/support/pack";

const id = "ai-kms-key-policy-not-public";
const key = "aws:kms/key:Key";
const ai = { tags: { "aiguard:system": "ai" } };
const doc = (...Statement: object[]) => JSON.stringify({ Version: "2012-10-17", Statement });
const root = { Effect: "Allow", Principal: { AWS: "arn:aws:iam::123456789012:root" }, Action: "kms:*", Resource: "*" };
const open = { Effect: "Allow", Principal: "*", Action: ["kms:Decrypt"], Resource: "*" };
const scoped = { ...open, Condition: { StringEquals: { "kms:CallerAccount": "123456789012" } } };

let pack: PackSession;
beforeAll(async () => {
    pack = await openPack();
});
afterAll(async () => {
    await pack?.close();
});

describe(id, () => {
    it("flags public key policy statements on AI keys", async () => {
        const r = await evaluate(pack, id, [
            resource(key, "open", { ...ai, policy: doc(root, open) }),
            resource(key, "scoped", { ...ai, policy: doc(root, scoped) }),
            resource(key, "default", ai),
            resource(
                "aws:bedrock/agentAgent:AgentAgent",
                "agent",
                { customerEncryptionKeyArn: unknown },
                { propertyDependencies: { customerEncryptionKeyArn: ["agent-key"] } },
            ),
            resource(key, "agent-key", { policy: doc({ ...open, Principal: { AWS: "*" } }) }),
        ]);
        expect(r.violating).toEqual(["agent-key", "open"]);
        expect(r.clean).toEqual(["agent", "default", "scoped"]);
        expect(r.messages("open")[0]).toMatch(
            /^Key 'open': policy Statement\[1\] is an Allow to any principal without a constraining condition \(the key is in the AI system: tagged as part of the AI system\); expected .*Fix: /,
        );
        expect(r.diagnostics.every((d) => d.enforcementLevel === "mandatory" && d.severity === "high")).toBe(true);
    });

    it("leaves unknown policies to pulumi up, and treats a computed unset policy as the default", async () => {
        const r = await evaluate(pack, id, [
            resource(key, "computed", { ...ai, policy: unknown }),
            resource(key, "principal", { ...ai, policy: { Statement: [{ ...open, Principal: unknown }] } }),
            resource(key, "unset", ai, { outputs: { ...ai, policy: unknown } }),
        ]);
        expect(r.undecided).toEqual(["computed", "principal"]);
        expect(r.violating).toEqual([]);
    });

    it("ignores keys outside the AI system", async () => {
        const r = await evaluate(pack, id, [
            resource(key, "app", { policy: doc(open) }),
            resource(key, "biz", { tags: { "aiguard:system": "business" }, policy: doc(open) }),
        ]);
        expect(r.violating).toEqual([]);
    });

    it("judges secret policies without printing them and survives odd input", async () => {
        const r = await evaluate(pack, id, [
            resource(key, "secret", { ...ai, policy: secret(doc({ ...open, Sid: "s3cr3t" })) }),
            resource(key, "bad", { ...ai, policy: "{oops" }),
            resource(key, "number", { ...ai, policy: 4 }),
        ]);
        expect(r.violating).toEqual(["secret"]);
        expect(r.clean).toEqual(["bad", "number"]);
        expect(r.diagnostics.map((d) => d.message).join("\n")).not.toContain("s3cr3t");
    });
});
