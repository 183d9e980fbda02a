import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PackSession } from "../../../../harness/engine";
import type { WireValue } from "../../../../harness/model";
import { evaluate, openPack, resource, secret, unknown } from "../../../../tests/support/pack";

const id = "search-private-link";
const svcType = "azure-native:search:Service";
const svc = (name: string, sku: WireValue = "standard") =>
    resource(svcType, name, { resourceGroupName: "rg", sku: { name: sku } });
const pe = (name: string, target: string, groupIds: WireValue) =>
    resource(
        "azure-native:network:PrivateEndpoint",
        name,
        { privateLinkServiceConnections: [{ privateLinkServiceId: unknown, groupIds }] },
        { propertyDependencies: { privateLinkServiceConnections: [target] } },
    );

let pack: PackSession;
beforeAll(async () => {
    pack = await openPack();
});
afterAll(async () => {
    await pack?.close();
});

describe(id, () => {
    it("flags the free tier and services without a searchService private endpoint", async () => {
        const r = await evaluate(pack, id, [
            svc("good"),
            pe("good-pe", "good", ["searchService"]),
            svc("free", "free"),
            pe("free-pe", "free", ["searchService"]),
            svc("none", "basic"),
            svc("unknown-sku", unknown),
            pe("unknown-pe", "unknown-sku", ["searchservice"]),
            svc("odd", ["x"]),
            pe("odd-pe", "odd", [null]),
        ]);
        expect(r.violating).toEqual(["free", "none", "odd"]);
        expect(r.clean).toEqual(["free-pe", "good", "good-pe", "odd-pe", "unknown-pe", "unknown-sku"]);
        expect(r.messages("free")[0]).toMatch(
            /^Service 'free': sku\.name is "free"; expected a tier that supports Private Link/,
        );
        expect(r.messages("none")[0]).toContain('groupIds ["searchService"]');
    });

    it("judges a secret sku", async () => {
        const r = await evaluate(pack, id, [
            svc("hidden", secret("free")),
            pe("hidden-pe", "hidden", ["searchService"]),
        ]);
        expect(r.violating).toEqual(["hidden"]);
        expect(r.messages("hidden")[0]).toContain("sku.name is");
    });
});
