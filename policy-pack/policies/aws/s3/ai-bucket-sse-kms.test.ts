import type * as aws from "@pulumi/aws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PackSession } from "../../../../harness/engine";
import type { WireValue } from "../../../../harness/model";
import { evaluate, openPack, resource, secret, unknown } from "../../../../tests/support/pack";

const id = "ai-bucket-sse-kms";
const bucket = "aws:s3/bucket:Bucket";
const bucketV2 = "aws:s3/bucketV2:BucketV2";
const sse = "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration";
const sseV2 = "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2";
const ai = { tags: { "aiguard:system": "ai" } };
const keyArn = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";

const byDefault = (sseAlgorithm: WireValue, kmsMasterKeyId?: WireValue) => ({
    applyServerSideEncryptionByDefault: {
        sseAlgorithm,
        ...(kmsMasterKeyId !== undefined ? { kmsMasterKeyId } : {}),
    },
});
const configFor = (name: string, bucketName: string, rules: WireValue, type = sse) =>
    resource(type, name, { bucket: unknown, rules }, { propertyDependencies: { bucket: [bucketName] } });
const model = (name: string, bucketName: string) =>
    resource(
        "aws:sagemaker/model:Model",
        name,
        { primaryContainer: { modelDataUrl: unknown } },
        { propertyDependencies: { primaryContainer: [bucketName] } },
    );

let pack: PackSession;
beforeAll(async () => {
    pack = await openPack();
});
afterAll(async () => {
    await pack?.close();
});

