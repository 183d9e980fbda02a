import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PackSession } from "../../../../harness/engine";
import type { WireValue } from "../../../../harness/model";
import { evaluate, openPack, resource, secret, unknown } from "../../../../tests/support/pack";

const id = "model-registry-policy-not-public";
const type = "aws:sagemaker/modelPackageGroupPolicy:ModelPackageGroupPolicy";
const stmt = (extra: Record<string, WireValue>) => ({
    Effect: "Allow",
    Action: ["sagemaker:DescribeModelPackage", "sagemaker:ListModelPackages"],
    Resource: "arn:aws:sagemaker:us-east-1:123456789012:model-package-group/fraud",
    ...extra,
});
const groupPolicy = (name: string, resourcePolicy: WireValue) =>
    resource(type, name, { modelPackageGroupName: "fraud", resourcePolicy });
const doc = (Statement: WireValue) => ({ Version: "2012-10-17", Statement });

let pack: PackSession;
beforeAll(async () => {
    pack = await openPack();
});
afterAll(async () => {
    await pack?.close();
});

describe(id, () => {
    it("flags a wildcard principal and passes named or org-constrained principals", async () => {
        const r = await evaluate(pack, id, [
            groupPolicy("public", JSON.stringify(doc([stmt({ Principal: "*" })]))),
            groupPolicy("public-object", doc(stmt({ Principal: { AWS: "*" } }))),
            groupPolicy("named", doc([stmt({ Principal: { AWS: "arn:aws:iam::210987654321:root" } })])),
            groupPolicy(
                "org-scoped",
                doc([stmt({ Principal: "*", Condition: { StringEquals: { "aws:PrincipalOrgID": "o-abc123" } } })]),
            ),
        ]);
        expect(r.violating).toEqual(["public", "public-object"]);
        expect(r.clean).toEqual(["named", "org-scoped"]);
        expect(r.messages("public")[0]).toMatch(
            /^ModelPackageGroupPolicy 'public': resourcePolicy\.Statement is an Allow to every principal .*; expected named principals, .*\. Fix: /,
        );
    });

    it("passes a missing policy and leaves an unknown one to pulumi up", async () => {
        const r = await evaluate(pack, id, [
            resource(type, "missing", { modelPackageGroupName: "fraud" }),
            groupPolicy("computed", unknown),
            groupPolicy("computed-principal", doc([stmt({ Principal: { AWS: unknown } })])),
        ]);
        expect(r.clean).toEqual(["missing"]);
        expect(r.undecided).toEqual(["computed", "computed-principal"]);
    });

    it("judges a secret policy without printing it, and survives odd documents", async () => {
        const r = await evaluate(pack, id, [
            groupPolicy("secret-public", secret(JSON.stringify(doc([stmt({ Sid: "hidden-sid-1", Principal: "*" })])))),
            groupPolicy("not-json", "{oops"),
            groupPolicy("number", 42),
            groupPolicy("statement-string", doc("Allow everything")),
        ]);
        expect(r.violating).toEqual(["secret-public"]);
        expect(r.messages("secret-public").join("")).not.toContain("hidden-sid-1");
        expect(r.clean).toEqual(["not-json", "number", "statement-string"]);
    });
});
