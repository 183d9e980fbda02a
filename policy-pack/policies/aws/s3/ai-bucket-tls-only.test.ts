import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PackSession } from "../../../../harness/engine";
import { evaluate, openPack, resource, secret, unknown } from "../../../../tests/support/pack";

const id = "ai-bucket-tls-only";
const bucket = "aws:s3/bucket:Bucket";
const bp = "aws:s3/bucketPolicy:BucketPolicy";
const ai = { tags: { "aiguard:system": "ai" } };
const doc = (...Statement: object[]) => JSON.stringify({ Version: "2012-10-17", Statement });
const tls = {
    Effect: "Deny",
    Principal: "*",
    Action: "s3:*",
    Resource: ["arn:aws:s3:::b", "arn:aws:s3:::b/*"],
    Condition: { Bool: { "aws:SecureTransport": "false" } },
};
const read = { Effect: "Allow", Principal: { AWS: "arn:aws:iam::1:role/r" }, Action: "s3:GetObject", Resource: "*" };
const policyFor = (name: string, bucketName: string, policy: unknown) =>
    resource(
        bp,
        name,
        { bucket: unknown, policy: policy as never },
        { propertyDependencies: { bucket: [bucketName] } },
    );

let pack: PackSession;
beforeAll(async () => {
    pack = await openPack();
});
afterAll(async () => {
    await pack?.close();
});

describe(id, () => {
    it("flags AI buckets without a TLS-only deny, on the policy when there is one", async () => {
        const r = await evaluate(pack, id, [
            resource(bucket, "none", ai),
            resource(bucket, "weak", ai),
            policyFor(
                "weak-policy",
                "weak",
                doc(read, { ...tls, Condition: { Bool: { "aws:SecureTransport": "true" } } }),
            ),
            resource(bucket, "good", ai),
            policyFor("good-policy", "good", doc(read, tls)),
            resource(bucket, "inline", { ...ai, policy: doc({ ...tls, Action: "*" }) }),
        ]);
        expect(r.violating).toEqual(["none", "weak-policy"]);
        expect(r.clean).toEqual(["good", "good-policy", "inline", "weak"]);
        expect(r.messages("none")[0]).toMatch(
            /^Bucket 'none': policy is missing: no bucket policy denies requests without TLS to AI bucket 'none' \(tagged as part of the AI system\); expected .*Fix: /,
        );
        expect(r.diagnostics.every((d) => d.enforcementLevel === "advisory" && d.severity === "medium")).toBe(true);
    });

    it("accepts the deny in any of several policies, and leaves unknown ones to pulumi up", async () => {
        const r = await evaluate(pack, id, [
            resource(bucket, "a", ai),
            policyFor("a1", "a", unknown),
            policyFor("a2", "a", doc(tls)),
            resource(bucket, "b", ai),
            policyFor("b1", "b", unknown),
            resource(bucket, "c", ai, { outputs: { ...ai, policy: unknown } }),
        ]);
        expect(r.violating).toEqual(["c"]);
        expect(r.undecided).toEqual(["b1"]);
    });

    it("ignores non-AI and business buckets", async () => {
        const r = await evaluate(pack, id, [
            resource(bucket, "site"),
            resource(bucket, "biz", { tags: { "aiguard:system": "business" } }),
        ]);
        expect(r.violating).toEqual([]);
        expect(r.clean).toEqual(["biz", "site"]);
    });

    it("reads secret documents without printing them and survives odd input", async () => {
        const r = await evaluate(pack, id, [
            resource(bucket, "a", ai),
            policyFor("secret", "a", secret(doc({ ...tls, Sid: "s3cr3t" }))),
            resource(bucket, "b", ai),
            policyFor("odd", "b", { Statement: "x" }),
            resource(bucket, "c", { ...ai, policy: 3 }),
        ]);
        expect(r.violating).toEqual(["c", "odd"]);
        expect(r.clean).toEqual(["a", "b", "secret"]);
        expect(r.diagnostics.map((d) => d.message).join("\n")).not.toContain("s3cr3t");
    });
});
