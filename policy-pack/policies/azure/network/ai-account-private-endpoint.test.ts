import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PackSession } from "../../../../harness/engine";
import type { WireValue } from "../../../../harness/model";
import { evaluate, openPack, resource, secret, unknown } from "../../../../tests/support/pack";

const id = "ai-account-private-endpoint";
const accountType = "azure-native:cognitiveservices:Account";
const peType = "azure-native:network:PrivateEndpoint";
const account = (name: string, sub: WireValue | "unset" = `${name}-sub`) =>
    resource(accountType, name, {
        resourceGroupName: "rg",
        kind: "OpenAI",
        sku: { name: "S0" },
        properties: sub === "unset" ? {} : { customSubDomainName: sub },
    });
const pe = (name: string, target: string, groupIds: WireValue, prop = "privateLinkServiceConnections") =>
    resource(
        peType,
        name,
        {
            resourceGroupName: "rg",
            subnet: { id: unknown },
            [prop]: [{ name: "c", privateLinkServiceId: unknown, groupIds }],
        },
        { propertyDependencies: { [prop]: [target] } },
    );

let pack: PackSession;
beforeAll(async () => {
    pack = await openPack();
});
afterAll(async () => {
    await pack?.close();
});

describe(id, () => {
    it("passes accounts with a private endpoint for the account sub-resource and flags the others", async () => {
        const r = await evaluate(pack, id, [
            account("good"),
            pe("good-pe", "good", ["account"]),
            account("manual"),
            pe("manual-pe", "manual", ["Account"], "manualPrivateLinkServiceConnections"),
            account("none"),
            account("wrong-group"),
            pe("wrong-pe", "wrong-group", ["blob"]),
            account("no-sub", "unset"),
            pe("no-sub-pe", "no-sub", ["account"]),
        ]);
        expect(r.violating).toEqual(["no-sub", "none", "wrong-group"]);
        expect(r.clean).toEqual(["good", "good-pe", "manual", "manual-pe", "no-sub-pe", "wrong-pe"]);
        expect(r.undecided).toEqual([]);
        expect(r.messages("none")).toEqual([
            expect.stringMatching(
                /^Account 'none': private endpoint is missing: no PrivateEndpoint in the stack has privateLinkServiceConnections that depend on this account; expected a network\.PrivateEndpoint .*groupIds \["account"\]\. Fix: /,
            ),
        ]);
        expect(r.messages("wrong-group")[0]).toContain(
            "the PrivateEndpoint 'wrong-pe' that depends on this account has other groupIds",
        );
        expect(r.messages("no-sub")).toEqual([expect.stringMatching(/properties\.customSubDomainName is not set/)]);
        expect(r.diagnostics.every((d) => d.enforcementLevel === "advisory" && d.severity === "medium")).toBe(true);
    });

    it("counts unknown connection lists, group ids and subdomains as present", async () => {
        const r = await evaluate(pack, id, [
            account("a", unknown),
            pe("pe-a", "a", unknown),
            account("b"),
            resource(
                peType,
                "pe-b",
                { privateLinkServiceConnections: unknown },
                { propertyDependencies: { privateLinkServiceConnections: ["b"] } },
            ),
            account("c", secret("c-sub")),
            pe("pe-c", "c", [unknown]),
        ]);
        expect(r.violating).toEqual([]);
        expect(r.undecided).toEqual([]);
    });

    it("does not break on odd values and does not match by dependsOn alone", async () => {
        const r = await evaluate(pack, id, [
            account("odd", 42),
            resource(
                peType,
                "pe-odd",
                { privateLinkServiceConnections: [null, { groupIds: "account" }, 5] },
                { propertyDependencies: { privateLinkServiceConnections: ["odd"] } },
            ),
            account("depends"),
            resource(
                peType,
                "pe-dep",
                { privateLinkServiceConnections: [{ groupIds: ["account"] }] },
                { dependsOn: ["depends"] },
            ),
        ]);
        expect(r.violating).toEqual(["depends", "odd"]);
        expect(r.messages("odd").some((m) => m.includes("customSubDomainName is not a name"))).toBe(true);
    });

    it("leaves resources other than AI accounts alone", async () => {
        const r = await evaluate(pack, id, [
            resource("azure-native:storage:StorageAccount", "sa", { tags: { "aiguard:system": "ai" } }),
            pe("sa-pe", "sa", ["blob"]),
        ]);
        expect(r.violating).toEqual([]);
        expect(r.clean).toEqual(["sa", "sa-pe"]);
    });
});
