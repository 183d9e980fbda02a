import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PackSession } from "../../../../harness/engine";
import type { WireObject, WireValue } from "../../../../harness/model";
import { evaluate, openPack, resource, secret, unknown } from "../../../../tests/support/pack";

const id = "ai-sg-no-public-ingress";
const sg = "aws:ec2/securityGroup:SecurityGroup";
const sgRule = "aws:ec2/securityGroupRule:SecurityGroupRule";
const ingressRule = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
const ai = { tags: { "aiguard:system": "ai" } };
const business = { tags: { "aiguard:system": "business" } };
const https = { protocol: "tcp", fromPort: 443, toPort: 443 };

const ingress = (...rules: WireObject[]): WireObject => ({ ingress: rules.map((r) => ({ ...https, ...r })) });
/** A notebook in `sgName`, which makes that security group part of the AI system. */
const notebook = (name: string, sgName: string) =>
    resource(
        "aws:sagemaker/notebookInstance:NotebookInstance",
        name,
        { instanceType: "ml.t3.medium", securityGroups: [unknown] },
        { propertyDependencies: { securityGroups: [sgName] } },
    );
const ruleOn = (name: string, sgName: string, inputs: WireObject, deps: Record<string, string[]> = {}) =>
    resource(
        sgRule,
        name,
        { type: "ingress", securityGroupId: unknown, ...https, ...inputs },
        {
            propertyDependencies: { securityGroupId: [sgName], ...deps },
        },
    );
const ingressRuleOn = (name: string, sgName: string, inputs: WireObject, deps: Record<string, string[]> = {}) =>
    resource(
        ingressRule,
        name,
        { securityGroupId: unknown, ipProtocol: "tcp", ...inputs },
        {
            propertyDependencies: { securityGroupId: [sgName], ...deps },
        },
    );
const cidrs = (...c: WireValue[]) => c;

let pack: PackSession;
beforeAll(async () => {
    pack = await openPack();
});
afterAll(async () => {
    await pack?.close();
});

