import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PackSession } from "../../../../harness/engine";
import { evaluate, openPack, resource, secret, unknown } from "../../../../tests/support/pack";

const type = "azure-native:cognitiveservices:Account";
const id = "ai-account-public-network-disabled";
const base = { resourceGroupName: "rg", kind: "OpenAI", sku: { name: "S0" } };

let pack: PackSession;
beforeAll(async () => {
    pack = await openPack();
});
afterAll(async () => {
    await pack?.close();
});

describe(id, () => {
    it("flags accounts with public network access enabled or left at the provider default", async () => {
        const r = await evaluate(pack, id, [
            resource(type, "fail-enabled", { ...base, properties: { publicNetworkAccess: "Enabled" } }),
            resource(type, "fail-unset", { ...base, properties: { customSubDomainName: "ai-sub" } }),
            resource(type, "fail-no-properties", base),
            resource(type, "fail-acls-deny", {
                ...base,
                properties: { publicNetworkAccess: "Enabled", networkAcls: { defaultAction: "Deny" } },
            }),
            resource(type, "pass-disabled", { ...base, properties: { publicNetworkAccess: "Disabled" } }),
            resource(type, "pass-ai-services", {
                ...base,
                kind: "AIServices",
                properties: { publicNetworkAccess: "Disabled" },
            }),
        ]);
        expect(r.violating).toEqual(["fail-acls-deny", "fail-enabled", "fail-no-properties", "fail-unset"]);
        expect(r.clean).toEqual(["pass-ai-services", "pass-disabled"]);
        expect(r.undecided).toEqual([]);
        expect(r.diagnostics.every((d) => d.enforcementLevel === "mandatory" && d.severity === "high")).toBe(true);
    });

    it("names the resource, setting, found value, expected value and fix", async () => {
        const r = await evaluate(pack, id, [
            resource(type, "fail-unset", base),
            resource(type, "fail-enabled", { ...base, properties: { publicNetworkAccess: "Enabled" } }),
        ]);
        expect(r.messages("fail-unset")).toEqual([
            expect.stringMatching(
                /^Account 'fail-unset': properties\.publicNetworkAccess is not set \(provider default "Enabled"\); expected "Disabled"\. Fix: Set properties\.publicNetworkAccess to "Disabled"\./,
            ),
        ]);
        expect(r.messages("fail-enabled")).toEqual([
            expect.stringMatching(
                /^Account 'fail-enabled': properties\.publicNetworkAccess is "Enabled"; expected "Disabled"\. Fix: /,
            ),
        ]);
    });

    it("leaves an unknown value to pulumi up with the engine's advisory", async () => {
        const r = await evaluate(pack, id, [
            resource(type, "computed", { ...base, properties: { publicNetworkAccess: unknown } }),
            resource(type, "computed-bag", { ...base, properties: unknown }),
        ]);
        expect(r.violating).toEqual([]);
        expect(r.undecided).toEqual(["computed", "computed-bag"]);
        expect(r.diagnostics.every((d) => d.enforcementLevel === "advisory")).toBe(true);
    });

    it("decides on secret values without printing them", async () => {
        const r = await evaluate(pack, id, [
            resource(type, "secret-enabled", { ...base, properties: { publicNetworkAccess: secret("Enabled") } }),
            resource(type, "secret-disabled", { ...base, properties: { publicNetworkAccess: secret("Disabled") } }),
            resource(type, "secret-bag-disabled", { ...base, properties: secret({ publicNetworkAccess: "Disabled" }) }),
        ]);
        expect(r.violating).toEqual(["secret-enabled"]);
        expect(r.clean).toEqual(["secret-bag-disabled", "secret-disabled"]);
        expect(r.messages("secret-enabled").join("")).not.toContain('"Enabled"');
    });

    it("compares the enum case-insensitively", async () => {
        const r = await evaluate(pack, id, [
            resource(type, "lower-disabled", { ...base, properties: { publicNetworkAccess: "disabled" } }),
            resource(type, "upper-disabled", { ...base, properties: { publicNetworkAccess: "DISABLED" } }),
            resource(type, "lower-enabled", { ...base, properties: { publicNetworkAccess: "enabled" } }),
        ]);
        expect(r.violating).toEqual(["lower-enabled"]);
        expect(r.clean).toEqual(["lower-disabled", "upper-disabled"]);
    });

    it("does not throw on values of the wrong type", async () => {
        const r = await evaluate(pack, id, [
            resource(type, "number", { ...base, properties: { publicNetworkAccess: 0 } }),
            resource(type, "object", { ...base, properties: { publicNetworkAccess: { nested: ["Disabled"] } } }),
            resource(type, "null", { ...base, properties: { publicNetworkAccess: null } }),
            resource(type, "bag-string", { ...base, properties: "Disabled" }),
            resource(type, "bag-list", { ...base, properties: [{ publicNetworkAccess: "Disabled" }] }),
            resource(type, "bag-null", { ...base, properties: null }),
        ]);
        expect(r.violating).toEqual(["bag-list", "bag-null", "bag-string", "null", "number", "object"]);
        expect(r.undecided).toEqual([]);
    });
});
