import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PackSession } from "../../../../harness/engine";
import type { WireObject } from "../../../../harness/model";
import { evaluate, openPack, resource, secret, unknown } from "../../../../tests/support/pack";

const type = "azure-native:cognitiveservices:Deployment";
const id = "openai-deployment-content-filter";
const model = { format: "OpenAI", name: "gpt-4o", version: "2024-11-20" };
const base = { resourceGroupName: "rg", accountName: "aoai", sku: { name: "Standard", capacity: 10 } };
function deployment(properties: unknown): WireObject {
    return { ...base, properties } as WireObject;
}

let pack: PackSession;
beforeAll(async () => {
    pack = await openPack();
});
afterAll(async () => {
    await pack?.close();
});

describe(id, () => {
    it("flags deployments on the default or a built-in policy and passes custom policies", async () => {
        const r = await evaluate(pack, id, [
            resource(type, "fail-unset", deployment({ model })),
            resource(type, "fail-no-properties", base),
            resource(type, "fail-default-v2", deployment({ model, raiPolicyName: "Microsoft.DefaultV2" })),
            resource(type, "fail-nil", deployment({ model, raiPolicyName: "microsoft.nil" })),
            resource(type, "fail-empty", deployment({ model, raiPolicyName: " " })),
            resource(type, "pass-custom", deployment({ model, raiPolicyName: "strict-filters" })),
        ]);
        expect(r.violating).toEqual(["fail-default-v2", "fail-empty", "fail-nil", "fail-no-properties", "fail-unset"]);
        expect(r.clean).toEqual(["pass-custom"]);
        expect(r.undecided).toEqual([]);
        expect(r.diagnostics.every((d) => d.enforcementLevel === "advisory" && d.severity === "medium")).toBe(true);
        expect(r.messages("fail-unset")).toEqual([
            expect.stringMatching(
                /^Deployment 'fail-unset': properties\.raiPolicyName is not set \(provider default "Microsoft\.DefaultV2"\); expected a custom RAI policy\. Fix: /,
            ),
        ]);
        expect(r.messages("fail-nil")).toEqual([expect.stringContaining('is "microsoft.nil"')]);
    });

    it("requires a name from the approved list when one is configured, showing the name found", async () => {
        const r = await evaluate(
            pack,
            id,
            [
                resource(type, "approved", deployment({ model, raiPolicyName: "Strict-Filters" })),
                resource(type, "other", deployment({ model, raiPolicyName: "team-lenient" })),
                resource(type, "computed", deployment({ model, raiPolicyName: unknown })),
            ],
            { properties: { approvedPolicies: ["strict-filters"] } },
        );
        expect(r.violating).toEqual(["other"]);
        expect(r.clean).toEqual(["approved"]);
        expect(r.undecided).toEqual(["computed"]);
        expect(r.messages("other").join("")).toContain('properties.raiPolicyName is "team-lenient"');
        expect(r.messages("other").join("")).toContain("approvedPolicies");
    });

    it("counts an unknown policy name as custom when no list is configured", async () => {
        const r = await evaluate(pack, id, [
            resource(type, "computed", deployment({ model, raiPolicyName: unknown })),
            resource(type, "computed-bag", deployment(unknown)),
        ]);
        expect(r.clean).toEqual(["computed"]);
        expect(r.undecided).toEqual(["computed-bag"]);
        expect(r.violating).toEqual([]);
    });

    it("decides on secret values without printing them", async () => {
        const r = await evaluate(pack, id, [
            resource(type, "secret-default", deployment({ model, raiPolicyName: secret("Microsoft.DefaultV2") })),
            resource(type, "secret-custom", deployment(secret({ model, raiPolicyName: "strict-filters" }))),
        ]);
        expect(r.violating).toEqual(["secret-default"]);
        expect(r.clean).toEqual(["secret-custom"]);
        expect(r.messages("secret-default").join("")).not.toContain('Microsoft.DefaultV2"');
    });

    it("does not throw on values of the wrong type", async () => {
        const r = await evaluate(pack, id, [
            resource(type, "number", deployment({ raiPolicyName: 5 })),
            resource(type, "object", deployment({ raiPolicyName: { name: "strict" } })),
            resource(type, "null", deployment({ raiPolicyName: null })),
            resource(type, "bag-string", deployment("strict")),
            resource(type, "bag-null", deployment(null)),
        ]);
        expect(r.violating).toEqual(["bag-null", "bag-string", "null", "number", "object"]);
        expect(r.undecided).toEqual([]);
    });
});
