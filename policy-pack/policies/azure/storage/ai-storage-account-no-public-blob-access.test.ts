import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PackSession } from "../../../../harness/engine";
import { evaluate, openPack, resource, unknown } from "../../../../tests/support/pack";
import { describeSettingsPolicy } from "../../../../tests/support/settings";
import policy from "./ai-storage-account-no-public-blob-access";

const account = "azure-native:storage:StorageAccount";
const base = { resourceGroupName: "rg", kind: "StorageV2", sku: { name: "Standard_LRS" } };

// Every case of the shared test is an AI-tagged account.
describeSettingsPolicy(policy as never);

describe(`${policy.id} scope`, () => {
    let pack: PackSession;
    beforeAll(async () => {
        pack = await openPack();
    });
    afterAll(async () => {
        await pack?.close();
    });

    it("checks accounts an AI resource references, never unrelated or business accounts", async () => {
        const r = await evaluate(pack, policy.id, [
            resource(account, "ml-store", { ...base, allowBlobPublicAccess: true }),
            resource(
                "azure-native:machinelearningservices:Workspace",
                "ws",
                { resourceGroupName: "rg", storageAccount: unknown },
                { propertyDependencies: { storageAccount: ["ml-store"] } },
            ),
            resource(account, "web", { ...base, allowBlobPublicAccess: true }),
            resource(account, "erp", { ...base, allowBlobPublicAccess: true, tags: { "aiguard:system": "business" } }),
        ]);
        expect(r.violating).toEqual(["ml-store"]);
        expect(r.clean).toEqual(["erp", "web", "ws"]);
        expect(r.undecided).toEqual([]);
        expect(r.messages("ml-store")[0]).toMatch(
            /^StorageAccount 'ml-store': allowBlobPublicAccess is true; expected false\./,
        );
    });

    it("applies the provider default when a computed output is unknown but the program never set it", async () => {
        const tags = { "aiguard:system": "ai" };
        const r = await evaluate(pack, policy.id, [
            resource(
                account,
                "unset",
                { ...base, tags },
                { outputs: { ...base, tags, allowBlobPublicAccess: unknown } },
            ),
            resource(account, "set", { ...base, tags, allowBlobPublicAccess: unknown }),
        ]);
        expect(r.violating).toEqual([]);
        expect(r.clean).toEqual(["unset"]);
        expect(r.undecided).toEqual(["set"]);
    });
});
