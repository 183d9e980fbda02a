import type * as aws from "@pulumi/aws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PackSession } from "../../../../harness/engine";
import { evaluate, openPack, resource, secret, unknown } from "../../../../tests/support/pack";

const id = "ai-bucket-versioning";
const bucket = "aws:s3/bucket:Bucket";
const versioning = "aws:s3/bucketVersioning:BucketVersioning";
const ai = { tags: { "aiguard:system": "ai" } };
const versioningOf = (name: string, target: string, status: unknown) =>
    resource(
        versioning,
        name,
        { bucket: unknown, versioningConfiguration: { status: status as string } },
        { propertyDependencies: { bucket: [target] } },
    );

let pack: PackSession;
beforeAll(async () => {
    pack = await openPack();
});
afterAll(async () => {
    await pack?.close();
});

describe(id, () => {
    it("flags AI buckets without versioning or with it suspended, and passes enabled versioning", async () => {
        const r = await evaluate(pack, id, [
            resource(bucket, "no-versioning", ai),
            resource(bucket, "suspended", ai),
            versioningOf("suspended-v", "suspended", "Suspended"),
            resource(bucket, "enabled", ai),
            versioningOf("enabled-v", "enabled", "Enabled"),
            resource(bucket, "inline-enabled", { ...ai, versioning: { enabled: true } }),
            // The deprecated BucketV2 keeps inline versioning as a list.
            resource("aws:s3/bucketV2:BucketV2", "v2-enabled", {
                ...ai,
                versionings: [{ enabled: true }],
            } satisfies aws.s3.BucketV2Args),
            resource("aws:s3/bucketV2:BucketV2", "v2-off", {
                ...ai,
                versionings: [{ enabled: false }],
            } satisfies aws.s3.BucketV2Args),
        ]);
        expect(r.violating).toEqual(["no-versioning", "suspended-v", "v2-off"]);
        expect(r.clean).toEqual(["enabled", "enabled-v", "inline-enabled", "suspended", "v2-enabled"]);
        expect(r.messages("suspended-v")[0]).toMatch(
            /^BucketVersioning 'suspended-v': versioningConfiguration\.status is "Suspended"; expected "Enabled"\. Fix: /,
        );
    });

    it("ignores buckets outside the AI system", async () => {
        const r = await evaluate(pack, id, [
            resource(bucket, "logs", {}),
            resource(bucket, "crm", { tags: { "aiguard:system": "business" } }),
        ]);
        expect(r.violating).toEqual([]);
    });

    it("leaves an unknown status to pulumi up, and reads a provider-computed unknown as unset", async () => {
        const r = await evaluate(pack, id, [
            resource(bucket, "computed", ai),
            versioningOf("computed-v", "computed", unknown),
            resource(bucket, "never-set", ai, { outputs: { ...ai, versioning: unknown } }),
        ]);
        expect(r.undecided).toEqual(["computed-v"]);
        expect(r.violating).toEqual(["never-set"]);
    });

    it("judges a secret status without printing it, and survives odd values", async () => {
        const r = await evaluate(pack, id, [
            resource(bucket, "a", ai),
            versioningOf("secret-off", "a", secret("Suspended")),
            resource(bucket, "b", ai),
            versioningOf("odd", "b", { nested: [1] }),
            resource(bucket, "c", { ...ai, versioning: null as never }),
        ]);
        expect(r.violating).toEqual(["c", "odd", "secret-off"]);
        expect(r.messages("secret-off").join("")).not.toContain("Suspended");
    });
});
