import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PackSession } from "../../../../harness/engine";
import { evaluate, openPack, resource, secret, unknown } from "../../../../tests/support/pack";

const id = "ai-vpc-peering-restricted";
const vpc = "aws:ec2/vpc:Vpc";
const peering = "aws:ec2/vpcPeeringConnection:VpcPeeringConnection";
const route = "aws:ec2/route:Route";
const routeTable = "aws:ec2/routeTable:RouteTable";
const ai = { tags: { "aiguard:system": "ai" } };
const biz = { tags: { "aiguard:system": "business" } };
const peer = (name: string, a: string, b: string) =>
    resource(
        peering,
        name,
        { vpcId: unknown, peerVpcId: unknown, autoAccept: true },
        { propertyDependencies: { vpcId: [a], peerVpcId: [b] } },
    );
const routeVia = (name: string, p: string, cidr: unknown) =>
    resource(
        route,
        name,
        { routeTableId: "rtb-1", vpcPeeringConnectionId: unknown, destinationCidrBlock: cidr as never },
        { propertyDependencies: { vpcPeeringConnectionId: [p] } },
    );

let pack: PackSession;
beforeAll(async () => {
    pack = await openPack();
});
afterAll(async () => {
    await pack?.close();
});

describe(id, () => {
    it("flags peerings between AI and business VPCs, by tag or by what they contain", async () => {
        const r = await evaluate(pack, id, [
            resource(vpc, "ml", ai),
            resource(vpc, "erp", biz),
            resource(vpc, "derived", { cidrBlock: "10.2.0.0/16" }),
            resource(vpc, "shared", { cidrBlock: "10.3.0.0/16" }),
            resource(
                "aws:ec2/subnet:Subnet",
                "ml-subnet",
                { vpcId: unknown },
                { propertyDependencies: { vpcId: ["derived"] } },
            ),
            resource(
                "aws:sagemaker/notebookInstance:NotebookInstance",
                "nb",
                { subnetId: unknown },
                { propertyDependencies: { subnetId: ["ml-subnet"] } },
            ),
            peer("ml-erp", "ml", "erp"),
            peer("erp-derived", "erp", "derived"),
            peer("ml-shared", "ml", "shared"),
            peer("ml-ml", "ml", "derived"),
        ]);
        expect(r.violating).toEqual(["erp-derived", "ml-erp"]);
        expect(r.clean).toEqual(["derived", "erp", "ml", "ml-ml", "ml-shared", "ml-subnet", "nb", "shared"]);
        expect(r.messages("ml-erp")[0]).toMatch(
            /^VpcPeeringConnection 'ml-erp': peerVpcId is business VPC 'erp', peered with AI VPC 'ml'; expected .*Fix: /,
        );
        expect(r.diagnostics.every((d) => d.enforcementLevel === "mandatory" && d.severity === "high")).toBe(true);
    });

    it("honours the allowlist but still checks routes over AI peerings", async () => {
        const r = await evaluate(
            pack,
            id,
            [
                resource(vpc, "ml", ai),
                resource(vpc, "erp", biz),
                peer("ml-erp", "ml", "erp"),
                routeVia("default", "ml-erp", "0.0.0.0/0"),
                routeVia("narrow", "ml-erp", "10.9.0.0/16"),
                resource(
                    routeTable,
                    "table",
                    {
                        vpcId: unknown,
                        routes: [
                            { cidrBlock: "::/0", vpcPeeringConnectionId: unknown },
                            { cidrBlock: "0.0.0.0/0", gatewayId: "igw-1" },
                        ],
                    },
                    { propertyDependencies: { routes: ["ml-erp"] } },
                ),
            ],
            { properties: { allowedPeerings: ["ml-erp"] } },
        );
        expect(r.violating).toEqual(["default", "table"]);
        expect(r.clean).toEqual(["erp", "ml", "ml-erp", "narrow"]);
        expect(r.messages("table")[0]).toContain("routes[0].cidrBlock is a /0 range over a VPC peering");
    });

    it("leaves unknown destinations to pulumi up", async () => {
        const r = await evaluate(pack, id, [
            resource(vpc, "ml", ai),
            resource(vpc, "other"),
            peer("p", "ml", "other"),
            routeVia("r", "p", unknown),
            resource(routeTable, "t", { routes: unknown }, { propertyDependencies: { routes: ["p"] } }),
        ]);
        expect(r.violating).toEqual([]);
        expect(r.undecided).toEqual(["r", "t"]);
    });

    it("ignores peerings without an AI VPC", async () => {
        const r = await evaluate(pack, id, [
            resource(vpc, "a", biz),
            resource(vpc, "b"),
            peer("p", "a", "b"),
            routeVia("r", "p", "0.0.0.0/0"),
            resource(peering, "literal", { vpcId: "vpc-1", peerVpcId: "vpc-2" }),
        ]);
        expect(r.violating).toEqual([]);
    });

    it("judges secrets without printing them and survives odd input", async () => {
        const r = await evaluate(pack, id, [
            resource(vpc, "ml", ai),
            resource(vpc, "x"),
            peer("p", "ml", "x"),
            routeVia("secret", "p", secret("0.0.0.0/0")),
            routeVia("odd", "p", 5),
            resource(
                routeTable,
                "t",
                { routes: ["x", null, { vpcPeeringConnectionId: "pcx-1", cidrBlock: 3 }] },
                { propertyDependencies: { routes: ["p"] } },
            ),
        ]);
        expect(r.violating).toEqual(["secret"]);
        expect(r.clean).toEqual(["ml", "odd", "p", "t", "x"]);
    });
});
