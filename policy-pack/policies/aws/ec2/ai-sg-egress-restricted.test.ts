import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PackSession } from "../../../../harness/engine";
import { evaluate, openPack, resource, secret, unknown } from "../../../../tests/support/pack";

const id = "ai-sg-egress-restricted";
const sg = "aws:ec2/securityGroup:SecurityGroup";
const sgRule = "aws:ec2/securityGroupRule:SecurityGroupRule";
const egressRule = "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule";
const ai = { tags: { "aiguard:system": "ai" } };
const biz = { tags: { "aiguard:system": "business" } };
const allOut = { protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] };
const https = { protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"] };
const ruleFor = (
    type: string,
    name: string,
    sgName: string,
    inputs: Record<string, unknown>,
    pd: Record<string, string[]> = {},
) =>
    resource(type, name, { securityGroupId: unknown, ...inputs } as never, {
        propertyDependencies: { securityGroupId: [sgName], ...pd },
    });

let pack: PackSession;
beforeAll(async () => {
    pack = await openPack();
});
afterAll(async () => {
    await pack?.close();
});

describe(id, () => {
    it("flags all-port internet egress inline and in rule resources", async () => {
        const r = await evaluate(pack, id, [
            resource(sg, "inline", { ...ai, egress: [https, allOut] }),
            resource(sg, "v6", {
                ...ai,
                egress: [{ protocol: "tcp", fromPort: 0, toPort: 65535, ipv6CidrBlocks: ["::/0"] }],
            }),
            resource(sg, "ok", {
                ...ai,
                egress: [https, { protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["10.0.0.0/8"] }],
            }),
            resource(sg, "target", ai),
            ruleFor(sgRule, "rule-open", "target", {
                type: "egress",
                protocol: "-1",
                fromPort: 0,
                toPort: 0,
                cidrBlocks: ["0.0.0.0/0"],
            }),
            ruleFor(sgRule, "rule-ingress", "target", {
                type: "ingress",
                protocol: "-1",
                fromPort: 0,
                toPort: 0,
                cidrBlocks: ["0.0.0.0/0"],
            }),
            ruleFor(egressRule, "egress-open", "target", { ipProtocol: "-1", cidrIpv4: "0.0.0.0/0" }),
            ruleFor(egressRule, "egress-443", "target", {
                ipProtocol: "tcp",
                fromPort: 443,
                toPort: 443,
                cidrIpv4: "0.0.0.0/0",
            }),
        ]);
        expect(r.violating).toEqual(["egress-open", "inline", "rule-open", "v6"]);
        expect(r.clean).toEqual(["egress-443", "ok", "rule-ingress", "target"]);
        expect(r.messages("inline")[0]).toMatch(
            /^SecurityGroup 'inline': egress\[1\] is open on all ports to the whole internet \(this security group is in the AI system: tagged as part of the AI system\); expected .*Fix: /,
        );
        expect(r.diagnostics.every((d) => d.enforcementLevel === "advisory" && d.severity === "medium")).toBe(true);
    });

    it("leaves egress to business security groups to ai-sg-no-business-sg-reference", async () => {
        const r = await evaluate(pack, id, [
            resource(sg, "erp", biz),
            resource(
                sg,
                "inline",
                { ...ai, egress: [{ protocol: "tcp", fromPort: 5432, toPort: 5432, securityGroups: [unknown] }] },
                { propertyDependencies: { egress: ["erp"] } },
            ),
            resource(sg, "target", ai),
            ruleFor(
                egressRule,
                "to-erp",
                "target",
                { ipProtocol: "tcp", fromPort: 5432, toPort: 5432, referencedSecurityGroupId: unknown },
                { referencedSecurityGroupId: ["erp"] },
            ),
        ]);
        expect(r.violating).toEqual([]);
        expect(r.undecided).toEqual([]);
    });

    it("passes an AI group without egress, also when the output is computed in preview", async () => {
        const r = await evaluate(pack, id, [
            resource(sg, "none", ai),
            resource(sg, "computed", ai, { outputs: { ...ai, egress: unknown } }),
        ]);
        expect(r.violating).toEqual([]);
        expect(r.undecided).toEqual([]);
    });

    it("leaves unknown CIDRs, protocols and rule types to pulumi up", async () => {
        const r = await evaluate(pack, id, [
            resource(sg, "list", { ...ai, egress: unknown }),
            resource(sg, "cidr", {
                ...ai,
                egress: [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: [unknown] }],
            }),
            resource(sg, "target", ai),
            ruleFor(egressRule, "proto", "target", { ipProtocol: unknown, cidrIpv4: "0.0.0.0/0" }),
            ruleFor(sgRule, "kind", "target", {
                type: unknown,
                protocol: "-1",
                fromPort: 0,
                toPort: 0,
                cidrBlocks: ["0.0.0.0/0"],
            }),
        ]);
        expect(r.violating).toEqual([]);
        expect(r.undecided).toEqual(["cidr", "kind", "list", "proto"]);
    });

    it("ignores security groups outside the AI system", async () => {
        const r = await evaluate(pack, id, [
            resource(sg, "web", { egress: [allOut] }),
            resource(sg, "erp", { ...biz, egress: [allOut] }),
            ruleFor(egressRule, "web-rule", "web", { ipProtocol: "-1", cidrIpv4: "0.0.0.0/0" }),
        ]);
        expect(r.violating).toEqual([]);
        expect(r.clean).toEqual(["erp", "web", "web-rule"]);
    });

    it("judges secrets without printing them and survives odd input", async () => {
        const r = await evaluate(pack, id, [
            resource(sg, "secret", {
                ...ai,
                egress: [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: [secret("0.0.0.0/0")] }],
            }),
            resource(sg, "odd", { ...ai, egress: "all" }),
            resource(sg, "odd2", { ...ai, egress: [null, 5, { protocol: 7, cidrBlocks: "0.0.0.0/0", fromPort: "0" }] }),
        ]);
        expect(r.violating).toEqual(["secret"]);
        expect(r.clean).toEqual(["odd", "odd2"]);
    });
});
