import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PackSession } from "../../../../harness/engine";
import type { WireObject } from "../../../../harness/model";
import { evaluate, openPack, resource, secret, unknown } from "../../../../tests/support/pack";

const type = "azure-native:cognitiveservices:Account";
const id = "ai-account-network-acls-deny";
const base = { resourceGroupName: "rg", kind: "OpenAI", sku: { name: "S0" } };
function account(properties: unknown): WireObject {
    return { ...base, properties } as WireObject;
}
const office = { value: "203.0.113.0/24" };

let pack: PackSession;
beforeAll(async () => {
    pack = await openPack();
});
afterAll(async () => {
    await pack?.close();
});

describe(id, () => {
    it("flags public accounts that allow by default or admit the whole internet", async () => {
        const r = await evaluate(pack, id, [
            resource(type, "pass-disabled", account({ publicNetworkAccess: "Disabled" })),
            resource(
                type,
                "pass-disabled-allow",
                account({ publicNetworkAccess: "disabled", networkAcls: { defaultAction: "Allow" } }),
            ),
            resource(
                type,
                "pass-deny",
                account({ publicNetworkAccess: "Enabled", networkAcls: { defaultAction: "Deny", ipRules: [office] } }),
            ),
            resource(type, "pass-deny-unset-access", account({ networkAcls: { defaultAction: "deny" } })),
            resource(type, "fail-no-acls", account({ publicNetworkAccess: "Enabled" })),
            resource(type, "fail-no-properties", base),
            resource(type, "fail-allow", account({ networkAcls: { defaultAction: "Allow", ipRules: [office] } })),
            resource(
                type,
                "fail-open-rule",
                account({ networkAcls: { defaultAction: "Deny", ipRules: [office, { value: "0.0.0.0/0" }] } }),
            ),
            resource(
                type,
                "fail-open-v6",
                account({ networkAcls: { defaultAction: "Deny", ipRules: [{ value: "::/0" }] } }),
            ),
        ]);
        expect(r.violating).toEqual([
            "fail-allow",
            "fail-no-acls",
            "fail-no-properties",
            "fail-open-rule",
            "fail-open-v6",
        ]);
        expect(r.clean).toEqual(["pass-deny", "pass-deny-unset-access", "pass-disabled", "pass-disabled-allow"]);
        expect(r.undecided).toEqual([]);
        expect(r.diagnostics.every((d) => d.enforcementLevel === "mandatory" && d.severity === "high")).toBe(true);
    });

    it("names the setting, found value, expected value and fix", async () => {
        const r = await evaluate(pack, id, [
            resource(type, "fail-no-acls", account({ publicNetworkAccess: "Enabled" })),
            resource(
                type,
                "fail-open-rule",
                account({ networkAcls: { defaultAction: "Allow", ipRules: [office, { value: "0.0.0.0/0" }] } }),
            ),
        ]);
        expect(r.messages("fail-no-acls")).toEqual([
            expect.stringMatching(
                /^Account 'fail-no-acls': properties\.networkAcls\.defaultAction is not set \(provider default "Allow"\); expected "Deny"\. Fix: /,
            ),
        ]);
        // One account, one finding listing both settings.
        expect(r.messages("fail-open-rule")).toEqual([
            expect.stringMatching(
                /properties\.networkAcls\.defaultAction is "Allow"; expected "Deny"\n.*properties\.networkAcls\.ipRules\[1\]\.value is "0\.0\.0\.0\/0"; expected a specific address range/,
            ),
        ]);
        expect(r.messages("fail-open-rule").join("")).not.toContain("203.0.113");
    });

    it("leaves unknown values to pulumi up unless something else fails", async () => {
        const r = await evaluate(pack, id, [
            resource(type, "unknown-access", account({ publicNetworkAccess: unknown })),
            resource(type, "unknown-action", account({ networkAcls: { defaultAction: unknown } })),
            resource(type, "unknown-rules", account({ networkAcls: { defaultAction: "Deny", ipRules: unknown } })),
            resource(
                type,
                "unknown-rule-value",
                account({ networkAcls: { defaultAction: "Deny", ipRules: [{ value: unknown }] } }),
            ),
            resource(
                type,
                "unknown-rules-allow",
                account({ networkAcls: { defaultAction: "Allow", ipRules: unknown } }),
            ),
        ]);
        expect(r.undecided).toEqual(["unknown-access", "unknown-action", "unknown-rule-value", "unknown-rules"]);
        expect(r.violating).toEqual(["unknown-rules-allow"]);
    });

    it("decides on secret values without printing them", async () => {
        const r = await evaluate(pack, id, [
            resource(
                type,
                "secret-rules",
                account({ networkAcls: { defaultAction: "Deny", ipRules: secret([{ value: "198.51.100.7" }]) } }),
            ),
            resource(
                type,
                "secret-open",
                account({ networkAcls: { defaultAction: "Deny", ipRules: [{ value: secret("0.0.0.0/0") }] } }),
            ),
            resource(type, "secret-allow", account({ networkAcls: { defaultAction: secret("Allow") } })),
        ]);
        expect(r.violating).toEqual(["secret-allow", "secret-open"]);
        expect(r.clean).toEqual(["secret-rules"]);
        expect(r.messages("secret-open").join("")).not.toContain("0.0.0.0/0");
        expect(r.messages("secret-allow").join("")).not.toContain('"Allow"');
    });

    it("does not throw on values of the wrong type", async () => {
        const r = await evaluate(pack, id, [
            resource(type, "acls-string", account({ networkAcls: "Deny" })),
            resource(
                type,
                "rules-object",
                account({ networkAcls: { defaultAction: "Deny", ipRules: { value: "0.0.0.0/0" } } }),
            ),
            resource(
                type,
                "rule-odd",
                account({ networkAcls: { defaultAction: "Deny", ipRules: [null, 3, { value: 7 }] } }),
            ),
            resource(type, "action-number", account({ networkAcls: { defaultAction: 0 } })),
            resource(
                type,
                "access-number",
                account({ publicNetworkAccess: 1, networkAcls: { defaultAction: "Deny" } }),
            ),
            resource(type, "bag-null", account(null)),
        ]);
        expect(r.violating).toEqual(["acls-string", "action-number", "bag-null"]);
        expect(r.clean).toEqual(["access-number", "rule-odd", "rules-object"]);
        expect(r.undecided).toEqual([]);
    });
});
