import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PackSession } from "../../../../harness/engine";
import { evaluate, openPack, resource, secret, unknown } from "../../../../tests/support/pack";

const id = "sagemaker-exec-role-least-privilege";
const role = "aws:iam/role:Role";
const rolePolicy = "aws:iam/rolePolicy:RolePolicy";
const attachment = "aws:iam/rolePolicyAttachment:RolePolicyAttachment";
const policy = "aws:iam/policy:Policy";
const doc = (...Statement: object[]) => JSON.stringify({ Version: "2012-10-17", Statement });
const allowAll = { Effect: "Allow", Action: "*", Resource: "*" };
const s3All = { Effect: "Allow", Action: ["s3:*"], Resource: "*" };
const scoped = { Effect: "Allow", Action: ["s3:GetObject"], Resource: "arn:aws:s3:::weights/*" };
const notebook = (name: string, roleName: string) =>
    resource(
        "aws:sagemaker/notebookInstance:NotebookInstance",
        name,
        { roleArn: unknown, instanceType: "ml.t3.medium" },
        { propertyDependencies: { roleArn: [roleName] } },
    );
const inlineFor = (name: string, roleName: string, policyDoc: unknown) =>
    resource(
        rolePolicy,
        name,
        { role: unknown, policy: policyDoc as never },
        { propertyDependencies: { role: [roleName] } },
    );
const attach = (name: string, roleName: string, arn: unknown, policyName?: string) =>
    resource(
        attachment,
        name,
        { role: unknown, policyArn: arn as never },
        { propertyDependencies: { role: [roleName], ...(policyName ? { policyArn: [policyName] } : {}) } },
    );

let pack: PackSession;
beforeAll(async () => {
    pack = await openPack();
});
afterAll(async () => {
    await pack?.close();
});

describe(id, () => {
    it("flags broad inline grants, broad managed policies and broad customer policies of SageMaker roles", async () => {
        const r = await evaluate(pack, id, [
            resource(role, "exec", { inlinePolicies: [{ name: "all", policy: doc(allowAll) }] }),
            notebook("nb", "exec"),
            inlineFor("s3-all", "exec", doc(scoped, s3All)),
            attach("admin", "exec", "arn:aws:iam::aws:policy/AdministratorAccess"),
            attach("smfull", "exec", "arn:aws:iam::aws:policy/AmazonSageMakerFullAccess"),
            attach("readonly", "exec", "arn:aws:iam::aws:policy/AmazonSageMakerReadOnly"),
            resource(policy, "custom", { policy: doc({ Effect: "Allow", Action: "sagemaker:*", Resource: "*" }) }),
            attach("custom-att", "exec", unknown, "custom"),
            inlineFor("good", "exec", doc(scoped)),
        ]);
        expect(r.violating).toEqual(["admin", "custom", "exec", "s3-all", "smfull"]);
        expect(r.clean).toEqual(["custom-att", "good", "nb", "readonly"]);
        expect(r.undecided).toEqual([]);
        expect(r.messages("admin")[0]).toMatch(
            /^RolePolicyAttachment 'admin': policyArn is the AWS managed policy AdministratorAccess \(role 'exec' is used by NotebookInstance 'nb'\); expected .*Fix: /,
        );
        expect(r.messages("s3-all")[0]).toContain(
            'policy is Statement[1] allowing every action of a service on Resource "*"',
        );
        expect(r.diagnostics.every((d) => d.enforcementLevel === "mandatory" && d.severity === "high")).toBe(true);
    });

    it("flags managedPolicyArns on the role and NotAction grants", async () => {
        const r = await evaluate(pack, id, [
            resource(role, "exec", { managedPolicyArns: ["arn:aws:iam::aws:policy/AmazonS3FullAccess"] }),
            resource(
                "aws:sagemaker/model:Model",
                "m",
                { executionRoleArn: unknown },
                { propertyDependencies: { executionRoleArn: ["exec"] } },
            ),
            inlineFor("notaction", "exec", { Statement: { Effect: "Allow", NotAction: "iam:*", Resource: "*" } }),
        ]);
        expect(r.violating).toEqual(["exec", "notaction"]);
    });

    it("passes scoped roles; missing policies are fine", async () => {
        const r = await evaluate(pack, id, [
            resource(role, "exec"),
            notebook("nb", "exec"),
            inlineFor("good", "exec", doc(scoped)),
            attach("ro", "exec", "arn:aws:iam::aws:policy/AmazonSageMakerReadOnly"),
        ]);
        expect(r.violating).toEqual([]);
        expect(r.undecided).toEqual([]);
    });

    it("leaves unknown documents and ARNs to pulumi up", async () => {
        const r = await evaluate(pack, id, [
            resource(role, "exec", { inlinePolicies: [{ name: "x", policy: unknown }] }),
            notebook("nb", "exec"),
            inlineFor("computed", "exec", unknown),
            attach("computed-arn", "exec", unknown),
            inlineFor("partly", "exec", { Statement: [{ Effect: "Allow", Action: "*", Resource: unknown }] }),
        ]);
        expect(r.violating).toEqual([]);
        expect(r.undecided).toEqual(["computed", "computed-arn", "exec", "partly"]);
    });

    it("ignores roles not used by SageMaker and business-tagged roles", async () => {
        const r = await evaluate(pack, id, [
            resource(role, "app"),
            inlineFor("app-all", "app", doc(allowAll)),
            resource(role, "biz", { tags: { "aiguard:system": "business" } }),
            notebook("nb", "biz"),
            inlineFor("biz-all", "biz", doc(allowAll)),
        ]);
        expect(r.violating).toEqual([]);
        expect(r.clean).toEqual(["app", "app-all", "biz", "biz-all", "nb"]);
    });

    it("judges secret documents without printing them, and survives odd input", async () => {
        const r = await evaluate(pack, id, [
            resource(role, "exec", { inlinePolicies: "odd", managedPolicyArns: [42, null] }),
            notebook("nb", "exec"),
            inlineFor("secret-doc", "exec", secret(doc({ ...allowAll, Sid: "s3cr3t" }))),
            inlineFor("bad-json", "exec", "{not json"),
            inlineFor("number", "exec", 7),
            inlineFor("null-stmt", "exec", { Statement: [null] }),
            attach("arn-number", "exec", 12),
        ]);
        expect(r.violating).toEqual(["secret-doc"]);
        expect(r.undecided).toEqual([]);
        expect(r.diagnostics.map((d) => d.message).join("\n")).not.toContain("s3cr3t");
    });
});
