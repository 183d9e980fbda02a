import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PackSession } from "../../../../harness/engine";
import type { WireValue } from "../../../../harness/model";
import { evaluate, openPack, resource, secret, unknown } from "../../../../tests/support/pack";

const id = "ai-blob-container-private";
const containerType = "azure-native:storage:BlobContainer";
const account = (name: string, system?: string) =>
    resource("azure-native:storage:StorageAccount", name, system ? { tags: { "aiguard:system": system } } : {});
const container = (name: string, acct: string, publicAccess?: WireValue) =>
    resource(
        containerType,
        name,
        { resourceGroupName: "rg", accountName: unknown, ...(publicAccess !== undefined ? { publicAccess } : {}) },
        { propertyDependencies: { accountName: [acct] } },
    );

let pack: PackSession;
beforeAll(async () => {
    pack = await openPack();
});
afterAll(async () => {
    await pack?.close();
});

describe(id, () => {
    it("flags public containers in AI storage accounts only", async () => {
        const r = await evaluate(pack, id, [
            account("ai", "ai"),
            container("blob", "ai", "Blob"),
            container("container", "ai", "Container"),
            container("none", "ai", "none"),
            container("unset", "ai"),
            account("web"),
            container("web-public", "web", "Blob"),
            account("biz", "business"),
            container("biz-public", "biz", "Container"),
        ]);
        expect(r.violating).toEqual(["blob", "container"]);
        expect(r.clean).toEqual(["ai", "biz", "biz-public", "none", "unset", "web", "web-public"]);
        expect(r.messages("blob")).toEqual([
            expect.stringMatching(
                /^BlobContainer 'blob': publicAccess is "Blob"; expected "None" or not set \(the container is in the AI storage account 'ai'\)\. Fix: /,
            ),
        ]);
        expect(r.diagnostics.every((d) => d.enforcementLevel === "mandatory" && d.severity === "high")).toBe(true);
    });

    it("follows accounts referenced by an AI workspace and containers referenced directly", async () => {
        const r = await evaluate(pack, id, [
            account("ws-sa"),
            resource(
                "azure-native:machinelearningservices:Workspace",
                "ws",
                { storageAccount: unknown },
                { propertyDependencies: { storageAccount: ["ws-sa"] } },
            ),
            container("ws-data", "ws-sa", "Container"),
        ]);
        expect(r.violating).toEqual(["ws-data"]);
    });

    it("leaves unknown values to pulumi up, judges secrets silently and survives odd values", async () => {
        const r = await evaluate(pack, id, [
            account("ai", "ai"),
            container("unknown", "ai", unknown),
            container("secret", "ai", secret("Blob")),
            container("secret-none", "ai", secret("None")),
            container("odd", "ai", 3),
            container("null", "ai", null),
            resource(
                containerType,
                "computed",
                { accountName: unknown },
                {
                    propertyDependencies: { accountName: ["ai"] },
                    outputs: { accountName: unknown, publicAccess: unknown },
                },
            ),
        ]);
        expect(r.undecided).toEqual(["unknown"]);
        expect(r.violating).toEqual(["odd", "secret"]);
        expect(r.clean).toEqual(["ai", "computed", "null", "secret-none"]);
    });
});
