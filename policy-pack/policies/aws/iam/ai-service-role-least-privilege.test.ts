import type * as aws from "@pulumi/aws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PackSession } from "../../../../harness/engine";
import type { WireObject } from "../../../../harness/model";
import { evaluate, openPack, resource, secret, unknown } from "../../../../tests/support/pack";
import policy from "./ai-service-role-least-privilege";

const roleType = "aws:iam/role:Role";
const trust = (service: string) =>
    JSON.stringify({
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Principal: { Service: service }, Action: "sts:AssumeRole" }],
    });
const doc = (Action: string | string[], Resource: string | string[] = "*") =>
    JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action, Resource }] });
const role = (service: string, extra: Partial<aws.iam.RoleArgs> = {}): WireObject =>
    ({ assumeRolePolicy: trust(service), ...extra }) satisfies aws.iam.RoleArgs as unknown as WireObject;
const managed = (name: string) => `arn:aws:iam::aws:policy/${name}`;

let pack: PackSession;
beforeAll(async () => {
    pack = await openPack();
});
afterAll(async () => {
    await pack?.close();
});

describe(policy.id, () => {
    it("flags an AgentCore runtime role with BedrockAgentCoreFullAccess and bedrock:InvokeModel* on every resource", async () => {
        const r = await evaluate(pack, policy.id, [
            resource(
                "aws:iam/role:Role",
                "runtime-role",
                role("bedrock-agentcore.amazonaws.com", { managedPolicyArns: [managed("BedrockAgentCoreFullAccess")] }),
            ),
            resource(
                "aws:iam/rolePolicy:RolePolicy",
                "invoke-any",
                { role: unknown, policy: doc("bedrock:InvokeModel*") } satisfies aws.iam.RolePolicyArgs as WireObject,
                { propertyDependencies: { role: ["runtime-role"] } },
            ),
        ]);
        expect(r.violating).toEqual(["invoke-any", "runtime-role"]);
        expect(r.messages("runtime-role")[0]).toBe(
            "Role 'runtime-role': managedPolicyArns[0] is the AWS managed policy BedrockAgentCoreFullAccess (role 'runtime-role' can be assumed by bedrock-agentcore.amazonaws.com); expected actions and resources scoped to what the AI service needs. Fix: " +
                policy.remediation.join(" "),
        );
        expect(r.messages("invoke-any")[0]).toContain(
            'policy is Statement[0] allowing wildcard actions on Resource "*"',
        );
    });

    it("judges every AI service principal and passes scoped roles and roles of other services", async () => {
        const r = await evaluate(pack, policy.id, [
            resource(
                roleType,
                "customization",
                role("bedrock.amazonaws.com", { inlinePolicies: [{ name: "all", policy: doc("s3:*") }] }),
            ),
            resource(
                roleType,
                "comprehend",
                role("comprehend.amazonaws.com", { managedPolicyArns: [managed("ComprehendFullAccess")] }),
            ),
            resource(
                roleType,
                "kb-scoped",
                role("bedrock.amazonaws.com", {
                    inlinePolicies: [
                        { name: "read", policy: doc(["s3:GetObject", "s3:ListBucket"], "arn:aws:s3:::docs/*") },
                    ],
                }),
            ),
            resource(
                roleType,
                "lambda",
                role("lambda.amazonaws.com", { managedPolicyArns: [managed("AdministratorAccess")] }),
            ),
            resource(roleType, "business", {
                ...role("sagemaker.amazonaws.com", { managedPolicyArns: [managed("AdministratorAccess")] }),
                tags: { "aiguard:system": "business" },
            }),
        ]);
        expect(r.violating).toEqual(["comprehend", "customization"]);
        expect(r.clean).toEqual(["business", "kb-scoped", "lambda"]);
    });

    it("leaves a gap another check reports to that check: agent and SageMaker roles, AmazonBedrockFullAccess", async () => {
        const r = await evaluate(pack, policy.id, [
            resource(
                roleType,
                "agent-role",
                role("bedrock.amazonaws.com", { managedPolicyArns: [managed("AdministratorAccess")] }),
            ),
            resource(
                "aws:bedrock/agentAgent:AgentAgent",
                "agent",
                {
                    agentName: "a",
                    agentResourceRoleArn: unknown,
                    foundationModel: "m",
                } satisfies aws.bedrock.AgentAgentArgs as WireObject,
                { propertyDependencies: { agentResourceRoleArn: ["agent-role"] } },
            ),
            resource(
                roleType,
                "exec-role",
                role("sagemaker.amazonaws.com", { managedPolicyArns: [managed("AmazonSageMakerFullAccess")] }),
            ),
            resource(
                "aws:sagemaker/model:Model",
                "model",
                { executionRoleArn: unknown } satisfies aws.sagemaker.ModelArgs as WireObject,
                { propertyDependencies: { executionRoleArn: ["exec-role"] } },
            ),
            resource(
                roleType,
                "bedrock-full",
                role("bedrock.amazonaws.com", { managedPolicyArns: [managed("AmazonBedrockFullAccess")] }),
            ),
            resource(
                roleType,
                "pipeline-role",
                role("sagemaker.amazonaws.com", { managedPolicyArns: [managed("AmazonSageMakerFullAccess")] }),
            ),
        ]);
        expect(r.violating).toEqual(["pipeline-role"]);
        expect(r.clean).toEqual(["agent", "agent-role", "bedrock-full", "exec-role", "model"]);
    });

    it("leaves unknown documents to pulumi up and judges secret ones without printing them", async () => {
        const r = await evaluate(pack, policy.id, [
            resource(
                roleType,
                "unknown-doc",
                role("bedrock.amazonaws.com", { inlinePolicies: [{ name: "p", policy: unknown }] }),
            ),
            resource(
                roleType,
                "secret-doc",
                role("bedrock.amazonaws.com", {
                    inlinePolicies: [{ name: "p", policy: secret(doc("bedrock:*")) as never }],
                }),
            ),
        ]);
        expect(r.undecided).toEqual(["unknown-doc"]);
        expect(r.violating).toEqual(["secret-doc"]);
        expect(r.messages("secret-doc").join("\n")).not.toContain("bedrock:*");
    });
});

describe("ai-role-no-business-datastore-access on a role only an AI service trusts", () => {
    it("judges the role's business grants because its trust policy puts it in the AI system", async () => {
        const r = await evaluate(pack, "ai-role-no-business-datastore-access", [
            resource("aws:dynamodb/table:Table", "orders", { tags: { "aiguard:system": "business" } }),
            resource(roleType, "customization-role", role("bedrock.amazonaws.com")),
            resource(
                "aws:iam/rolePolicy:RolePolicy",
                "reads-orders",
                { role: unknown, policy: unknown },
                { propertyDependencies: { role: ["customization-role"], policy: ["orders"] } },
            ),
        ]);
        expect(r.violating).toEqual(["reads-orders"]);
        expect(r.messages("reads-orders")[0]).toContain("its trust policy admits the AI service bedrock.amazonaws.com");
    });
});
