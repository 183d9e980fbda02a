import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PackSession } from "../../../../harness/engine";
import { evaluate, openPack, resource, secret, unknown } from "../../../../tests/support/pack";

const id = "ai-role-no-business-datastore-access";
const role = "aws:iam/role:Role";
const rolePolicy = "aws:iam/rolePolicy:RolePolicy";
const biz = { tags: { "aiguard:system": "business" } };
const kb = (name: string, roleName: string) =>
    resource(
        "aws:bedrock/agentKnowledgeBase:AgentKnowledgeBase",
        name,
        { name, roleArn: unknown },
        { propertyDependencies: { roleArn: [roleName] } },
    );
const inlineFor = (name: string, roleName: string, doc: unknown, deps: string[] = []) =>
    resource(
        rolePolicy,
        name,
        { role: unknown, policy: doc as never },
        { propertyDependencies: { role: [roleName], policy: deps } },
    );
const deny = JSON.stringify({ Statement: [{ Effect: "Deny", Action: "*", Resource: "arn:aws:dynamodb:::table/x" }] });

let pack: PackSession;
beforeAll(async () => {
    pack = await openPack();
});
afterAll(async () => {
    await pack?.close();
});

describe(id, () => {
    it("flags AI role policies that depend on business data stores", async () => {
        const r = await evaluate(pack, id, [
            resource("aws:dynamodb/table:Table", "orders", biz),
            resource("aws:s3/bucket:Bucket", "ledger", biz),
            resource("aws:s3/bucket:Bucket", "docs"),
            resource(role, "kb-role"),
            kb("kb", "kb-role"),
            inlineFor("reads-orders", "kb-role", unknown, ["orders", "docs"]),
            inlineFor("reads-docs", "kb-role", unknown, ["docs"]),
            inlineFor("denies-orders", "kb-role", deny, ["orders"]),
            resource(
                "aws:iam/policy:Policy",
                "ledger-access",
                { policy: unknown },
                { propertyDependencies: { policy: ["ledger"] } },
            ),
            resource(
                "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
                "att",
                { role: unknown, policyArn: unknown },
                { propertyDependencies: { role: ["kb-role"], policyArn: ["ledger-access"] } },
            ),
        ]);
        expect(r.violating).toEqual(["ledger-access", "reads-orders"]);
        expect(r.clean).toEqual(["att", "denies-orders", "docs", "kb", "kb-role", "ledger", "orders", "reads-docs"]);
        expect(r.undecided).toEqual([]);
        expect(r.messages("reads-orders")[0]).toMatch(
            /^RolePolicy 'reads-orders': policy is a grant on business resource Table 'orders' \(role 'kb-role' is in the AI system: referenced by aws:bedrock\/agentKnowledgeBase:AgentKnowledgeBase 'kb'\); expected no access from AI roles to resources of business systems\. Fix: /,
        );
        expect(r.diagnostics.every((d) => d.enforcementLevel === "mandatory" && d.severity === "high")).toBe(true);
    });

    it("checks inline policies of AI-tagged roles and honours the allowlist", async () => {
        const stack = [
            resource("aws:dynamodb/table:Table", "orders", biz),
            resource(
                role,
                "ai-role",
                { tags: { "aiguard:system": "ai" }, inlinePolicies: [{ name: "p", policy: unknown }] },
                { propertyDependencies: { inlinePolicies: ["orders"] } },
            ),
        ];
        const r = await evaluate(pack, id, stack);
        expect(r.violating).toEqual(["ai-role"]);
        expect(r.messages("ai-role")[0]).toContain("Role 'ai-role': inlinePolicies is a grant on business resource");
        const allowed = await evaluate(pack, id, stack, { properties: { allowedBusinessResources: ["orders"] } });
        expect(allowed.violating).toEqual([]);
    });

    it("ignores roles outside the AI system", async () => {
        const r = await evaluate(pack, id, [
            resource("aws:dynamodb/table:Table", "orders", biz),
            resource(role, "app-role"),
            inlineFor("app", "app-role", unknown, ["orders"]),
        ]);
        expect(r.violating).toEqual([]);
        expect(r.clean).toEqual(["app", "app-role", "orders"]);
    });

    it("judges secret and odd documents without throwing or printing them", async () => {
        const r = await evaluate(pack, id, [
            resource("aws:dynamodb/table:Table", "orders", biz),
            resource(role, "kb-role"),
            kb("kb", "kb-role"),
            inlineFor(
                "secret",
                "kb-role",
                secret(
                    JSON.stringify({
                        Statement: [{ Sid: "s3cr3t", Effect: "Allow", Action: "dynamodb:*", Resource: "*" }],
                    }),
                ),
                ["orders"],
            ),
            inlineFor("odd", "kb-role", 42, ["orders"]),
            inlineFor("no-deps", "kb-role", "{bad json"),
        ]);
        expect(r.violating).toEqual(["odd", "secret"]);
        expect(r.clean).toEqual(["kb", "kb-role", "no-deps", "orders"]);
        expect(r.diagnostics.map((d) => d.message).join("\n")).not.toContain("s3cr3t");
    });
});
