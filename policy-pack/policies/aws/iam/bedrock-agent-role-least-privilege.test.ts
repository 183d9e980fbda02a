import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PackSession } from "../../../../harness/engine";
import { evaluate, openPack, resource, secret, unknown } from "../../../../tests/support/pack";

const id = "bedrock-agent-role-least-privilege";
const role = "aws:iam/role:Role";
const rolePolicy = "aws:iam/rolePolicy:RolePolicy";
const attachment = "aws:iam/rolePolicyAttachment:RolePolicyAttachment";
const boundary = "arn:aws:iam::123456789012:policy/agent-boundary";
const doc = (...Statement: object[]) => JSON.stringify({ Version: "2012-10-17", Statement });
const invoke = {
    Effect: "Allow",
    Action: "bedrock:InvokeModel",
    Resource: "arn:aws:bedrock:us-east-1::foundation-model/x",
};
const agent = (name: string, roleName: string) =>
    resource(
        "aws:bedrock/agentAgent:AgentAgent",
        name,
        { agentName: name, agentResourceRoleArn: unknown, foundationModel: "anthropic.claude-v2" },
        { propertyDependencies: { agentResourceRoleArn: [roleName] } },
    );
const inlineFor = (name: string, roleName: string, policyDoc: unknown) =>
    resource(
        rolePolicy,
        name,
        { role: unknown, policy: policyDoc as never },
        { propertyDependencies: { role: [roleName] } },
    );
const attach = (name: string, roleName: string, arn: unknown) =>
    resource(
        attachment,
        name,
        { role: unknown, policyArn: arn as never },
        { propertyDependencies: { role: [roleName] } },
    );

let pack: PackSession;
beforeAll(async () => {
    pack = await openPack();
});
afterAll(async () => {
    await pack?.close();
});

describe(id, () => {
    it("flags a missing boundary, FullAccess attachments and whole-service grants", async () => {
        const r = await evaluate(pack, id, [
            resource(role, "no-boundary"),
            agent("a1", "no-boundary"),
            resource(role, "bounded", { permissionsBoundary: boundary }),
            agent("a2", "bounded"),
            attach("full", "bounded", "arn:aws:iam::aws:policy/AmazonBedrockFullAccess"),
            attach("dyn", "bounded", "arn:aws:iam::aws:policy/AmazonDynamoDBFullAccess"),
            attach("ro", "bounded", "arn:aws:iam::aws:policy/AmazonBedrockReadOnly"),
            inlineFor("wide", "bounded", doc(invoke, { Effect: "Allow", Action: "dynamodb:*", Resource: "*" })),
            inlineFor("narrow", "bounded", doc(invoke)),
        ]);
        expect(r.violating).toEqual(["dyn", "full", "no-boundary", "wide"]);
        expect(r.clean).toEqual(["a1", "a2", "bounded", "narrow", "ro"]);
        expect(r.messages("no-boundary")[0]).toMatch(
            /^Role 'no-boundary': permissionsBoundary is not set \(the role is used by Bedrock agent 'a1'\); expected the ARN of a permissions boundary policy\. Fix: /,
        );
        expect(r.diagnostics.every((d) => d.enforcementLevel === "advisory" && d.severity === "high")).toBe(true);
    });

    it("counts an unknown boundary as set and leaves unknown documents to pulumi up", async () => {
        const r = await evaluate(pack, id, [
            resource(role, "r", { permissionsBoundary: unknown }),
            agent("a", "r"),
            inlineFor("computed", "r", unknown),
            resource(role, "computed-unset", { name: "x" }, { outputs: { name: "x", permissionsBoundary: unknown } }),
            agent("b", "computed-unset"),
        ]);
        expect(r.violating).toEqual(["computed-unset"]);
        expect(r.undecided).toEqual(["computed"]);
    });

    it("ignores roles no agent uses", async () => {
        const r = await evaluate(pack, id, [
            resource(role, "other"),
            attach("full", "other", "arn:aws:iam::aws:policy/AdministratorAccess"),
            resource(role, "bounded", { permissionsBoundary: boundary }),
            agent("a", "bounded"),
        ]);
        expect(r.violating).toEqual([]);
        expect(r.clean).toEqual(["a", "bounded", "full", "other"]);
    });

    it("judges secrets without printing them and survives odd input", async () => {
        const r = await evaluate(pack, id, [
            resource(role, "r", { permissionsBoundary: secret(boundary), inlinePolicies: [{ policy: 5 }, "x"] }),
            agent("a", "r"),
            inlineFor("secret-wide", "r", secret(doc({ Sid: "s3cr3t", Effect: "Allow", Action: "*", Resource: "*" }))),
            resource(role, "odd", { permissionsBoundary: 42 }),
            agent("b", "odd"),
            resource("aws:bedrock/agentAgent:AgentAgent", "literal", { agentResourceRoleArn: "arn:aws:iam::1:role/x" }),
        ]);
        expect(r.violating).toEqual(["odd", "secret-wide"]);
        expect(r.undecided).toEqual([]);
        const text = r.diagnostics.map((d) => d.message).join("\n");
        expect(text).not.toContain("s3cr3t");
        expect(text).not.toContain("agent-boundary");
    });
});
