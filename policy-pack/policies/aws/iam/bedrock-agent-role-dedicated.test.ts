import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PackSession } from "../../../../harness/engine";
import { evaluate, openPack, resource, secret, unknown } from "../../../../tests/support/pack";

const id = "bedrock-agent-role-dedicated";
const agentType = "aws:bedrock/agentAgent:AgentAgent";
const agent = (name: string, roleName?: string, arn: unknown = unknown) =>
    resource(
        agentType,
        name,
        { agentName: name, agentResourceRoleArn: arn as never, foundationModel: "m" },
        roleName ? { propertyDependencies: { agentResourceRoleArn: [roleName] } } : {},
    );

let pack: PackSession;
beforeAll(async () => {
    pack = await openPack();
});
afterAll(async () => {
    await pack?.close();
});

describe(id, () => {
    it("flags agents that share a role, after the first", async () => {
        const r = await evaluate(pack, id, [
            resource("aws:iam/role:Role", "shared"),
            resource("aws:iam/role:Role", "own"),
            agent("a1", "shared"),
            agent("a2", "shared"),
            agent("a3", "shared"),
            agent("solo", "own"),
        ]);
        expect(r.violating).toEqual(["a2", "a3"]);
        expect(r.clean).toEqual(["a1", "own", "shared", "solo"]);
        expect(r.messages("a2")[0]).toMatch(
            /^AgentAgent 'a2': agentResourceRoleArn is role 'shared', also used by Bedrock agent 'a1'; expected a role used by this agent only\. Fix: /,
        );
        expect(r.diagnostics.every((d) => d.enforcementLevel === "advisory" && d.severity === "medium")).toBe(true);
    });

    it("compares known literal ARNs, secrets included, without printing them", async () => {
        const arn = "arn:aws:iam::123456789012:role/s3cr3t-agent";
        const r = await evaluate(pack, id, [
            agent("l1", undefined, arn),
            agent("l2", undefined, secret(arn)),
            agent("l3", undefined, "arn:aws:iam::123456789012:role/other"),
        ]);
        expect(r.violating).toEqual(["l2"]);
        expect(r.diagnostics.map((d) => d.message).join("\n")).not.toContain("s3cr3t");
    });

    it("does not compare unknown or odd role references", async () => {
        const r = await evaluate(pack, id, [
            agent("u1"),
            agent("u2"),
            agent("n1", undefined, 5),
            agent("n2", undefined, 5),
            agent("m"),
        ]);
        expect(r.violating).toEqual([]);
        expect(r.undecided).toEqual([]);
    });
});