describe(id, () => {
    it("flags AI buckets left at SSE-S3 or without a customer key, and passes SSE-KMS with a key", async () => {
        const r = await evaluate(pack, id, [
            resource(bucket, "weights"),
            model("model", "weights"),
            resource(bucket, "aes", ai),
            configFor("aes-sse", "aes", [byDefault("AES256")]),
            resource(bucket, "nokey", ai),
            configFor("nokey-sse", "nokey", [byDefault("aws:kms")]),
            resource(bucket, "managed", ai),
            configFor("managed-sse", "managed", [byDefault("aws:kms", "alias/aws/s3")]),
            resource(bucket, "good", ai),
            configFor("good-sse", "good", [byDefault("aws:kms", keyArn)]),
            resource(bucketV2, "dsse", ai),
            configFor("dsse-sse", "dsse", [byDefault("aws:kms:dsse", "alias/ai-data")], sseV2),
        ]);
        expect(r.violating).toEqual(["aes-sse", "managed-sse", "nokey-sse", "weights"]);
        expect(r.clean).toEqual(["aes", "dsse", "dsse-sse", "good", "good-sse", "managed", "model", "nokey"]);
        expect(r.undecided).toEqual([]);
        expect(r.diagnostics.every((d) => d.enforcementLevel === "mandatory" && d.severity === "high")).toBe(true);
    });

    it("names the resource, setting, found value, expected value and fix", async () => {
        const r = await evaluate(pack, id, [
            resource(bucket, "weights", ai),
            resource(bucket, "aes", ai),
            configFor("aes-sse", "aes", [byDefault("AES256")]),
            resource(bucket, "nokey", ai),
            configFor("nokey-sse", "nokey", [byDefault("aws:kms")]),
        ]);
        expect(r.messages("weights")).toEqual([
            expect.stringMatching(
                /^Bucket 'weights': server-side encryption is not configured: .*\(AWS default SSE-S3, AES256\); expected SSE-KMS: .*\. Fix: Create a customer managed aws\.kms\.Key/,
            ),
        ]);
        expect(r.messages("aes-sse")).toEqual([
            expect.stringMatching(
                /^BucketServerSideEncryptionConfiguration 'aes-sse': rules\[0\]\.applyServerSideEncryptionByDefault\.sseAlgorithm is "AES256"; expected "aws:kms" or "aws:kms:dsse"\. Fix: /,
            ),
        ]);
        expect(r.messages("nokey-sse")).toEqual([
            expect.stringMatching(
                /^BucketServerSideEncryptionConfiguration 'nokey-sse': rules\[0\]\.applyServerSideEncryptionByDefault\.kmsMasterKeyId is not set \(S3 uses the AWS managed key aws\/s3\); expected the ARN or id of a customer managed KMS key\./,
            ),
        ]);
    });

    it("reads the deprecated inline encryption of Bucket and BucketV2 when no configuration resource exists", async () => {
        const r = await evaluate(pack, id, [
            resource(bucket, "inline-good", {
                ...ai,
                serverSideEncryptionConfiguration: { rule: byDefault("aws:kms", keyArn) },
            }),
            resource(bucket, "inline-aes", { ...ai, serverSideEncryptionConfiguration: { rule: byDefault("AES256") } }),
            // The SDK's BucketV2 shape: a list of configurations, each a list of rules, each a list of defaults.
            resource(bucketV2, "v2-good", {
                ...ai,
                serverSideEncryptionConfigurations: [
                    {
                        rules: [
                            {
                                applyServerSideEncryptionByDefaults: [
                                    { sseAlgorithm: "aws:kms", kmsMasterKeyId: keyArn },
                                ],
                            },
                        ],
                    },
                ],
            } satisfies aws.s3.BucketV2Args),
            resource(bucketV2, "v2-aes", {
                ...ai,
                serverSideEncryptionConfigurations: [
                    { rules: [{ applyServerSideEncryptionByDefaults: [{ sseAlgorithm: "AES256" }] }] },
                ],
            } satisfies aws.s3.BucketV2Args),
            resource(bucketV2, "v2-missing", ai),
        ]);
        expect(r.violating).toEqual(["inline-aes", "v2-aes", "v2-missing"]);
        expect(r.clean).toEqual(["inline-good", "v2-good"]);
        expect(r.messages("v2-aes")[0]).toContain(
            'serverSideEncryptionConfigurations[0].rules[0].applyServerSideEncryptionByDefaults[0].sseAlgorithm is "AES256"',
        );
        expect(r.messages("inline-aes")[0]).toContain(
            'serverSideEncryptionConfiguration.rule.applyServerSideEncryptionByDefault.sseAlgorithm is "AES256"',
        );
    });

    it("treats missing rules and a missing algorithm as the AWS default SSE-S3", async () => {
        const r = await evaluate(pack, id, [
            resource(bucket, "a", ai),
            resource(sse, "no-rules", { bucket: unknown }, { propertyDependencies: { bucket: ["a"] } }),
            resource(bucket, "b", ai),
            configFor("no-default", "b", [{ bucketKeyEnabled: true }]),
        ]);
        expect(r.violating).toEqual(["no-default", "no-rules"]);
        expect(r.messages("no-rules")[0]).toContain("rules is not set (AWS default SSE-S3, AES256)");
    });

    it("counts an unknown key ARN as set, and leaves an unknown algorithm or block to pulumi up", async () => {
        const r = await evaluate(pack, id, [
            resource("aws:kms/key:Key", "key"),
            resource(bucket, "a", ai),
            resource(
                sse,
                "key-arn",
                { bucket: unknown, rules: [byDefault("aws:kms", unknown)] },
                { propertyDependencies: { bucket: ["a"], rules: ["key"] } },
            ),
            resource(bucket, "b", ai),
            configFor("computed-alg", "b", [byDefault(unknown, keyArn)]),
            resource(bucket, "c", ai),
            configFor("computed-rules", "c", unknown),
            resource(bucket, "inline-computed", { ...ai, serverSideEncryptionConfiguration: unknown }),
        ]);
        expect(r.violating).toEqual([]);
        expect(r.undecided).toEqual(["computed-alg", "computed-rules", "inline-computed"]);
        expect(r.clean).toEqual(["a", "b", "c", "key", "key-arn"]);
        expect(r.diagnostics.every((d) => d.enforcementLevel === "advisory")).toBe(true);
        expect(r.messages("computed-alg")[0]).toContain("rules[0].applyServerSideEncryptionByDefault.sseAlgorithm");
    });

    it("fails a bucket whose provider-computed encryption is unknown in preview when the program never set it", async () => {
        // In a real preview the engine's outputs hold the computed block as unknown; the AWS default applies.
        const r = await evaluate(pack, id, [
            resource(bucket, "plain", ai, { outputs: { ...ai, serverSideEncryptionConfiguration: unknown } }),
            resource(bucketV2, "plain-v2", ai, { outputs: { ...ai, serverSideEncryptionConfigurations: unknown } }),
        ]);
        expect(r.violating).toEqual(["plain", "plain-v2"]);
        expect(r.undecided).toEqual([]);
    });

    it("ignores buckets outside the AI system and business-tagged buckets", async () => {
        const r = await evaluate(pack, id, [
            resource(bucket, "logs"),
            configFor("logs-sse", "logs", [byDefault("AES256")]),
            resource(bucketV2, "invoices", { tags: { "aiguard:system": "business" } }),
            model("model", "invoices"),
        ]);
        expect(r.violating).toEqual([]);
        expect(r.undecided).toEqual([]);
        expect(r.clean).toEqual(["invoices", "logs", "logs-sse", "model"]);
    });

    it("decides on secret values without printing them", async () => {
        const r = await evaluate(pack, id, [
            resource(bucket, "a", ai),
            configFor("secret-good", "a", [byDefault(secret("aws:kms"), secret(keyArn))]),
            resource(bucket, "b", ai),
            configFor("secret-bad", "b", [byDefault(secret("custom-s3cr3t-algorithm"), secret(keyArn))]),
        ]);
        expect(r.violating).toEqual(["secret-bad"]);
        expect(r.clean).toEqual(["a", "b", "secret-good"]);
        const text = r.diagnostics.map((d) => d.message).join("\n");
        expect(text).not.toContain("s3cr3t");
        expect(text).not.toContain(keyArn);
    });

    it("does not throw on values of the wrong type", async () => {
        const r = await evaluate(pack, id, [
            resource(bucket, "a", ai),
            configFor("string-rules", "a", "aws:kms"),
            resource(bucket, "b", ai),
            configFor("null-rule", "b", [null, { applyServerSideEncryptionByDefault: "x" }]),
            resource(bucket, "c", ai),
            configFor("number-key", "c", [byDefault("aws:kms", 42)]),
            resource(bucket, "d", { ...ai, serverSideEncryptionConfiguration: "on" }),
            resource(bucketV2, "e", { ...ai, serverSideEncryptionConfigurations: [null, { rules: {} }] }),
        ]);
        expect(r.violating).toEqual(["d", "e", "null-rule", "number-key", "string-rules"]);
        expect(r.clean).toEqual(["a", "b", "c"]);
    });
});