describe(id, () => {
    it("flags public ingress on AI security groups, inline or through rule resources", async () => {
        const r = await evaluate(pack, id, [
            resource(sg, "nb-sg", ingress({ cidrBlocks: cidrs("10.0.0.0/16", "0.0.0.0/0") })),
            notebook("nb", "nb-sg"),
            resource(sg, "tagged-sg", { ...ai, ...ingress({ ipv6CidrBlocks: cidrs("::/0") }) }),
            resource(sg, "rules-sg", { ...ai, ...ingress({ cidrBlocks: cidrs("10.1.0.0/16") }) }),
            ruleOn("open-rule", "rules-sg", { cidrBlocks: cidrs("0.0.0.0/0") }),
            ruleOn("private-rule", "rules-sg", { cidrBlocks: cidrs("10.2.0.0/16") }),
            ruleOn("open-egress", "rules-sg", { type: "egress", cidrBlocks: cidrs("0.0.0.0/0") }),
            ingressRuleOn("open-v6", "rules-sg", { cidrIpv6: "::/0" }),
            ingressRuleOn("private-v4", "rules-sg", { cidrIpv4: "192.168.0.0/24" }),
        ]);
        expect(r.violating).toEqual(["nb-sg", "open-rule", "open-v6", "tagged-sg"]);
        expect(r.clean).toEqual(["nb", "open-egress", "private-rule", "private-v4", "rules-sg"]);
        expect(r.undecided).toEqual([]);
        expect(r.diagnostics.every((d) => d.enforcementLevel === "mandatory" && d.severity === "high")).toBe(true);
    });

    it("flags ingress from security groups of business systems", async () => {
        const r = await evaluate(pack, id, [
            resource(sg, "erp-sg", business),
            resource(sg, "web-sg"),
            resource(
                sg,
                "ai-sg",
                { ...ai, ...ingress({ securityGroups: [unknown] }) },
                {
                    propertyDependencies: { ingress: ["erp-sg"] },
                },
            ),
            resource(
                sg,
                "ai-sg2",
                { ...ai, ...ingress({ securityGroups: [unknown] }) },
                {
                    propertyDependencies: { ingress: ["web-sg"] },
                },
            ),
            ruleOn("from-erp", "ai-sg2", { sourceSecurityGroupId: unknown }, { sourceSecurityGroupId: ["erp-sg"] }),
            ingressRuleOn(
                "ref-erp",
                "ai-sg2",
                { referencedSecurityGroupId: unknown },
                { referencedSecurityGroupId: ["erp-sg"] },
            ),
            ingressRuleOn(
                "ref-web",
                "ai-sg2",
                { referencedSecurityGroupId: unknown },
                { referencedSecurityGroupId: ["web-sg"] },
            ),
        ]);
        expect(r.violating).toEqual(["ai-sg", "from-erp", "ref-erp"]);
        expect(r.clean).toEqual(["ai-sg2", "erp-sg", "ref-web", "web-sg"]);
    });

    it("names the resource, setting, found value, expected value and fix", async () => {
        const r = await evaluate(pack, id, [
            resource(sg, "erp-sg", business),
            resource(sg, "nb-sg", ingress({ cidrBlocks: cidrs("0.0.0.0/0") }, { ipv6CidrBlocks: cidrs("::/0") })),
            notebook("nb", "nb-sg"),
            ruleOn("from-erp", "nb-sg", { sourceSecurityGroupId: unknown }, { sourceSecurityGroupId: ["erp-sg"] }),
        ]);
        // Both open rules of one security group are one finding listing each setting.
        expect(r.messages("nb-sg")).toEqual([
            expect.stringMatching(
                /^SecurityGroup 'nb-sg': 2 settings fail:\n {2}- ingress\[0\]\.cidrBlocks is open to any IPv4 address \(this security group is in the AI system: referenced by aws:sagemaker\/notebookInstance:NotebookInstance 'nb'\); expected only private or specific address ranges, not a \/0 range\n {2}- ingress\[1\]\.ipv6CidrBlocks is open to any IPv6 address .*\nFix: Remove 0\.0\.0\.0\/0/,
            ),
        ]);
        expect(r.messages("from-erp")).toEqual([
            expect.stringMatching(
                /^SecurityGroupRule 'from-erp': sourceSecurityGroupId is security group 'erp-sg' of a business system on AI security group 'nb-sg'; expected no security group of a business system\. Fix: /,
            ),
        ]);
    });

    it("ignores security groups outside the AI system and business-tagged ones", async () => {
        const r = await evaluate(pack, id, [
            resource(sg, "web-sg", ingress({ cidrBlocks: cidrs("0.0.0.0/0") })),
            ruleOn("web-open", "web-sg", { cidrBlocks: cidrs("0.0.0.0/0") }),
            resource(sg, "shared-sg", { ...business, ...ingress({ cidrBlocks: cidrs("0.0.0.0/0") }) }),
            // A business tag wins over a reference from an AI resource.
            notebook("nb", "shared-sg"),
            ingressRuleOn("shared-open", "shared-sg", { cidrIpv4: "0.0.0.0/0" }),
        ]);
        expect(r.violating).toEqual([]);
        expect(r.undecided).toEqual([]);
        expect(r.clean).toEqual(["nb", "shared-open", "shared-sg", "web-open", "web-sg"]);
    });

    it("passes an AI security group with no ingress at all (the provider default)", async () => {
        const r = await evaluate(pack, id, [
            resource(sg, "bare-sg", ai),
            resource(sg, "empty-sg", { ...ai, ingress: [] }),
            ruleOn("no-cidrs", "bare-sg", {}),
            ingressRuleOn("no-source", "bare-sg", {}),
        ]);
        expect(r.violating).toEqual([]);
        expect(r.clean).toEqual(["bare-sg", "empty-sg", "no-cidrs", "no-source"]);
    });

    it("leaves unknown CIDRs, rule lists and rule types to pulumi up", async () => {
        const r = await evaluate(pack, id, [
            resource(sg, "computed-ingress", { ...ai, ingress: unknown }),
            resource(sg, "computed-cidr", { ...ai, ...ingress({ cidrBlocks: cidrs("10.0.0.0/8", unknown) }) }),
            resource(sg, "target-sg", ai),
            ruleOn("computed-type", "target-sg", { type: unknown, cidrBlocks: cidrs("0.0.0.0/0") }),
            ingressRuleOn("computed-v4", "target-sg", { cidrIpv4: unknown }),
            resource(sg, "open-and-computed", { ...ai, ...ingress({ cidrBlocks: cidrs("0.0.0.0/0", unknown) }) }),
        ]);
        expect(r.violating).toEqual(["open-and-computed"]);
        expect(r.undecided).toEqual(["computed-cidr", "computed-ingress", "computed-type", "computed-v4"]);
        expect(r.clean).toEqual(["target-sg"]);
        expect(r.diagnostics.filter((d) => d.undecided).every((d) => d.enforcementLevel === "advisory")).toBe(true);
        expect(r.messages("computed-cidr")[0]).toContain("ingress[0].cidrBlocks[1]");
    });

    it("decides on secret values without printing them", async () => {
        const r = await evaluate(pack, id, [
            resource(sg, "secret-open", { ...ai, ...ingress({ cidrBlocks: [secret("0.0.0.0/0")] }) }),
            resource(sg, "secret-private", { ...ai, ...ingress({ cidrBlocks: [secret("10.9.8.0/24")] }) }),
            resource(sg, "target-sg", ai),
            ingressRuleOn("secret-v6", "target-sg", { cidrIpv6: secret("::/0"), description: secret("s3cr3t note") }),
        ]);
        expect(r.violating).toEqual(["secret-open", "secret-v6"]);
        expect(r.clean).toEqual(["secret-private", "target-sg"]);
        const text = r.diagnostics.map((d) => d.message).join("\n");
        expect(text).not.toContain("s3cr3t");
        expect(r.messages("secret-open")[0]).toContain("ingress[0].cidrBlocks is open to any IPv4 address");
    });

    it("does not throw on values of the wrong type", async () => {
        const r = await evaluate(pack, id, [
            resource(sg, "odd-ingress", { ...ai, ingress: "0.0.0.0/0" }),
            resource(sg, "odd-rules", {
                ...ai,
                ingress: [null, 4, { cidrBlocks: "0.0.0.0/0", ipv6CidrBlocks: [null, 6] }],
            }),
            resource(sg, "null-tags", { tags: null, ingress: null }),
            ruleOn("odd-rule", "odd-rules", { type: 1, cidrBlocks: { a: "0.0.0.0/0" } }),
            ingressRuleOn("odd-ingress-rule", "odd-rules", { cidrIpv4: ["0.0.0.0/0"], cidrIpv6: 0 }),
            ruleOn("open-odd", "odd-rules", { cidrBlocks: [null, "0.0.0.0/00"] }),
        ]);
        expect(r.violating).toEqual(["open-odd"]);
        expect(r.clean).toEqual(["null-tags", "odd-ingress", "odd-ingress-rule", "odd-rule", "odd-rules"]);
    });
});
