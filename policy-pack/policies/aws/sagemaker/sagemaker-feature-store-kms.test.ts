import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PackSession } from "../../../../harness/engine";
import { evaluate, openPack, resource, unknown } from "../../../../tests/support/pack";
import { describeSettingsPolicy } from "../../../../tests/support/settings";
import policy from "./sagemaker-feature-store-kms";

describeSettingsPolicy(policy);

const type = "aws:sagemaker/featureGroup:FeatureGroup";
const keyArn = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
const base = {
    featureGroupName: "g",
    recordIdentifierFeatureName: "id",
    eventTimeFeatureName: "ts",
    roleArn: "arn:aws:iam::123456789012:role/features",
    featureDefinitions: [{ featureName: "id", featureType: "String" }],
    offlineStoreConfig: { s3StorageConfig: { s3Uri: "s3://features/offline", kmsKeyId: keyArn } },
};

describe(`${policy.id} online storage types`, () => {
    let pack: PackSession;
    beforeAll(async () => {
        pack = await openPack();
    });
    afterAll(async () => {
        await pack?.close();
    });

    it("requires the online key for Standard or unset storage, not for InMemory or a disabled store", async () => {
        const r = await evaluate(pack, policy.id, [
            resource(type, "standard", {
                ...base,
                onlineStoreConfig: { enableOnlineStore: true, storageType: "Standard" },
            }),
            resource(type, "unset", { ...base, onlineStoreConfig: { enableOnlineStore: true } }),
            resource(type, "unknown-type", {
                ...base,
                onlineStoreConfig: { enableOnlineStore: true, storageType: unknown },
            }),
            resource(type, "in-memory", {
                ...base,
                onlineStoreConfig: { enableOnlineStore: true, storageType: "InMemory" },
            }),
            resource(type, "in-memory-lower", {
                ...base,
                onlineStoreConfig: { enableOnlineStore: true, storageType: "inmemory" },
            }),
            resource(type, "disabled", { ...base, onlineStoreConfig: { enableOnlineStore: false } }),
            resource(type, "no-stores", { ...base, offlineStoreConfig: null }),
            resource(type, "in-memory-offline-no-key", {
                ...base,
                offlineStoreConfig: { s3StorageConfig: { s3Uri: "s3://x" } },
                onlineStoreConfig: { enableOnlineStore: true, storageType: "InMemory" },
            }),
        ]);
        expect(r.violating).toEqual(["in-memory-offline-no-key", "standard", "unknown-type", "unset"]);
        expect(r.clean).toEqual(["disabled", "in-memory", "in-memory-lower", "no-stores"]);
        expect(r.undecided).toEqual([]);
    });
});
