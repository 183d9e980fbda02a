import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PackSession } from "../../../../harness/engine";
import type { WireObject } from "../../../../harness/model";
import { evaluate, openPack, resource, secret, unknown } from "../../../../tests/support/pack";

const id = "ai-key-vault-network-restricted";
const vaultType = "azure-native:keyvault:Vault";
const props = { tenantId: "00000000-0000-0000-0000-000000000000", sku: { family: "A", name: "standard" } };
const vault = (name: string, properties: WireObject, tags: WireObject = { "aiguard:system": "ai" }) =>
    resource(vaultType, name, { resourceGroupName: "rg", tags, properties: { ...props, ...properties } });

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
            vault("disabled", { publicNetworkAccess: "disabled" }),
            vault("disabled-caps", { publicNetworkAccess: "Disabled" }),
            vault("deny", { networkAcls: { defaultAction: "Deny", bypass: "AzureServices" } }),
            vault("missing", {}),
            vault("open", { publicNetworkAccess: "enabled", networkAcls: { defaultAction: "Allow" } }),
        ]);
        expect(r.violating).toEqual(["missing", "open"]);
        expect(r.clean).toEqual(["deny", "disabled", "disabled-caps"]);
        expect(r.messages("open")).toEqual([
            expect.stringMatching(
                /^Vault 'open': properties\.publicNetworkAccess and properties\.networkAcls\.defaultAction is "enabled" and "Allow"; expected properties\.publicNetworkAccess "disabled", or properties\.networkAcls\.defaultAction "Deny"\. Fix: /,
            ),
        ]);
    });

    it("leaves unknown values to pulumi up, judges secrets silently and survives odd values", async () => {
        const r = await evaluate(pack, id, [
            vault("unknown", { publicNetworkAccess: unknown }),
            vault("secret-ok", { publicNetworkAccess: secret("disabled") }),
            vault("secret-bad", { publicNetworkAccess: secret("s3cr3t") }),
            vault("odd", { publicNetworkAccess: false, networkAcls: ["Deny"] }),
            resource(vaultType, "no-props", { resourceGroupName: "rg", tags: { "aiguard:system": "ai" } }),
        ]);
        expect(r.undecided).toEqual(["unknown"]);
        expect(r.violating).toEqual(["no-props", "odd", "secret-bad"]);
        expect(r.clean).toEqual(["secret-ok"]);
        expect(r.diagnostics.map((d) => d.message).join("\n")).not.toContain("s3cr3t");
    });

    it("checks vaults an AI workspace references, never unrelated or business vaults", async () => {
        const r = await evaluate(pack, id, [
            vault("ws-kv", {}, {}),
            resource(
                "azure-native:machinelearningservices:Workspace",
                "ws",
                { resourceGroupName: "rg", keyVault: unknown },
                { propertyDependencies: { keyVault: ["ws-kv"] } },
            ),
            vault("app-kv", {}, {}),
            vault("biz-kv", {}, { "aiguard:system": "business" }),
        ]);
        expect(r.violating).toEqual(["ws-kv"]);
        expect(r.clean).toEqual(["app-kv", "biz-kv", "ws"]);
    });
});
