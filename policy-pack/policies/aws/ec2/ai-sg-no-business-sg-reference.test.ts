import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PackSession } from "../../../../harness/engine";
import { evaluate, openPack, resource, secret, unknown } from "../../../../tests/support/pack";

const id = "ai-sg-no-business-sg-reference";
const sg = "aws:ec2/securityGroup:SecurityGroup";
const sgRule = "aws:ec2/securityGroupRule:SecurityGroupRule";
const ingressRule = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
const egressRule = "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule";
const ai = { tags: { "aiguard:system": "ai" } };
const biz = { tags: { "aiguard:system": "business" } };
const pg = { protocol: "tcp", fromPort: 5432, toPort: 5432, securityGroups: [unknown] };
const rule = (type: string, name: string, owner: string, peer: string, extra: Record<string, unknown> = {}) => {
    const peerKey = type === sgRule ? "sourceSecurityGroupId" : "referencedSecurityGroupId";
    return resource(type, name, { securityGroupId: unknown, [peerKey]: unknown, ...extra } as never, {
        propertyDependencies: { securityGroupId: [owner], [peerKey]: [peer] },
    });
};

let pack: PackSession;
beforeAll(async () => {
    pack = await openPack();
});
afterAll(async () => {
    await pack?.close();
});

describe(id, () => {
    it("flags AI egress to business groups and business rules that reference AI groups", async () => {
        const r = await evaluate(pack, id, [
            resource(sg, "erp", biz),
            resource(sg, "ml", ai),
            resource(sg, "ml-inline", { ...ai, egress: [pg] }, { propertyDependencies: { egress: ["erp"] } }),
            resource(sg, "erp-inline", { ...biz, ingress: [pg] }, { propertyDependencies: { ingress: ["ml"] } }),
            rule(egressRule, "ml-to-erp", "ml", "erp", { ipProtocol: "tcp" }),
            rule(sgRule, "ml-to-erp-legacy", "ml", "erp", { type: "egress", protocol: "tcp", fromPort: 1, toPort: 1 }),
            rule(ingressRule, "erp-from-ml", "erp", "ml", { ipProtocol: "tcp" }),
            rule(ingressRule, "ml-from-erp", "ml", "erp", { ipProtocol: "tcp" }),
        ]);
        expect(r.violating).toEqual(["erp-from-ml", "erp-inline", "ml-inline", "ml-to-erp", "ml-to-erp-legacy"]);
        expect(r.clean).toEqual(["erp", "ml", "ml-from-erp"]);
        expect(r.messages("ml-to-erp")[0]).toMatch(
            /^SecurityGroupEgressRule 'ml-to-erp': referencedSecurityGroupId is security group 'erp' of a business system, as egress destination of AI security group 'ml'; expected .*Fix: /,
        );
        expect(r.diagnostics.every((d) => d.enforcementLevel === "mandatory" && d.severity === "high")).toBe(true);
    });

    it("honours the allowlist and ignores groups of neither system", async () => {
        const r = await evaluate(
            pack,
            id,
            [
                resource(sg, "erp", biz),
                resource(sg, "ml", ai),
                resource(sg, "web"),
                rule(egressRule, "approved", "ml", "erp", { ipProtocol: "tcp" }),
                rule(egressRule, "ml-to-web", "ml", "web", { ipProtocol: "tcp" }),
                rule(ingressRule, "erp-from-web", "erp", "web", { ipProtocol: "tcp" }),
            ],
            { properties: { allowedRules: ["approved"] } },
        );
        expect(r.violating).toEqual([]);
    });

    it("leaves an unknown rule type to pulumi up", async () => {
        const r = await evaluate(pack, id, [
            resource(sg, "erp", biz),
            resource(sg, "ml", ai),
            rule(sgRule, "kind", "ml", "erp", { type: unknown }),
        ]);
        expect(r.undecided).toEqual(["kind"]);
    });

    it("survives secrets and odd input", async () => {
        const r = await evaluate(pack, id, [
            resource(sg, "erp", biz),
            resource(sg, "ml", { ...ai, egress: "x" }),
            rule(sgRule, "secret-type", "ml", "erp", { type: secret("egress") }),
            rule(sgRule, "odd-type", "ml", "erp", { type: 5 }),
        ]);
        expect(r.violating).toEqual(["odd-type", "secret-type"]);
        expect(r.clean).toEqual(["erp", "ml"]);
    });
});
