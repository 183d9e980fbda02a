import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PackSession } from "../../../../harness/engine";
import { evaluate, openPack, resource, secret, unknown } from "../../../../tests/support/pack";

const id = "no-bedrock-full-access-policy";
const full = "arn:aws:iam::aws:policy/AmazonBedrockFullAccess";
const role = "aws:iam/role:Role";
/** An AI resource, so that the stack has an AI system whose identities the policy judges. */
const agent = resource("aws:bedrock/agentAgent:AgentAgent", "assistant", { agentName: "assistant" });

let pack: PackSession;
beforeAll(async () => {
    pack = await openPack();
});
afterAll(async () => {
    await pack?.close();
});

describe(id, () => {
    it("flags AmazonBedrockFullAccess on roles and attachments of every kind", async () => {
        const r = await evaluate(pack, id, [
            resource(role, "role-full", { managedPolicyArns: ["arn:aws:iam::aws:policy/ReadOnlyAccess", full] }),
            resource(role, "role-gov", {
                managedPolicyArns: ["arn:aws-us-gov:iam::aws:policy/AmazonBedrockFullAccess"],
            }),
            resource(role, "role-ok", { managedPolicyArns: ["arn:aws:iam::aws:policy/AmazonBedrockReadOnly"] }),
            resource(role, "role-none"),
            resource("aws:iam/rolePolicyAttachment:RolePolicyAttachment", "rpa", { role: "r", policyArn: full }),
            resource("aws:iam/userPolicyAttachment:UserPolicyAttachment", "upa", { user: "u", policyArn: full }),
            resource("aws:iam/groupPolicyAttachment:GroupPolicyAttachment", "gpa", { group: "g", policyArn: full }),
            resource("aws:iam/policyAttachment:PolicyAttachment", "pa", { roles: ["r"], policyArn: full }),
            resource("aws:iam/rolePolicyAttachment:RolePolicyAttachment", "customer", {
                role: "r",
                policyArn: "arn:aws:iam::123456789012:policy/AmazonBedrockFullAccess",
            }),
        ]);
        expect(r.violating).toEqual(["gpa", "pa", "role-full", "role-gov", "rpa", "upa"]);
        expect(r.clean).toEqual(["customer", "role-none", "role-ok"]);
        expect(r.messages("role-full")[0]).toMatch(
            /^Role 'role-full': managedPolicyArns\[1\] is the AWS managed policy AmazonBedrockFullAccess; expected .*Fix: /,
        );
        expect(r.diagnostics.every((d) => d.enforcementLevel === "mandatory" && d.severity === "medium")).toBe(true);
    });

    it("leaves unknown ARNs to pulumi up", async () => {
        const r = await evaluate(pack, id, [
            agent,
            resource("aws:iam/rolePolicyAttachment:RolePolicyAttachment", "computed", {
                role: "r",
                policyArn: unknown,
            }),
            resource(role, "computed-list", { managedPolicyArns: unknown }),
            resource(role, "computed-item", { managedPolicyArns: [unknown] }),
        ]);
        expect(r.violating).toEqual([]);
        expect(r.undecided).toEqual(["computed", "computed-list"]);
        expect(r.clean).toEqual(["assistant", "computed-item"]);
    });

    it("passes an ARN that comes from a policy the program creates, which is never the AWS managed one", async () => {
        const r = await evaluate(pack, id, [
            agent,
            resource("aws:iam/policy:Policy", "invoke-only", {
                policy: JSON.stringify({ Version: "2012-10-17", Statement: [] }),
            }),
            resource(
                "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
                "custom",
                { role: "r", policyArn: unknown },
                { propertyDependencies: { policyArn: ["invoke-only"] } },
            ),
            resource(
                role,
                "custom-list",
                { managedPolicyArns: unknown },
                { propertyDependencies: { managedPolicyArns: ["invoke-only"] } },
            ),
        ]);
        expect(r.undecided).toEqual([]);
        expect(r.violating).toEqual([]);
    });

    it("says nothing in a stack without an AI system", async () => {
        const r = await evaluate(pack, id, [
            resource("aws:iam/rolePolicyAttachment:RolePolicyAttachment", "computed", {
                role: "r",
                policyArn: unknown,
            }),
        ]);
        expect(r.diagnostics).toEqual([]);
    });

    it("judges secret ARNs without printing them, and survives odd input", async () => {
        const r = await evaluate(pack, id, [
            resource("aws:iam/rolePolicyAttachment:RolePolicyAttachment", "secret", {
                role: "r",
                policyArn: secret(full),
            }),
            resource("aws:iam/rolePolicyAttachment:RolePolicyAttachment", "number", { role: "r", policyArn: 5 }),
            resource(role, "odd", { managedPolicyArns: "arn" }),
            resource(role, "nulls", { managedPolicyArns: [null, 3, {}] }),
        ]);
        expect(r.violating).toEqual(["secret"]);
        expect(r.clean).toEqual(["nulls", "number", "odd"]);
        expect(r.diagnostics.map((d) => d.message).join("\n")).not.toContain("arn:aws");
    });
});
