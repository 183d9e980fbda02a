import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PackSession } from "../../../../harness/engine";
import type { WireObject } from "../../../../harness/model";
import { evaluate, openPack, resource, secret, unknown } from "../../../../tests/support/pack";

const id = "ai-storage-account-network-restricted";
const account = "azure-native:storage:StorageAccount";
const ai = {
    resourceGroupName: "rg",
    kind: "StorageV2",
    sku: { name: "Standard_ZRS" },
    tags: { "aiguard:system": "ai" },
};
const acct = (name: string, inputs: WireObject) => resource(account, name, { ...ai, ...inputs });

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
            acct("disabled", { publicNetworkAccess: "Disabled" }),
            acct("perimeter", { publicNetworkAccess: "securedByPerimeter" }),
            acct("deny", { publicNetworkAccess: "Enabled", networkRuleSet: { defaultAction: "deny" } }),
            acct("missing", {}),
            acct("open", { publicNetworkAccess: "Enabled", networkRuleSet: { defaultAction: "Allow" } }),
            acct("rules-no-action", { networkRuleSet: { ipRules: [{ iPAddressOrRange: "1.2.3.4" }] } }),
        ]);
        expect(r.violating).toEqual(["missing", "open", "rules-no-action"]);
        expect(r.clean).toEqual(["deny", "disabled", "perimeter"]);
        expect(r.undecided).toEqual([]);
        expect(r.messages("missing")).toEqual([
            expect.stringMatching(
                /^StorageAccount 'missing': publicNetworkAccess and networkRuleSet\.defaultAction is not set \(provider default "Enabled"\) and not set \(provider default "Allow"\); expected publicNetworkAccess "Disabled" or "SecuredByPerimeter", or networkRuleSet\.defaultAction "Deny"\. Fix: /,
            ),
        ]);
        expect(r.diagnostics.every((d) => d.severity === "high" && d.enforcementLevel === "mandatory")).toBe(true);
    });

    it("leaves unknown values to pulumi up unless the other setting already passes", async () => {
        const r = await evaluate(pack, id, [
            acct("pna-unknown", { publicNetworkAccess: unknown }),
            acct("action-unknown", { networkRuleSet: { defaultAction: unknown } }),
            acct("unknown-but-disabled", { publicNetworkAccess: "Disabled", networkRuleSet: unknown }),
            resource(account, "computed-unset", ai, { outputs: { ...ai, publicNetworkAccess: unknown } }),
        ]);
        expect(r.undecided).toEqual(["action-unknown", "pna-unknown"]);
        expect(r.violating).toEqual(["computed-unset"]);
        expect(r.clean).toEqual(["unknown-but-disabled"]);
    });

    it("judges secrets without printing them and does not break on odd values", async () => {
        const r = await evaluate(pack, id, [
            acct("secret-ok", { publicNetworkAccess: secret("Disabled") }),
            acct("secret-bad", { publicNetworkAccess: secret("s3cr3t-mode") }),
            acct("number", { publicNetworkAccess: 1, networkRuleSet: "Deny" }),
            acct("null", { publicNetworkAccess: null, networkRuleSet: { defaultAction: null } }),
        ]);
        expect(r.violating).toEqual(["null", "number", "secret-bad"]);
        expect(r.clean).toEqual(["secret-ok"]);
        expect(r.diagnostics.map((d) => d.message).join("\n")).not.toContain("s3cr3t");
    });

    it("ignores storage accounts outside the AI system", async () => {
        const r = await evaluate(pack, id, [
            resource(account, "plain", { resourceGroupName: "rg" }),
            resource(account, "biz", { resourceGroupName: "rg", tags: { "aiguard:system": "business" } }),
            resource(account, "uos", { resourceGroupName: "rg" }),
            resource(
                "azure-native:cognitiveservices:Account",
                "openai",
                { kind: "OpenAI", properties: { userOwnedStorage: [{ resourceId: unknown }] } },
                { propertyDependencies: { properties: ["uos"] } },
            ),
        ]);
        expect(r.violating).toEqual(["uos"]);
        expect(r.clean).toEqual(["biz", "openai", "plain"]);
    });
});
