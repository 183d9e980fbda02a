import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PackSession } from "../../../../harness/engine";
import type { WireObject } from "../../../../harness/model";
import { evaluate, openPack, resource, secret, unknown } from "../../../../tests/support/pack";

const id = "ai-bucket-public-access-blocked";
const bucket = "aws:s3/bucket:Bucket";
const bucketV2 = "aws:s3/bucketV2:BucketV2";
const block = "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock";
const accountBlock = "aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock";
const allOn = { blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true };

/** A SageMaker model whose artifact lives in `bucketName`, which makes the bucket part of the AI system. */
const model = (name: string, bucketName: string) =>
    resource(
        "aws:sagemaker/model:Model",
        name,
        { primaryContainer: { modelDataUrl: unknown } },
        { propertyDependencies: { primaryContainer: [bucketName] } },
    );
const blockFor = (name: string, bucketName: string, flags: WireObject) =>
    resource(
        block,
        name,
        { bucket: unknown, ...flags },
        {
            propertyDependencies: { bucket: [bucketName] },
        },
    );

let pack: PackSession;
beforeAll(async () => {
    pack = await openPack();
});
afterAll(async () => {
    await pack?.close();
});

describe(id, () => {
    it("flags an AI bucket without a block, and a block with a flag that is not true", async () => {
        const r = await evaluate(pack, id, [
            resource(bucket, "weights"),
            model("model", "weights"),
            resource(bucket, "data", { tags: { "aiguard:system": "ai" } }),
            blockFor("data-block", "data", { ...allOn, restrictPublicBuckets: false }),
            resource(bucketV2, "good"),
            resource(
                "aws:sagemaker/model:Model",
                "model2",
                {},
                { propertyDependencies: { primaryContainer: ["good"] } },
            ),
            blockFor("good-block", "good", allOn),
        ]);
        expect(r.violating).toEqual(["data-block", "weights"]);
        expect(r.clean).toEqual(["data", "good", "good-block", "model", "model2"]);
        expect(r.undecided).toEqual([]);
        expect(r.diagnostics.every((d) => d.enforcementLevel === "mandatory" && d.severity === "high")).toBe(true);
    });

    it("names the resource, setting, found value, expected value and fix", async () => {
        const r = await evaluate(pack, id, [
            resource(bucket, "weights"),
            model("model", "weights"),
            resource(bucket, "data", { tags: { "aiguard:system": "ai" } }),
            blockFor("data-block", "data", { blockPublicAcls: false, blockPublicPolicy: true, ignorePublicAcls: true }),
        ]);
        expect(r.messages("weights")).toEqual([
            expect.stringMatching(
                /^Bucket 'weights': public access block is missing: no BucketPublicAccessBlock references this AI bucket \(referenced by aws:sagemaker\/model:Model 'model'\); expected a BucketPublicAccessBlock .*\. Fix: Give each AI bucket/,
            ),
        ]);
        expect(r.messages("data-block")).toEqual([
            expect.stringMatching(
                /^BucketPublicAccessBlock 'data-block': blockPublicAcls, restrictPublicBuckets is not true: blockPublicAcls false, restrictPublicBuckets not set \(provider default false\); expected true for all four flags\. Fix: /,
            ),
        ]);
    });

    it("treats a missing flag as the provider default false", async () => {
        const r = await evaluate(pack, id, [
            resource(bucket, "weights", { tags: { "aiguard:system": "ai" } }),
            blockFor("empty-block", "weights", {}),
        ]);
        expect(r.violating).toEqual(["empty-block"]);
        expect(r.messages("empty-block")[0]).toContain(
            "is not true: blockPublicAcls, blockPublicPolicy, ignorePublicAcls and restrictPublicBuckets not set (provider default false)",
        );
    });

    it("accepts an account-level block with all four flags true, and not a partial one", async () => {
        const stack = [resource(bucket, "weights"), model("model", "weights")];
        const covered = await evaluate(pack, id, [...stack, resource(accountBlock, "account", allOn)]);
        expect(covered.violating).toEqual([]);
        expect(covered.undecided).toEqual([]);
        const partial = await evaluate(pack, id, [
            ...stack,
            resource(accountBlock, "account", { ...allOn, ignorePublicAcls: false }),
        ]);
        expect(partial.violating).toEqual(["weights"]);
        expect(partial.clean).toEqual(["account", "model"]);
    });

    it("ignores buckets outside the AI system and business-tagged buckets", async () => {
        const r = await evaluate(pack, id, [
            resource(bucket, "logs"),
            resource(bucketV2, "invoices", { tags: { "aiguard:system": "business" } }),
            // A business tag wins over a reference from an AI resource.
            model("model", "invoices"),
            blockFor("logs-block", "logs", { blockPublicAcls: false }),
        ]);
        expect(r.violating).toEqual([]);
        expect(r.undecided).toEqual([]);
        expect(r.clean).toEqual(["invoices", "logs", "logs-block", "model"]);
    });

    it("honours custom AI tags from the policy config", async () => {
        const r = await evaluate(pack, id, [resource(bucket, "weights", { tags: { workload: "ml" } })], {
            properties: { aiTags: { workload: "ml" } },
        });
        expect(r.violating).toEqual(["weights"]);
    });

    it("leaves unknown flags to pulumi up, on bucket and account blocks", async () => {
        const r = await evaluate(pack, id, [
            resource(bucket, "weights", { tags: { "aiguard:system": "ai" } }),
            blockFor("computed-block", "weights", { ...allOn, blockPublicPolicy: unknown }),
        ]);
        expect(r.violating).toEqual([]);
        expect(r.undecided).toEqual(["computed-block"]);
        expect(r.diagnostics[0]?.enforcementLevel).toBe("advisory");
        expect(r.messages("computed-block")[0]).toContain("blockPublicPolicy");

        const acct = await evaluate(pack, id, [
            resource(bucket, "weights", { tags: { "aiguard:system": "ai" } }),
            resource(accountBlock, "account", { ...allOn, restrictPublicBuckets: unknown }),
        ]);
        expect(acct.violating).toEqual([]);
        expect(acct.undecided).toEqual(["account"]);
    });

    it("fails on a known false flag even when another flag is unknown", async () => {
        const r = await evaluate(pack, id, [
            resource(bucket, "weights", { tags: { "aiguard:system": "ai" } }),
            blockFor("mixed", "weights", { ...allOn, blockPublicAcls: false, blockPublicPolicy: unknown }),
        ]);
        expect(r.violating).toEqual(["mixed"]);
        expect(r.undecided).toEqual([]);
    });

    it("decides on secret values without printing them", async () => {
        const r = await evaluate(pack, id, [
            resource(bucket, "a", { tags: { "aiguard:system": "ai" } }),
            blockFor("secret-on", "a", {
                blockPublicAcls: secret(true),
                blockPublicPolicy: secret(true),
                ignorePublicAcls: secret(true),
                restrictPublicBuckets: secret(true),
            }),
            resource(bucket, "b", { tags: { "aiguard:system": "ai" } }),
            blockFor("secret-off", "b", { ...allOn, ignorePublicAcls: secret("off-value-s3cr3t") }),
        ]);
        expect(r.violating).toEqual(["secret-off"]);
        expect(r.clean).toEqual(["a", "b", "secret-on"]);
        expect(r.messages("secret-off").join("")).not.toContain("s3cr3t");
    });

    it("does not throw on values of the wrong type", async () => {
        const r = await evaluate(pack, id, [
            resource(bucket, "a", { tags: { "aiguard:system": "ai" } }),
            blockFor("strings", "a", {
                blockPublicAcls: "true",
                blockPublicPolicy: 1,
                ignorePublicAcls: null,
                restrictPublicBuckets: {},
            }),
            resource(bucket, "b", { tags: ["aiguard:system", "ai"] }),
            resource(bucket, "c", { tags: null }),
            resource(bucket, "d", { tags: { "aiguard:system": 5 } }),
            resource(accountBlock, "account", { blockPublicAcls: [true] }),
        ]);
        expect(r.violating).toEqual(["strings"]);
        expect(r.clean).toEqual(["a", "account", "b", "c", "d"]);
    });
});
