import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PackSession } from "../../../../harness/engine";
import type { WireObject } from "../../../../harness/model";
import { evaluate, openPack, resource, secret, unknown } from "../../../../tests/support/pack";

const type = "azure-native:cognitiveservices:Account";
const id = "ai-account-user-owned-storage";
const storageId = "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/speechdata";
function account(kind: unknown, properties?: unknown): WireObject {
    return {
        resourceGroupName: "rg",
        ...(kind === undefined ? {} : { kind }),
        sku: { name: "S0" },
        ...(properties === undefined ? {} : { properties }),
    } as WireObject;
}

let pack: PackSession;
beforeAll(async () => {
    pack = await openPack();
});
afterAll(async () => {
    await pack?.close();
});

describe(id, () => {
    it("flags accounts of the configured kinds without user-owned storage", async () => {
        const r = await evaluate(pack, id, [
            resource(type, "pass-speech", account("SpeechServices", { userOwnedStorage: [{ resourceId: storageId }] })),
            resource(type, "pass-openai", account("OpenAI")),
            resource(type, "pass-no-kind", account(undefined)),
            resource(type, "fail-speech", account("SpeechServices")),
            resource(type, "fail-language-lower", account("textanalytics", { disableLocalAuth: true })),
            resource(type, "fail-empty-list", account("FormRecognizer", { userOwnedStorage: [] })),
            resource(
                type,
                "fail-no-resource-id",
                account("SpeechServices", { userOwnedStorage: [{ identityClientId: "abc" }] }),
            ),
        ]);
        expect(r.violating).toEqual(["fail-empty-list", "fail-language-lower", "fail-no-resource-id", "fail-speech"]);
        expect(r.clean).toEqual(["pass-no-kind", "pass-openai", "pass-speech"]);
        expect(r.undecided).toEqual([]);
        expect(r.diagnostics.every((d) => d.enforcementLevel === "advisory" && d.severity === "medium")).toBe(true);
        expect(r.messages("fail-speech")).toEqual([
            expect.stringMatching(
                /^Account 'fail-speech': properties\.userOwnedStorage is not set \(Microsoft-managed storage\); expected a storage account you own \(resourceId\)\. Fix: /,
            ),
        ]);
    });

    it("does not judge free-tier accounts, which cannot use customer-owned storage", async () => {
        const r = await evaluate(pack, id, [
            resource(type, "free-speech", { ...account("SpeechServices"), sku: { name: "F0" } }),
            resource(type, "paid-speech", account("SpeechServices")),
        ]);
        expect(r.violating).toEqual(["paid-speech"]);
        expect(r.clean).toEqual(["free-speech"]);
    });

    it("takes the kinds from the policy config", async () => {
        const r = await evaluate(
            pack,
            id,
            [resource(type, "openai", account("OpenAI")), resource(type, "speech", account("SpeechServices"))],
            { properties: { kinds: ["OpenAI"] } },
        );
        expect(r.violating).toEqual(["openai"]);
        expect(r.clean).toEqual(["speech"]);
    });

    it("counts unknown storage ids as set and leaves an unknown kind to pulumi up", async () => {
        const r = await evaluate(pack, id, [
            resource(type, "unknown-id", account("SpeechServices", { userOwnedStorage: [{ resourceId: unknown }] })),
            resource(type, "unknown-list", account("SpeechServices", { userOwnedStorage: unknown })),
            resource(type, "unknown-kind", account(unknown)),
        ]);
        expect(r.clean).toEqual(["unknown-id", "unknown-list"]);
        expect(r.undecided).toEqual(["unknown-kind"]);
    });

    it("decides on secret values without printing them", async () => {
        const r = await evaluate(pack, id, [
            resource(
                type,
                "secret-id",
                account("SpeechServices", { userOwnedStorage: [{ resourceId: secret(storageId) }] }),
            ),
            resource(type, "secret-kind", account(secret("SpeechServices"))),
        ]);
        expect(r.violating).toEqual(["secret-kind"]);
        expect(r.clean).toEqual(["secret-id"]);
        expect(r.messages("secret-kind").join("")).not.toContain("SpeechServices");
    });

    it("does not throw on values of the wrong type", async () => {
        const r = await evaluate(pack, id, [
            resource(type, "list-string", account("SpeechServices", { userOwnedStorage: storageId })),
            resource(type, "entry-odd", account("SpeechServices", { userOwnedStorage: [null, { resourceId: 3 }] })),
            resource(type, "kind-number", account(5)),
            resource(type, "bag-null", account("SpeechServices", null)),
        ]);
        expect(r.violating).toEqual(["bag-null", "entry-odd", "list-string"]);
        expect(r.clean).toEqual(["kind-number"]);
    });
});
