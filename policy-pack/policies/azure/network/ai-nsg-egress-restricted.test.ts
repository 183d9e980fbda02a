import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PackSession } from "../../../../harness/engine";
import type { WireObject } from "../../../../harness/model";
import { evaluate, openPack, resource, secret, unknown } from "../../../../tests/support/pack";

const id = "ai-nsg-egress-restricted";
const nsgType = "azure-native:network:NetworkSecurityGroup";
const ruleType = "azure-native:network:SecurityRule";
const outboundAllow = {
    direction: "Outbound",
    access: "Allow",
    protocol: "*",
    destinationPortRange: "*",
    priority: 100,
};

/** An AI Search service behind a private endpoint in `ai-subnet`, whose NSG `nsg` is therefore in the AI system. */
function aiNetwork(nsgInputs: WireObject = {}) {
    return [
        resource("azure-native:search:Service", "search", { resourceGroupName: "rg", sku: { name: "standard" } }),
        resource(
            "azure-native:network:PrivateEndpoint",
            "pe",
            { subnet: { id: unknown }, privateLinkServiceConnections: [{ privateLinkServiceId: unknown }] },
            { propertyDependencies: { subnet: ["ai-subnet"], privateLinkServiceConnections: ["search"] } },
        ),
        resource(
            "azure-native:network:Subnet",
            "ai-subnet",
            { networkSecurityGroup: { id: unknown } },
            { propertyDependencies: { networkSecurityGroup: ["nsg"] } },
        ),
        resource(nsgType, "nsg", { resourceGroupName: "rg", ...nsgInputs }),
    ];
}

const rule = (name: string, inputs: WireObject, nsg = "nsg") =>
    resource(
        ruleType,
        name,
        { resourceGroupName: "rg", networkSecurityGroupName: unknown, ...inputs },
        { propertyDependencies: { networkSecurityGroupName: [nsg] } },
    );

let pack: PackSession;
beforeAll(async () => {
    pack = await openPack();
});
afterAll(async () => {
    await pack?.close();
});

describe(id, () => {
    it("flags outbound allow rules to the internet on NSGs of the AI system", async () => {
        const r = await evaluate(pack, id, [
            ...aiNetwork({
                securityRules: [
                    { name: "tag", ...outboundAllow, destinationAddressPrefix: "AzureMachineLearning" },
                    { name: "inet", ...outboundAllow, destinationAddressPrefix: "internet" },
                ],
            }),
            rule("star", { ...outboundAllow, destinationAddressPrefix: "*" }),
            rule("prefixes", { ...outboundAllow, destinationAddressPrefixes: ["10.0.0.0/8", "0.0.0.0/0"] }),
            rule("storage-tag", { ...outboundAllow, destinationAddressPrefix: "Storage.westeurope" }),
            rule("inbound", { ...outboundAllow, direction: "Inbound", destinationAddressPrefix: "*" }),
            rule("deny", { ...outboundAllow, access: "Deny", destinationAddressPrefix: "Internet" }),
            rule("no-destination", { ...outboundAllow }),
        ]);
        expect(r.violating).toEqual(["nsg", "prefixes", "star"]);
        expect(r.clean).toEqual(["ai-subnet", "deny", "inbound", "no-destination", "pe", "search", "storage-tag"]);
        expect(r.undecided).toEqual([]);
        expect(r.messages("nsg")).toEqual([
            expect.stringMatching(
                /^NetworkSecurityGroup 'nsg': securityRules\[1\]\.destinationAddressPrefix is "internet"; expected a specific address range, service tag or private endpoint range \(NSG 'nsg' is in the AI system: referenced by azure-native:network:Subnet 'ai-subnet'\)\. Fix: /,
            ),
        ]);
        expect(r.diagnostics.every((d) => d.enforcementLevel === "advisory" && d.severity === "medium")).toBe(true);
    });

    it("ignores NSGs outside the AI system and reports a rule declared twice once", async () => {
        const open = [{ name: "open", ...outboundAllow, destinationAddressPrefix: "*" }];
        const r = await evaluate(pack, id, [
            ...aiNetwork({ securityRules: open }),
            rule("open-rule", { ...outboundAllow, securityRuleName: "open", destinationAddressPrefix: "*" }),
            resource(nsgType, "web-nsg", { resourceGroupName: "rg", securityRules: open }),
            rule("web-rule", { ...outboundAllow, destinationAddressPrefix: "*" }, "web-nsg"),
            resource(nsgType, "biz-nsg", { tags: { "aiguard:system": "business" }, securityRules: open }),
        ]);
        expect(r.violating).toEqual(["open-rule"]);
    });

    it("leaves unknown values to pulumi up, judges secrets silently and survives odd values", async () => {
        const r = await evaluate(pack, id, [
            ...aiNetwork({ securityRules: [null, 5, { name: 7, direction: ["Outbound"] }] }),
            rule("direction-unknown", { ...outboundAllow, direction: unknown, destinationAddressPrefix: "*" }),
            rule("destination-unknown", { ...outboundAllow, destinationAddressPrefixes: [unknown] }),
            rule("secret-open", { ...outboundAllow, destinationAddressPrefix: secret("0.0.0.0/0") }),
            rule("secret-private", { ...outboundAllow, destinationAddressPrefix: secret("10.9.9.0/24") }),
            resource(nsgType, "tagged-unknown", { tags: { "aiguard:system": "ai" }, securityRules: unknown }),
        ]);
        expect(r.violating).toEqual(["secret-open"]);
        expect(r.undecided).toEqual(["destination-unknown", "direction-unknown", "tagged-unknown"]);
        const text = r.diagnostics.map((d) => d.message).join("\n");
        expect(text).not.toContain("10.9.9.0");
    });
});
