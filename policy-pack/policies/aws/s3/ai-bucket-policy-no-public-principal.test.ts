import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PackSession } from "../../../../harness/engine";
import { evaluate, openPack, resource, secret, unknown } from "../../../../tests/support/pack";

const id = "ai-bucket-policy-no-public-principal";
const bucket = "aws:s3/bucket:Bucket";
const bucketV2 = "aws:s3/bucketV2:BucketV2";
const bp = "aws:s3/bucketPolicy:BucketPolicy";
const ai = { tags: { "aiguard:system": "ai" } };
const doc = (...Statement: object[]) => JSON.stringify({ Version: "2012-10-17", Statement });
const publicRead = { Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: "arn:aws:s3:::w/*" };
const orgRead = { ...publicRead, Condition: { StringEquals: { "aws:PrincipalOrgID": "o-abc123" } } };
const roleRead = { ...publicRead, Principal: { AWS: "arn:aws:iam::123456789012:role/r" } };
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
    it("flags public Allow statements in bucket policies and inline policies of AI buckets", async () => {
        const r = await evaluate(pack, id, [
            resource(bucket, "weights"),
            resource(
                "aws:sagemaker/model:Model",
                "model",
                { primaryContainer: { modelDataUrl: unknown } },
                { propertyDependencies: { primaryContainer: ["weights"] } },
            ),
            policyFor("public", "weights", doc(roleRead, publicRead)),
            policyFor("aws-star", "weights", { Statement: { ...publicRead, Principal: { AWS: ["*"] } } }),
            policyFor("org", "weights", doc(orgRead)),
            policyFor("role", "weights", doc(roleRead)),
            resource(bucketV2, "inline", { ...ai, policy: doc(publicRead) }),
            resource(bucket, "inline-ok", { ...ai, policy: doc(orgRead) }),
        ]);
        expect(r.violating).toEqual(["aws-star", "inline", "public"]);
        expect(r.clean).toEqual(["inline-ok", "model", "org", "role", "weights"]);
        expect(r.messages("public")[0]).toMatch(
            /^BucketPolicy 'public': policy Statement\[1\] is an Allow to any principal without a constraining condition on AI bucket 'weights' \(referenced by aws:sagemaker\/model:Model 'model'\); expected .*Fix: /,
        );
        expect(r.diagnostics.every((d) => d.enforcementLevel === "mandatory" && d.severity === "high")).toBe(true);
    });

    it("passes AI buckets without any policy, and a computed inline policy the program never set", async () => {
        const r = await evaluate(pack, id, [
            resource(bucket, "plain", ai),
            resource(bucket, "computed", ai, { outputs: { ...ai, policy: unknown } }),
        ]);
        expect(r.violating).toEqual([]);
        expect(r.undecided).toEqual([]);
    });

    it("leaves unknown documents and principals to pulumi up", async () => {
        const r = await evaluate(pack, id, [
            resource(bucket, "b", ai),
            policyFor("whole", "b", unknown),
            policyFor("principal", "b", { Statement: [{ ...publicRead, Principal: unknown }] }),
            resource(bucket, "inline", { ...ai, policy: unknown }),
        ]);
        expect(r.violating).toEqual([]);
        expect(r.undecided).toEqual(["inline", "principal", "whole"]);
    });

    it("ignores non-AI and business buckets", async () => {
        const r = await evaluate(pack, id, [
            resource(bucket, "site", { policy: doc(publicRead) }),
            resource(bucket, "biz", { tags: { "aiguard:system": "business" } }),
            policyFor("biz-public", "biz", doc(publicRead)),
        ]);
        expect(r.violating).toEqual([]);
        expect(r.clean).toEqual(["biz", "biz-public", "site"]);
    });

    it("judges secret documents without printing them and survives odd input", async () => {
        const r = await evaluate(pack, id, [
            resource(bucket, "b", ai),
            policyFor("secret", "b", secret(doc({ ...publicRead, Sid: "s3cr3t" }))),
            policyFor("bad-json", "b", "{nope"),
            policyFor("number", "b", 12),
            policyFor("odd-stmt", "b", { Statement: [{ Effect: "Allow", Principal: 5, Condition: "x" }] }),
        ]);
        expect(r.violating).toEqual(["secret"]);
        expect(r.clean).toEqual(["b", "bad-json", "number", "odd-stmt"]);
        expect(r.diagnostics.map((d) => d.message).join("\n")).not.toContain("s3cr3t");
    });
});
