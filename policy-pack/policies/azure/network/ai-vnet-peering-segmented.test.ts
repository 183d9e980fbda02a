import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PackSession } from "../../../../harness/engine";
import type { WireObject } from "../../../../harness/model";
import { evaluate, openPack, resource, secret, unknown } from "../../../../tests/support/pack";

const id = "ai-vnet-peering-segmented";
const vnetType = "azure-native:network:VirtualNetwork";
const peeringType = "azure-native:network:VirtualNetworkPeering";
const vnet = (name: string, system?: string) =>
    resource(vnetType, name, { resourceGroupName: "rg", ...(system ? { tags: { "aiguard:system": system } } : {}) });
const peering = (name: string, local: string, remote: string, inputs: WireObject = {}) =>
    resource(
        peeringType,
        name,
        { resourceGroupName: "rg", virtualNetworkName: unknown, remoteVirtualNetwork: { id: unknown }, ...inputs },
        { propertyDependencies: { virtualNetworkName: [local], remoteVirtualNetwork: [remote] } },
    );
const scoped = {
    peerCompleteVnets: false,
    localSubnetNames: ["inference"],
    remoteSubnetNames: ["api"],
    allowForwardedTraffic: false,
    allowGatewayTransit: false,
};

let pack: PackSession;
beforeAll(async () => {
    pack = await openPack();
});
afterAll(async () => {
    await pack?.close();
});

describe(id, () => {
    it("flags peerings between tagged AI and business VNets in both directions", async () => {
        const r = await evaluate(pack, id, [
            vnet("ai-vnet", "ai"),
            vnet("erp-vnet", "business"),
            vnet("hub-vnet"),
            peering("ai-to-erp", "ai-vnet", "erp-vnet"),
            peering("erp-to-ai", "erp-vnet", "ai-vnet", scoped),
            peering("ai-to-hub", "ai-vnet", "hub-vnet"),
            peering("hub-to-erp", "hub-vnet", "erp-vnet"),
        ]);
        expect(r.violating).toEqual(["ai-to-erp", "erp-to-ai"]);
        expect(r.clean).toEqual(["ai-to-hub", "ai-vnet", "erp-vnet", "hub-to-erp", "hub-vnet"]);
        expect(r.messages("ai-to-erp")).toEqual([
            expect.stringMatching(
                /^VirtualNetworkPeering 'ai-to-erp': remoteVirtualNetwork is the business VNet 'erp-vnet', peered from the ai VNet 'ai-vnet'; expected no peering between AI and business virtual networks/,
            ),
        ]);
        expect(r.diagnostics.every((d) => d.enforcementLevel === "mandatory" && d.severity === "high")).toBe(true);
    });

    it("derives VNet membership from AI subnets and business-tagged NSGs", async () => {
        const r = await evaluate(pack, id, [
            vnet("ml-vnet"),
            resource(
                "azure-native:network:Subnet",
                "ml-subnet",
                { virtualNetworkName: unknown },
                { propertyDependencies: { virtualNetworkName: ["ml-vnet"] } },
            ),
            resource(
                "azure-native:machinelearningservices:Compute",
                "cluster",
                { properties: { computeType: "AmlCompute", properties: { subnet: { id: unknown } } } },
                { propertyDependencies: { properties: ["ml-subnet"] } },
            ),
            vnet("biz-vnet"),
            resource("azure-native:network:NetworkSecurityGroup", "biz-nsg", {
                tags: { "aiguard:system": "business" },
            }),
            resource(
                "azure-native:network:Subnet",
                "biz-subnet",
                { virtualNetworkName: unknown, networkSecurityGroup: { id: unknown } },
                { propertyDependencies: { virtualNetworkName: ["biz-vnet"], networkSecurityGroup: ["biz-nsg"] } },
            ),
            peering("ml-to-biz", "ml-vnet", "biz-vnet"),
        ]);
        expect(r.violating).toEqual(["ml-to-biz"]);
    });

    it("accepts allowlisted peerings only when scoped to subnets without forwarding or gateway transit", async () => {
        const r = await evaluate(
            pack,
            id,
            [
                vnet("ai-vnet", "ai"),
                vnet("erp-vnet", "business"),
                peering("ok", "ai-vnet", "erp-vnet", scoped),
                peering("full", "ai-vnet", "erp-vnet", { allowForwardedTraffic: false }),
                peering("forwarding", "ai-vnet", "erp-vnet", { ...scoped, allowForwardedTraffic: true }),
                peering("no-subnets", "ai-vnet", "erp-vnet", { peerCompleteVnets: false, remoteSubnetNames: [] }),
                peering("unknowns", "ai-vnet", "erp-vnet", {
                    peerCompleteVnets: unknown,
                    allowGatewayTransit: unknown,
                }),
                peering("odd", "ai-vnet", "erp-vnet", { peerCompleteVnets: "no", localSubnetNames: 3 }),
            ],
            { properties: { allowedPeerings: ["ok", "full", "forwarding", "no-subnets", "unknowns", "odd"] } },
        );
        expect(r.violating).toEqual(["forwarding", "full", "no-subnets", "odd"]);
        expect(r.clean).toEqual(["ai-vnet", "erp-vnet", "ok", "unknowns"]);
        expect(r.messages("full")[0]).toContain(
            "peerCompleteVnets is not set (provider default true: every subnet is peered)",
        );
        expect(r.messages("no-subnets").join("\n")).toContain("localSubnetNames is not set");
    });

    it("judges secret settings of an allowlisted peering", async () => {
        const r = await evaluate(
            pack,
            id,
            [
                vnet("ai-vnet", "ai"),
                vnet("erp-vnet", "business"),
                peering("secret", "ai-vnet", "erp-vnet", { ...scoped, allowGatewayTransit: secret(true) }),
            ],
            { properties: { allowedPeerings: ["secret"] } },
        );
        expect(r.violating).toEqual(["secret"]);
        expect(r.messages("secret")[0]).toContain("allowGatewayTransit is");
    });

    it("does not judge peerings to VNets outside the stack", async () => {
        const r = await evaluate(pack, id, [
            vnet("ai-vnet", "ai"),
            resource(
                peeringType,
                "external",
                { virtualNetworkName: "ai", remoteVirtualNetwork: { id: "/subscriptions/x/vnet" } },
                { propertyDependencies: { virtualNetworkName: ["ai-vnet"] } },
            ),
        ]);
        expect(r.violating).toEqual([]);
        expect(r.undecided).toEqual([]);
    });
});
