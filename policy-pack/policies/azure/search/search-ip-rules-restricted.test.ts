import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PackSession } from "../../../../harness/engine";
import type { WireObject } from "../../../../harness/model";
import { evaluate, openPack, resource, secret, unknown } from "../../../../tests/support/pack";

const type = "azure-native:search:Service";
const id = "search-ip-rules-restricted";
const base = { resourceGroupName: "rg", sku: { name: "standard" } };
function service(extra: Record<string, unknown>): WireObject {
    return { ...base, ...extra } as WireObject;
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
    it("flags public services without IP rules or with a rule open to the internet", async () => {
        const r = await evaluate(pack, id, [
            resource(type, "pass-disabled", service({ publicNetworkAccess: "Disabled" })),
            resource(type, "pass-perimeter", service({ publicNetworkAccess: "securedByPerimeter" })),
            resource(
                type,
                "pass-rules",
                service({ publicNetworkAccess: "Enabled", networkRuleSet: { ipRules: [office] } }),
            ),
            resource(type, "pass-rules-unset-access", service({ networkRuleSet: { ipRules: [office] } })),
            resource(type, "fail-unset", base),
            resource(
                type,
                "fail-enabled",
                service({ publicNetworkAccess: "enabled", networkRuleSet: { bypass: "AzureServices" } }),
            ),
            resource(type, "fail-empty", service({ networkRuleSet: { ipRules: [] } })),
            resource(type, "fail-open", service({ networkRuleSet: { ipRules: [office, { value: "0.0.0.0/0" }] } })),
            resource(type, "fail-star", service({ networkRuleSet: { ipRules: [{ value: "*" }] } })),
        ]);
        expect(r.violating).toEqual(["fail-empty", "fail-enabled", "fail-open", "fail-star", "fail-unset"]);
        expect(r.clean).toEqual(["pass-disabled", "pass-perimeter", "pass-rules", "pass-rules-unset-access"]);
        expect(r.undecided).toEqual([]);
        expect(r.diagnostics.every((d) => d.enforcementLevel === "mandatory" && d.severity === "high")).toBe(true);
    });

    it("names the setting, found value, expected value and fix", async () => {
        const r = await evaluate(pack, id, [
            resource(type, "fail-unset", base),
            resource(type, "fail-open", service({ networkRuleSet: { ipRules: [office, { value: "0.0.0.0/0" }] } })),
        ]);
        expect(r.messages("fail-unset")).toEqual([
            expect.stringMatching(
                /^Service 'fail-unset': networkRuleSet\.ipRules is not set \(every address admitted\); expected a list of allowed address ranges\. Fix: /,
            ),
        ]);
        expect(r.messages("fail-open")).toEqual([
            expect.stringContaining(
                'networkRuleSet.ipRules[1].value is "0.0.0.0/0"; expected a specific address range',
            ),
        ]);
        expect(r.messages("fail-open").join("")).not.toContain("203.0.113");
    });

    it("leaves unknown values to pulumi up unless something else fails", async () => {
        const r = await evaluate(pack, id, [
            resource(type, "unknown-access", service({ publicNetworkAccess: unknown })),
            resource(type, "unknown-rules", service({ networkRuleSet: { ipRules: unknown } })),
            resource(type, "unknown-rule-set", service({ networkRuleSet: unknown })),
            resource(type, "unknown-value", service({ networkRuleSet: { ipRules: [{ value: unknown }] } })),
            resource(
                type,
                "unknown-and-open",
                service({ networkRuleSet: { ipRules: [{ value: unknown }, { value: "0.0.0.0" }] } }),
            ),
        ]);
        expect(r.undecided).toEqual(["unknown-access", "unknown-rule-set", "unknown-rules", "unknown-value"]);
        expect(r.violating).toEqual(["unknown-and-open"]);
    });

    it("decides on secret values without printing them", async () => {
        const r = await evaluate(pack, id, [
            resource(
                type,
                "secret-rules",
                service({ networkRuleSet: { ipRules: secret([{ value: "198.51.100.7" }]) } }),
            ),
            resource(type, "secret-open", service({ networkRuleSet: { ipRules: [{ value: secret("0.0.0.0/0") }] } })),
            resource(type, "secret-access", service({ publicNetworkAccess: secret("Disabled") })),
        ]);
        expect(r.violating).toEqual(["secret-open"]);
        expect(r.clean).toEqual(["secret-access", "secret-rules"]);
        expect(r.messages("secret-open").join("")).not.toContain("0.0.0.0/0");
    });

    it("does not throw on values of the wrong type", async () => {
        const r = await evaluate(pack, id, [
            resource(type, "rules-string", service({ networkRuleSet: { ipRules: "0.0.0.0/0" } })),
            resource(type, "rule-set-list", service({ networkRuleSet: [office] })),
            resource(type, "rule-odd", service({ networkRuleSet: { ipRules: [null, 3, { value: 7 }] } })),
            resource(type, "access-number", service({ publicNetworkAccess: 0, networkRuleSet: { ipRules: [office] } })),
            resource(type, "rule-set-null", service({ networkRuleSet: null })),
        ]);
        expect(r.violating).toEqual(["rule-set-list", "rule-set-null", "rules-string"]);
        expect(r.clean).toEqual(["access-number", "rule-odd"]);
        expect(r.undecided).toEqual([]);
    });
});
