import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PackSession } from "../../../harness/engine";
import { evaluate, openPack, resource, unknown } from "../../../tests/support/pack";
import { roleChain, twoBusinessVpcsThroughAi } from "../../../tests/support/stack-graph-fixtures";
import { parseMessage } from "../../core/message";

const id = "ai-bridges-business-systems";

let pack: PackSession;
beforeAll(async () => {
    pack = await openPack();
});
afterAll(async () => {
    await pack?.close();
});

describe(id, () => {
    it("names the front door that joins two business VPCs peered with the AI VPC, with the whole chain", async () => {
        const r = await evaluate(pack, id, twoBusinessVpcsThroughAi());
        expect(r.violating).toEqual(["chat-fn"]);
        const [finding] = parseMessage(r.messages("chat-fn")[0] as string)?.findings ?? [];
        expect(finding?.setting).toBe("bridge between business systems");
        expect(finding?.found).toMatch(
            /^Vpc '(erp|crm)' \(business: tagged as a business system\) -\[peering\]-> VpcPeeringConnection '[a-z-]+' -\[peering\]-> Vpc 'ml' -\[vpcId\]-> Subnet 'ml-a' -\[vpcConfig\]-> Function 'chat-fn' \(AI\) -\[vpcConfig\]-> Subnet 'ml-a' -\[vpcId\]-> Vpc 'ml' -\[peering\]-> VpcPeeringConnection '[a-z-]+' -\[peering\]-> Vpc '(erp|crm)' \(business: tagged as a business system\)$/,
        );
        const ends = finding?.found.match(/Vpc '(erp|crm)'/g) ?? [];
        expect(new Set(ends).size).toBe(2);
        expect(r.diagnostics.every((d) => d.enforcementLevel === "mandatory" && d.severity === "critical")).toBe(true);
    });

    it("finds no bridge without an AI host between the peerings: the peerings alone are not transitive", async () => {
        const r = await evaluate(
            pack,
            id,
            twoBusinessVpcsThroughAi().filter((x) => !["chat-fn", "chat-endpoint"].includes(x.name)),
        );
        expect(r.violating).toEqual([]);
    });

    it("finds a bridge through an identity: a business app that invokes the front door, whose role chain reads another business table", async () => {
        const r = await evaluate(pack, id, [
            ...roleChain(),
            resource("aws:iam/role:Role", "web-role", {
                assumeRolePolicy: '{"Version":"2012-10-17","Statement":[]}',
                tags: { "aiguard:system": "business" },
            }),
            resource(
                "aws:iam/rolePolicy:RolePolicy",
                "web-invoke",
                {
                    role: unknown,
                    policy: JSON.stringify({
                        Version: "2012-10-17",
                        Statement: [
                            {
                                Effect: "Allow",
                                Action: "lambda:InvokeFunction",
                                Resource: "arn:aws:lambda:::function:chat",
                            },
                        ],
                    }),
                },
                { propertyDependencies: { role: ["web-role"], policy: ["chat-fn"] } },
            ),
        ]);
        expect(r.violating).toEqual(["chat-fn"]);
        expect(parseMessage(r.messages("chat-fn")[0] as string)?.findings[0]?.found).toBe(
            "Role 'web-role' (business: tagged as a business system) -[attached policy]-> RolePolicy 'web-invoke' -[policy grants lambda:InvokeFunction]-> Function 'chat-fn' (AI) -[runs as]-> Role 'chat-role' -[attached policy]-> RolePolicy 'chat-assume' -[policy grants sts:AssumeRole]-> Role 'erp-role' -[attached policy]-> RolePolicyAttachment 'erp-role-data' -[policyArn]-> Policy 'erp-data' -[policy grants dynamodb:GetItem, dynamodb:Query]-> Table 'orders' (business: tagged as a business system)",
        );
    });

    it("accepts a chain an allowlisted flow covers, as advisory with the justification", async () => {
        const r = await evaluate(pack, id, twoBusinessVpcsThroughAi(), {
            properties: {
                allowedFlows: [
                    { from: "erp", to: "crm", justification: "Assistant syncs ERP tickets to CRM; reviewed" },
                    { from: "crm", to: "erp", justification: "Assistant syncs ERP tickets to CRM; reviewed" },
                ],
            },
        });
        expect(r.diagnostics.map((d) => d.enforcementLevel)).toEqual(["advisory"]);
        expect(r.messages("chat-fn")[0]).toMatch(/^Allowed by config: "(erp → crm|crm → erp): Assistant syncs/);
    });
});
