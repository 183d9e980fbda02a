import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PackSession } from "../../../harness/engine";
import { evaluate, openPack, resource, unknown } from "../../../tests/support/pack";
import { peering, roleChain, twoBusinessVpcsThroughAi } from "../../../tests/support/stack-graph-fixtures";
import { parseMessage } from "../../core/message";

const id = "ai-to-business-path";

let pack: PackSession;
beforeAll(async () => {
    pack = await openPack();
});
afterAll(async () => {
    await pack?.close();
});

describe(id, () => {
    it("lists each network path from the AI VPC into a business VPC hop by hop", async () => {
        const r = await evaluate(pack, id, twoBusinessVpcsThroughAi());
        expect(r.violating).toEqual(["ml"]);
        const parsed = parseMessage(r.messages("ml")[0] as string);
        expect(parsed?.findings.map((f) => f.found).sort()).toEqual([
            "Vpc 'ml' (AI) -[peering]-> VpcPeeringConnection 'erp-ml' -[peering]-> Vpc 'erp' (business: tagged as a business system)",
            "Vpc 'ml' (AI) -[peering]-> VpcPeeringConnection 'ml-crm' -[peering]-> Vpc 'crm' (business: tagged as a business system)",
        ]);
        expect(parsed?.findings[0]?.setting).toBe("path to a business system");
        expect(r.diagnostics.every((d) => d.enforcementLevel === "mandatory" && d.severity === "high")).toBe(true);
    });

    it("follows a role chain: front-door role, inline policy, assumed role, attached policy, business table", async () => {
        const r = await evaluate(pack, id, roleChain());
        expect(r.violating).toEqual(["chat-role"]);
        expect(parseMessage(r.messages("chat-role")[0] as string)?.findings).toEqual([
            {
                setting: "path to a business system",
                found: "Role 'chat-role' (AI) -[attached policy]-> RolePolicy 'chat-assume' -[policy grants sts:AssumeRole]-> Role 'erp-role' -[attached policy]-> RolePolicyAttachment 'erp-role-data' -[policyArn]-> Policy 'erp-data' -[policy grants dynamodb:GetItem, dynamodb:Query]-> Table 'orders' (business: tagged as a business system)",
                expected: "no path from the AI system to a business system, or an allowedFlows entry that covers it",
            },
        ]);
    });

    it("does not pass through a peering twice in a row, nor through an unclassified host", async () => {
        const r = await evaluate(pack, id, [
            resource("aws:ec2/vpc:Vpc", "ml", { tags: { "aiguard:system": "ai" } }),
            resource("aws:ec2/vpc:Vpc", "shared"),
            resource("aws:ec2/vpc:Vpc", "erp", { tags: { "aiguard:system": "business" } }),
            peering("ml-shared", "ml", "shared"),
            peering("shared-erp", "shared", "erp"),
            resource(
                "aws:ec2/subnet:Subnet",
                "shared-a",
                { vpcId: unknown },
                { propertyDependencies: { vpcId: ["shared"] } },
            ),
            resource(
                "aws:ec2/instance:Instance",
                "jump",
                { subnetId: unknown, ami: "ami-1", instanceType: "t3.micro" },
                { propertyDependencies: { subnetId: ["shared-a"] } },
            ),
        ]);
        expect(r.violating).toEqual([]);
    });

    it("reports a path an allowlisted flow covers as advisory with its justification, and only when it covers every action", async () => {
        const justification = "Order status lookups for the assistant, reviewed by security";
        const covered = await evaluate(pack, id, roleChain(), {
            properties: {
                allowedFlows: [
                    {
                        from: "chat-*",
                        to: "orders",
                        actions: ["sts:AssumeRole", "dynamodb:GetItem", "dynamodb:Query"],
                        justification,
                    },
                ],
            },
        });
        expect(covered.violating).toEqual(["chat-role"]);
        expect(covered.diagnostics.map((d) => d.enforcementLevel)).toEqual(["advisory"]);
        const message = covered.messages("chat-role")[0] as string;
        expect(message).toMatch(
            new RegExp(
                `^Allowed by config: "chat-\\* → orders: ${justification}"\\. Role 'chat-role': path to a business system is `,
            ),
        );
        expect(parseMessage(message)?.allowed).toEqual([`chat-* → orders: ${justification}`]);

        const narrower = await evaluate(pack, id, roleChain(), {
            properties: {
                allowedFlows: [{ from: "chat-fn", to: "orders", actions: ["dynamodb:GetItem"], justification }],
            },
        });
        expect(narrower.diagnostics.map((d) => d.enforcementLevel)).toEqual(["mandatory"]);
    });

    it("validates allowlisted flows against the schema", async () => {
        await expect(
            evaluate(pack, id, roleChain(), { properties: { allowedFlows: [{ from: "chat-fn", to: "orders" }] } }),
        ).rejects.toThrow(/policy 'ai-to-business-path': allowedFlows\.0 must have required property 'justification'/);
    });

    it("accepts a business network that holds only an API Management gateway's private endpoint, and flags one that holds the AI account's", async () => {
        // Each business application sits in its own subnet; the gateway's endpoint carries the
        // caller's traffic into the gateway only, the account's puts the model on the business network.
        const businessNetwork = (label: string) => [
            resource("azure-native:network:VirtualNetwork", `${label}-vnet`, {
                tags: { "aiguard:system": "business" },
            }),
            resource(
                "azure-native:network:Subnet",
                `${label}-apps`,
                { virtualNetworkName: unknown },
                { propertyDependencies: { virtualNetworkName: [`${label}-vnet`] } },
            ),
        ];
        const endpointTo = (name: string, subnet: string, target: string, groupId: string) =>
            resource(
                "azure-native:network:PrivateEndpoint",
                name,
                {
                    subnet: { id: unknown },
                    privateLinkServiceConnections: [{ name, privateLinkServiceId: unknown, groupIds: [groupId] }],
                },
                { propertyDependencies: { subnet: [subnet], privateLinkServiceConnections: [target] } },
            );
        const r = await evaluate(pack, id, [
            resource("azure-native:cognitiveservices:Account", "model", { kind: "AIServices" }),
            resource("azure-native:apimanagement:ApiManagementService", "gateway", {
                tags: { "aiguard:system": "ai" },
            }),
            ...businessNetwork("orders"),
            endpointTo("orders-to-gateway", "orders-apps", "gateway", "Gateway"),
            ...businessNetwork("billing"),
            endpointTo("billing-to-model", "billing-apps", "model", "account"),
        ]);
        // The account's endpoint pulls its subnet into the AI system, so the path starts there.
        expect(r.violating).toEqual(["billing-apps"]);
        expect(parseMessage(r.messages("billing-apps")[0] as string)?.findings.map((f) => f.found)).toEqual([
            "Subnet 'billing-apps' (AI) -[virtualNetworkName]-> VirtualNetwork 'billing-vnet' (business: tagged as a business system)",
        ]);
    });

    it("finds nothing in a stack without business systems", async () => {
        const r = await evaluate(
            pack,
            id,
            twoBusinessVpcsThroughAi().map((x) => (x.name === "erp" || x.name === "crm" ? { ...x, inputs: {} } : x)),
        );
        expect(r.violating).toEqual([]);
    });
});
