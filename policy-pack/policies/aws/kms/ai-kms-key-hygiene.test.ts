import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PackSession } from "../../../../harness/engine";
import { evaluate, openPack, resource, secret, unknown } from "../../../../tests/support/pack";

const id = "ai-kms-key-hygiene";
const key = "aws:kms/key:Key";
const ai = { tags: { "aiguard:system": "ai" } };
const notebook = (name: string, keyName: string) =>
    resource(
        "aws:sagemaker/notebookInstance:NotebookInstance",
        name,
        { instanceType: "ml.t3.medium", kmsKeyId: unknown },
        { propertyDependencies: { kmsKeyId: [keyName] } },
    );

let pack: PackSession;
beforeAll(async () => {
    pack = await openPack();
});
afterAll(async () => {
    await pack?.close();
});

describe(id, () => {
    it("flags AI keys without rotation or with a short deletion window", async () => {
        const r = await evaluate(pack, id, [
            resource(key, "no-rotation", { description: "nb" }),
            notebook("nb", "no-rotation"),
            resource(key, "short", { ...ai, enableKeyRotation: true, deletionWindowInDays: 7 }),
            resource(key, "good", { ...ai, enableKeyRotation: true }),
            resource(key, "good-window", { ...ai, enableKeyRotation: true, deletionWindowInDays: 30 }),
            resource(key, "asymmetric", { ...ai, customerMasterKeySpec: "RSA_2048" }),
        ]);
        expect(r.violating).toEqual(["no-rotation", "short"]);
        expect(r.clean).toEqual(["asymmetric", "good", "good-window", "nb"]);
        expect(r.messages("no-rotation")[0]).toMatch(
            /^Key 'no-rotation': enableKeyRotation is not set \(provider default false\) \(the key is in the AI system: referenced by aws:sagemaker\/notebookInstance:NotebookInstance 'nb'\); expected true\. Fix: /,
        );
        expect(r.messages("short")[0]).toContain(
            "deletionWindowInDays is 7 (the key is in the AI system: tagged as part of the AI system); expected at least 30",
        );
        expect(r.diagnostics.every((d) => d.enforcementLevel === "advisory" && d.severity === "medium")).toBe(true);
    });

    it("honours the configured minimum window", async () => {
        const r = await evaluate(
            pack,
            id,
            [resource(key, "k", { ...ai, enableKeyRotation: true, deletionWindowInDays: 10 })],
            {
                properties: { minDeletionWindowDays: 7 },
            },
        );
        expect(r.violating).toEqual([]);
    });

    it("leaves unknown values to pulumi up, unless the program never set them", async () => {
        const r = await evaluate(pack, id, [
            resource(key, "rot", { ...ai, enableKeyRotation: unknown }),
            resource(key, "win", { ...ai, enableKeyRotation: true, deletionWindowInDays: unknown }),
            resource(key, "computed", ai, {
                outputs: { ...ai, enableKeyRotation: unknown, deletionWindowInDays: unknown },
            }),
        ]);
        expect(r.undecided).toEqual(["rot", "win"]);
        expect(r.violating).toEqual(["computed"]);
    });

    it("ignores keys outside the AI system", async () => {
        const r = await evaluate(pack, id, [
            resource(key, "app"),
            resource(key, "biz", { tags: { "aiguard:system": "business" } }),
            notebook("nb", "biz"),
        ]);
        expect(r.violating).toEqual([]);
    });

    it("judges secrets and odd values without throwing", async () => {
        const r = await evaluate(pack, id, [
            resource(key, "secret", { ...ai, enableKeyRotation: secret(true), deletionWindowInDays: secret(30) }),
            resource(key, "odd", {
                ...ai,
                enableKeyRotation: "true",
                deletionWindowInDays: "30",
                customerMasterKeySpec: 5,
            }),
        ]);
        expect(r.violating).toEqual(["odd"]);
        expect(r.clean).toEqual(["secret"]);
    });
});
