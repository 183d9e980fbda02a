import type * as azure from "@pulumi/azure-native";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PackSession } from "../../../../harness/engine";
import { evaluate, openPack, resource } from "../../../../tests/support/pack";
import { describeSettingsPolicy } from "../../../../tests/support/settings";
import policy from "./ai-account-cmk";

describeSettingsPolicy(policy);

describe(`${policy.id} free tier`, () => {
    let pack: PackSession;
    beforeAll(async () => {
        pack = await openPack();
    });
    afterAll(async () => {
        await pack?.close();
    });

    it("does not judge free-tier accounts, which cannot use customer-managed keys", async () => {
        const account = (name: string, sku: string) =>
            resource("azure-native:cognitiveservices:Account", name, {
                resourceGroupName: "rg",
                kind: "TextAnalytics",
                sku: { name: sku },
            } satisfies azure.cognitiveservices.AccountArgs);
        const r = await evaluate(pack, policy.id, [account("free", "F0"), account("standard", "S0")]);
        expect(r.violating).toEqual(["standard"]);
        expect(r.clean).toEqual(["free"]);
    });
});
