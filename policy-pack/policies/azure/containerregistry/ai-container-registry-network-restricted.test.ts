import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PackSession } from "../../../../harness/engine";
import type { WireObject } from "../../../../harness/model";
import { evaluate, openPack, resource, secret, unknown } from "../../../../tests/support/pack";

const id = "ai-container-registry-network-restricted";
const registryType = "azure-native:containerregistry:Registry";
const base = { resourceGroupName: "rg", sku: { name: "Premium" } };
const registry = (name: string, inputs: WireObject, tags: WireObject = { "aiguard:system": "ai" }) =>
    resource(registryType, name, { ...base, tags, ...inputs });

let pack: PackSession;
beforeAll(async () => {
    pack = await openPack();
});
afterAll(async () => {
    await pack?.close();
});

describe(id, () => {
    it("passes a disabled public endpoint or a deny-by-default firewall, and flags the rest", async () => {
        const r = await evaluate(pack, id, [
            registry("disabled", { publicNetworkAccess: "Disabled" }),
            registry("deny", { networkRuleSet: { defaultAction: "Deny", ipRules: [] } }),
            registry("missing", {}),
            registry("enabled", { publicNetworkAccess: "Enabled" }),
        ]);
        expect(r.violating).toEqual(["enabled", "missing"]);
        expect(r.clean).toEqual(["deny", "disabled"]);
        expect(r.messages("enabled")[0]).toMatch(
            /^Registry 'enabled': publicNetworkAccess and networkRuleSet\.defaultAction is "Enabled" and not set \(provider default "Allow"\); expected /,
        );
        expect(r.diagnostics.every((d) => d.severity === "high" && d.enforcementLevel === "mandatory")).toBe(true);
    });

    it("leaves unknown values to pulumi up, judges secrets silently and survives odd values", async () => {
        const r = await evaluate(pack, id, [
            registry("unknown", { publicNetworkAccess: unknown }),
            resource(
                registryType,
                "computed-unset",
                { ...base, tags: { "aiguard:system": "ai" } },
                {
                    outputs: { ...base, tags: { "aiguard:system": "ai" }, publicNetworkAccess: unknown },
                },
            ),
            registry("secret-ok", { publicNetworkAccess: secret("Disabled") }),
            registry("secret-bad", { publicNetworkAccess: secret("s3cr3t") }),
            registry("odd", { publicNetworkAccess: null, networkRuleSet: 7 }),
        ]);
        expect(r.undecided).toEqual(["unknown"]);
        expect(r.violating).toEqual(["computed-unset", "odd", "secret-bad"]);
        expect(r.clean).toEqual(["secret-ok"]);
        expect(r.diagnostics.map((d) => d.message).join("\n")).not.toContain("s3cr3t");
    });

    it("checks registries an AI workspace references, never unrelated or business registries", async () => {
        const r = await evaluate(pack, id, [
            registry("ws-acr", {}, {}),
            resource(
                "azure-native:machinelearningservices:Workspace",
                "ws",
                { resourceGroupName: "rg", containerRegistry: unknown },
                { propertyDependencies: { containerRegistry: ["ws-acr"] } },
            ),
            registry("web-acr", {}, {}),
            registry("biz-acr", {}, { "aiguard:system": "business" }),
        ]);
        expect(r.violating).toEqual(["ws-acr"]);
        expect(r.clean).toEqual(["biz-acr", "web-acr", "ws"]);
    });
});
