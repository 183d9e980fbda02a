import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PackSession } from "../../../../harness/engine";
import type { WireObject } from "../../../../harness/model";
import { evaluate, openPack, resource, secret, unknown } from "../../../../tests/support/pack";

const id = "ai-nsg-no-internet-inbound";
const nsgType = "azure-native:network:NetworkSecurityGroup";
const ruleType = "azure-native:network:SecurityRule";
const inboundAllow = {
    direction: "Inbound",
    access: "Allow",
    protocol: "Tcp",
    destinationPortRange: "443",
    priority: 100,
};

/** An OpenAI account behind a private endpoint in `ai-subnet`, whose NSG `nsg` is therefore in the AI system. */
function aiNetwork(nsgInputs: WireObject = {}) {
    return [
        resource("azure-native:cognitiveservices:Account", "openai", { resourceGroupName: "rg", kind: "OpenAI" }),
        resource(
            "azure-native:network:PrivateEndpoint",
            "pe",
            { subnet: { id: unknown }, privateLinkServiceConnections: [{ privateLinkServiceId: unknown }] },
            { propertyDependencies: { subnet: ["ai-subnet"], privateLinkServiceConnections: ["openai"] } },
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

/** A SecurityRule resource of the NSG named `nsg`. */
function rule(name: string, inputs: WireObject, nsg = "nsg") {
    return resource(
        ruleType,
        name,
        { resourceGroupName: "rg", networkSecurityGroupName: unknown, ...inputs },
        { propertyDependencies: { networkSecurityGroupName: [nsg] } },
    );
}

/** An NSG tagged as part of the AI system, with inline rules. */
function taggedNsg(name: string, securityRules: unknown) {
    return resource(nsgType, name, {
        resourceGroupName: "rg",
        tags: { "aiguard:system": "ai" },
        securityRules,
    } as WireObject);
}

let pack: PackSession;
beforeAll(async () => {
    pack = await openPack();
});
afterAll(async () => {
    await pack?.close();
});

describe(id, () => {
    it("flags inbound allow rules from the internet on NSGs of the AI system", async () => {
        const r = await evaluate(pack, id, [
            ...aiNetwork({ securityRules: [{ name: "vnet", ...inboundAllow, sourceAddressPrefix: "VirtualNetwork" }] }),
            rule("rule-star", { ...inboundAllow, sourceAddressPrefix: "*" }),
            rule("rule-internet", { ...inboundAllow, sourceAddressPrefix: "Internet" }),
            rule("rule-any", { ...inboundAllow, sourceAddressPrefix: "Any" }),
            rule("rule-prefixes", { ...inboundAllow, sourceAddressPrefixes: ["10.0.0.0/8", "0.0.0.0/0"] }),
            rule("rule-v6", { ...inboundAllow, sourceAddressPrefixes: ["::/0"] }),
            rule("rule-cidr", { ...inboundAllow, sourceAddressPrefix: "10.1.0.0/16" }),
            rule("rule-outbound", { ...inboundAllow, direction: "Outbound", sourceAddressPrefix: "*" }),
            rule("rule-deny", { ...inboundAllow, access: "Deny", sourceAddressPrefix: "*" }),
            taggedNsg("tagged-nsg", [{ name: "open", ...inboundAllow, sourceAddressPrefix: "*" }]),
        ]);
        expect(r.violating).toEqual([
            "rule-any",
            "rule-internet",
            "rule-prefixes",
            "rule-star",
            "rule-v6",
            "tagged-nsg",
        ]);
        expect(r.clean).toEqual(["ai-subnet", "nsg", "openai", "pe", "rule-cidr", "rule-deny", "rule-outbound"]);
        expect(r.undecided).toEqual([]);
        expect(r.diagnostics.every((d) => d.enforcementLevel === "mandatory" && d.severity === "high")).toBe(true);
    });

    it("ignores NSGs and rules outside the AI system", async () => {
        const open = [{ name: "open", ...inboundAllow, sourceAddressPrefix: "*" }];
        const r = await evaluate(pack, id, [
            ...aiNetwork(),
            resource(
                "azure-native:network:Subnet",
                "web-subnet",
                { networkSecurityGroup: { id: unknown } },
                { propertyDependencies: { networkSecurityGroup: ["web-nsg"] } },
            ),
            resource(nsgType, "web-nsg", { resourceGroupName: "rg", securityRules: open }),
            rule("web-rule", { ...inboundAllow, sourceAddressPrefix: "Internet" }, "web-nsg"),
            resource(nsgType, "business-nsg", {
                resourceGroupName: "rg",
                tags: { "aiguard:system": "business" },
                securityRules: open,
            }),
            resource(ruleType, "orphan-rule", {
                resourceGroupName: "rg",
                networkSecurityGroupName: "some-nsg",
                ...inboundAllow,
                sourceAddressPrefix: "*",
            }),
        ]);
        expect(r.violating).toEqual([]);
        expect(r.undecided).toEqual([]);
    });

    it("names the resource, setting, found value, expected value and fix", async () => {
        const r = await evaluate(pack, id, [
            ...aiNetwork({
                securityRules: [
                    { name: "ok", ...inboundAllow, sourceAddressPrefix: "10.0.0.0/8" },
                    { name: "open", ...inboundAllow, sourceAddressPrefix: "Internet" },
                ],
            }),
            rule("rule-prefixes", { ...inboundAllow, sourceAddressPrefixes: ["10.0.0.0/8", "0.0.0.0/0"] }),
        ]);
        expect(r.messages("nsg")).toEqual([
            expect.stringMatching(
                /^NetworkSecurityGroup 'nsg': securityRules\[1\]\.sourceAddressPrefix is "Internet"; expected a specific address range, service tag or application security group \(NSG 'nsg' is in the AI system: referenced by azure-native:network:Subnet 'ai-subnet'\)\. Fix: Remove Inbound Allow rules/,
            ),
        ]);
        expect(r.messages("rule-prefixes")).toEqual([
            expect.stringMatching(
                /^SecurityRule 'rule-prefixes': sourceAddressPrefixes\[1\] is "0\.0\.0\.0\/0"; expected a specific address range/,
            ),
        ]);
    });

    it("passes NSGs without rules and rules without an address source (provider defaults)", async () => {
        const r = await evaluate(pack, id, [
            ...aiNetwork(),
            rule("rule-asg", { ...inboundAllow, sourceApplicationSecurityGroups: [{ id: unknown }] }),
            rule("rule-no-direction", { access: "Allow", protocol: "*", sourceAddressPrefix: "*", priority: 200 }),
            taggedNsg("empty-nsg", []),
        ]);
        expect(r.violating).toEqual([]);
        expect(r.undecided).toEqual([]);
    });

    it("reports a rule declared both inline and as a SecurityRule once, on the SecurityRule", async () => {
        const r = await evaluate(pack, id, [
            ...aiNetwork({ securityRules: [{ name: "allow-web", ...inboundAllow, sourceAddressPrefix: "*" }] }),
            rule("allow-web-rule", { ...inboundAllow, securityRuleName: "allow-web", sourceAddressPrefix: "*" }),
        ]);
        expect(r.violating).toEqual(["allow-web-rule"]);
    });

    it("leaves unknown direction, access or sources to pulumi up", async () => {
        const r = await evaluate(pack, id, [
            ...aiNetwork({ securityRules: unknown }),
            rule("direction-unknown", { ...inboundAllow, direction: unknown, sourceAddressPrefix: "*" }),
            rule("access-unknown", { ...inboundAllow, access: unknown, sourceAddressPrefix: "Internet" }),
            rule("source-unknown", { ...inboundAllow, sourceAddressPrefix: unknown }),
            rule("prefixes-unknown", { ...inboundAllow, sourceAddressPrefixes: ["10.0.0.0/8", unknown] }),
            rule("source-unknown-deny", { ...inboundAllow, access: "Deny", sourceAddressPrefix: unknown }),
            rule("direction-unknown-cidr", { ...inboundAllow, direction: unknown, sourceAddressPrefix: "10.0.0.0/8" }),
            rule("source-unknown-but-open", {
                ...inboundAllow,
                sourceAddressPrefix: unknown,
                sourceAddressPrefixes: ["*"],
            }),
            taggedNsg("tagged-unknown-rule", [unknown]),
        ]);
        expect(r.violating).toEqual(["source-unknown-but-open"]);
        expect(r.undecided).toEqual([
            "access-unknown",
            "direction-unknown",
            "nsg",
            "prefixes-unknown",
            "source-unknown",
            "tagged-unknown-rule",
        ]);
        expect(r.diagnostics.filter((d) => d.undecided).every((d) => d.enforcementLevel === "advisory")).toBe(true);
    });

    it("decides on secret values without printing them", async () => {
        const r = await evaluate(pack, id, [
            ...aiNetwork(),
            rule("secret-open", { ...inboundAllow, sourceAddressPrefix: secret("0.0.0.0/0") }),
            rule("secret-access", {
                ...inboundAllow,
                access: secret("Allow"),
                sourceAddressPrefixes: secret(["Internet"]),
            }),
            rule("secret-private", { ...inboundAllow, sourceAddressPrefix: secret("10.1.0.0/16") }),
        ]);
        expect(r.violating).toEqual(["secret-access", "secret-open"]);
        expect(r.clean).toContain("secret-private");
        expect(r.messages("secret-open").join("")).not.toContain("0.0.0.0/0");
        expect(r.messages("secret-access").join("")).not.toContain("Internet");
    });

    it("compares enum values and service tags case-insensitively", async () => {
        const r = await evaluate(pack, id, [
            ...aiNetwork(),
            rule("lower", { ...inboundAllow, direction: "inbound", access: "allow", sourceAddressPrefix: "internet" }),
            rule("upper", { ...inboundAllow, direction: "INBOUND", access: "ALLOW", sourceAddressPrefix: "ANY" }),
            rule("lower-deny", {
                ...inboundAllow,
                direction: "inbound",
                access: "deny",
                sourceAddressPrefix: "internet",
            }),
        ]);
        expect(r.violating).toEqual(["lower", "upper"]);
        expect(r.clean).toContain("lower-deny");
    });

    it("does not throw on values of the wrong type", async () => {
        const r = await evaluate(pack, id, [
            ...aiNetwork({ securityRules: "allow all" }),
            taggedNsg("junk-rules", [null, 5, "rule", [], { direction: 1, access: true, sourceAddressPrefix: "*" }]),
            taggedNsg("null-rules", null),
            taggedNsg("object-rules", { direction: "Inbound", access: "Allow", sourceAddressPrefix: "*" }),
            rule("prefixes-string", { ...inboundAllow, sourceAddressPrefixes: "*" }),
            rule("prefixes-junk", {
                ...inboundAllow,
                sourceAddressPrefix: 0,
                sourceAddressPrefixes: [null, 1, { cidr: "*" }],
            }),
            rule("null-fields", { direction: null, access: null, sourceAddressPrefix: null }),
            resource(ruleType, "no-links", { direction: "Inbound" }),
        ]);
        expect(r.violating).toEqual([]);
        expect(r.undecided).toEqual([]);
    });
});
