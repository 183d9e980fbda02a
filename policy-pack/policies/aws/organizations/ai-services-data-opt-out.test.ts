import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PackSession } from "../../../../harness/engine";
import { evaluate, openPack, resource, secret, unknown } from "../../../../tests/support/pack";

const id = "ai-services-data-opt-out";
const policy = "aws:organizations/policy:Policy";
const org = resource("aws:organizations/organization:Organization", "org", { featureSet: "ALL" });
const content = (assign: string, ops: unknown = ["@@none"]) =>
    JSON.stringify({
        services: {
            default: { opt_out_policy: { "@@assign": assign, "@@operators_allowed_for_child_policies": ops } },
        },
    });
const optOut = (name: string, c: unknown) =>
    resource(policy, name, { type: "AISERVICES_OPT_OUT_POLICY", content: c as never });
const scp = resource(policy, "scp", { type: "SERVICE_CONTROL_POLICY", content: "{}" });

let pack: PackSession;
beforeAll(async () => {
    pack = await openPack();
});
afterAll(async () => {
    await pack?.close();
});

describe(id, () => {
    it("flags an organization stack without an opt-out policy", async () => {
        const r = await evaluate(pack, id, [org, scp]);
        expect(r.violating).toEqual(["org"]);
        expect(r.messages("org")[0]).toMatch(
            /^Organization 'org': AI services opt-out policy is missing: .*"AISERVICES_OPT_OUT_POLICY".*Fix: /,
        );
        const onlyScp = await evaluate(pack, id, [scp]);
        expect(onlyScp.violating).toEqual(["scp"]);
        expect(r.diagnostics.every((d) => d.enforcementLevel === "advisory" && d.severity === "medium")).toBe(true);
    });

    it("judges the opt-out content", async () => {
        const r = await evaluate(pack, id, [
            org,
            optOut("good", content("optOut")),
            optOut("opt-in", content("optIn")),
            optOut("overridable", content("optOut", ["@@assign"])),
            optOut("empty", "{}"),
            optOut("object", {
                services: {
                    default: {
                        opt_out_policy: { "@@assign": "optOut", "@@operators_allowed_for_child_policies": ["@@none"] },
                    },
                },
            }),
        ]);
        expect(r.violating).toEqual(["empty", "opt-in", "overridable"]);
        expect(r.clean).toEqual(["good", "object", "org"]);
    });

    it("honours managedElsewhere and leaves unknown values to pulumi up", async () => {
        const elsewhere = await evaluate(pack, id, [org], { properties: { managedElsewhere: true } });
        expect(elsewhere.violating).toEqual([]);
        const u = await evaluate(pack, id, [
            org,
            optOut("c", unknown),
            resource(policy, "t", { type: unknown, content: "{}" }),
        ]);
        expect(u.undecided).toEqual(["c"]);
        expect(u.violating).toEqual([]);
        const t = await evaluate(pack, id, [org, resource(policy, "t", { type: unknown, content: "{}" })]);
        expect(t.undecided).toEqual(["t"]);
    });

    it("reads secrets without printing them and survives odd input", async () => {
        const r = await evaluate(pack, id, [
            org,
            optOut("secret", secret(content("optOut"))),
            optOut("bad", "{not json s3cr3t"),
            optOut("num", 5),
            resource(policy, "odd-type", { type: 7, content: "{}" }),
        ]);
        expect(r.violating).toEqual(["bad", "num"]);
        expect(r.clean).toEqual(["odd-type", "org", "secret"]);
        expect(r.diagnostics.map((d) => d.message).join("\n")).not.toContain("s3cr3t");
    });
});
