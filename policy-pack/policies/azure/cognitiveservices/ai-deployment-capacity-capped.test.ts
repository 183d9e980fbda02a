import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PackSession } from "../../../../harness/engine";
import type { WireObject } from "../../../../harness/model";
import { evaluate, openPack, resource, secret, unknown } from "../../../../tests/support/pack";

const type = "azure-native:cognitiveservices:Deployment";
const id = "ai-deployment-capacity-capped";
const properties = { model: { format: "OpenAI", name: "gpt-4o", version: "2024-11-20" }, raiPolicyName: "strict" };
function deployment(sku: unknown): WireObject {
    return {
        resourceGroupName: "rg",
        accountName: "aoai",
        properties,
        ...(sku === undefined ? {} : { sku }),
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
    it("flags deployments above the cap and passes those at or below it", async () => {
        const r = await evaluate(pack, id, [
            resource(type, "pass-small", deployment({ name: "Standard", capacity: 10 })),
            resource(type, "pass-at-cap", deployment({ name: "GlobalStandard", capacity: 100 })),
            resource(type, "pass-no-capacity", deployment({ name: "Standard" })),
            resource(type, "pass-no-sku", deployment(undefined)),
            resource(type, "fail-large", deployment({ name: "GlobalStandard", capacity: 1000 })),
        ]);
        expect(r.violating).toEqual(["fail-large"]);
        expect(r.clean).toEqual(["pass-at-cap", "pass-no-capacity", "pass-no-sku", "pass-small"]);
        expect(r.undecided).toEqual([]);
        expect(r.diagnostics.every((d) => d.enforcementLevel === "advisory" && d.severity === "medium")).toBe(true);
        expect(r.messages("fail-large")).toEqual([
            expect.stringMatching(/^Deployment 'fail-large': sku\.capacity is 1000; expected at most 100\. Fix: /),
        ]);
    });

    it("takes the cap from the policy config", async () => {
        const r = await evaluate(
            pack,
            id,
            [
                resource(type, "ten", deployment({ name: "Standard", capacity: 10 })),
                resource(type, "eleven", deployment({ name: "Standard", capacity: 11 })),
            ],
            { properties: { maxCapacity: 10 } },
        );
        expect(r.violating).toEqual(["eleven"]);
        expect(r.clean).toEqual(["ten"]);
    });

    it("leaves an unknown capacity to pulumi up", async () => {
        const r = await evaluate(pack, id, [
            resource(type, "unknown-capacity", deployment({ name: "Standard", capacity: unknown })),
            resource(type, "unknown-sku", deployment(unknown)),
        ]);
        expect(r.undecided).toEqual(["unknown-capacity", "unknown-sku"]);
        expect(r.violating).toEqual([]);
    });

    it("decides on secret values without printing them", async () => {
        const r = await evaluate(pack, id, [
            resource(type, "secret-large", deployment({ name: "Standard", capacity: secret(500) })),
            resource(type, "secret-small", deployment(secret({ name: "Standard", capacity: 5 }))),
        ]);
        expect(r.violating).toEqual(["secret-large"]);
        expect(r.clean).toEqual(["secret-small"]);
        expect(r.messages("secret-large").join("")).not.toContain("500");
    });

    it("does not throw on values of the wrong type", async () => {
        const r = await evaluate(pack, id, [
            resource(type, "capacity-string", deployment({ name: "Standard", capacity: "100" })),
            resource(type, "capacity-object", deployment({ name: "Standard", capacity: { n: 1 } })),
            resource(type, "sku-string", deployment("Standard")),
            resource(type, "capacity-null", deployment({ name: "Standard", capacity: null })),
        ]);
        expect(r.violating).toEqual(["capacity-object", "capacity-string"]);
        expect(r.clean).toEqual(["capacity-null", "sku-string"]);
        // A string is shown as found, quoted, so the reader sees why a number was expected.
        expect(r.messages("capacity-string").join("")).toContain('sku.capacity is "100"');
    });
});
