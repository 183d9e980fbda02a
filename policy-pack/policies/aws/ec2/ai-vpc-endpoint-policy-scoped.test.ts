import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PackSession } from "../../../../harness/engine";
import type { WireObject, WireValue } from "../../../../harness/model";
import { evaluate, openPack, resource, secret, unknown } from "../../../../tests/support/pack";

const id = "ai-vpc-endpoint-policy-scoped";
const ep = "aws:ec2/vpcEndpoint:VpcEndpoint";
const doc = (...Statement: object[]) => JSON.stringify({ Version: "2012-10-17", Statement });
const full = { Effect: "Allow", Principal: "*", Action: "*", Resource: "*" };
const orgOnly = { ...full, Condition: { StringEquals: { "aws:PrincipalOrgID": "o-abc" } } };
const invokeOnly = {
    Effect: "Allow",
    Principal: "*",
    Action: ["bedrock:InvokeModel"],
    Resource: "arn:aws:bedrock:*::foundation-model/x",
};
const endpoint = (name: string, service: unknown, policy?: unknown) => {
    const inputs: WireObject = { vpcId: "vpc-1", serviceName: service as WireValue, vpcEndpointType: "Interface" };
    if (policy !== undefined) {
        inputs.policy = policy as WireValue;
    }
    return resource(ep, name, inputs);
};
const rt = "com.amazonaws.us-east-1.bedrock-runtime";

let pack: PackSession;
beforeAll(async () => {
    pack = await openPack();
});
afterAll(async () => {
    await pack?.close();
});

describe(id, () => {
    it("flags AI endpoints with no policy or a full-access public policy", async () => {
        const r = await evaluate(pack, id, [
            endpoint("none", rt),
            endpoint("full", "com.amazonaws.eu-west-1.sagemaker.runtime", doc(full)),
            endpoint("service-wide", "aws.sagemaker.us-east-1.notebook", doc({ ...full, Action: "sagemaker:*" })),
            endpoint("org", rt, doc(orgOnly)),
            endpoint("invoke", "com.amazonaws.us-east-1.bedrock-agent-runtime", doc(invokeOnly)),
            endpoint("s3", "com.amazonaws.us-east-1.s3"),
        ]);
        expect(r.violating).toEqual(["full", "none", "service-wide"]);
        expect(r.clean).toEqual(["invoke", "org", "s3"]);
        expect(r.messages("none")[0]).toMatch(
            /^VpcEndpoint 'none': policy is not set \(AWS attaches a full-access policy: every action to Principal "\*"\); expected .*Fix: /,
        );
        expect(r.diagnostics.every((d) => d.enforcementLevel === "advisory" && d.severity === "medium")).toBe(true);
    });

    it("does not accept a VPC endpoint condition as an account scope", async () => {
        const r = await evaluate(pack, id, [
            endpoint("vpce", rt, doc({ ...full, Condition: { StringEquals: { "aws:SourceVpce": "vpce-1" } } })),
        ]);
        expect(r.violating).toEqual(["vpce"]);
    });

    it("leaves unknown policies and service names to pulumi up", async () => {
        const r = await evaluate(pack, id, [
            endpoint("policy", rt, unknown),
            endpoint("service", unknown, doc(full)),
            endpoint("service-ok", unknown, doc(orgOnly)),
        ]);
        expect(r.undecided).toEqual(["policy", "service"]);
        expect(r.clean).toEqual(["service-ok"]);
    });

    it("judges secrets without printing them and survives odd input", async () => {
        const r = await evaluate(pack, id, [
            endpoint("secret", rt, secret(doc({ ...full, Sid: "s3cr3t" }))),
            endpoint("bad", rt, "{x"),
            endpoint("num", 5, doc(full)),
            endpoint("odd", rt, { Statement: [{ Effect: "Allow", Principal: ["*"], Action: 3 }] }),
        ]);
        expect(r.violating).toEqual(["secret"]);
        expect(r.clean).toEqual(["bad", "num", "odd"]);
        expect(r.diagnostics.map((d) => d.message).join("\n")).not.toContain("s3cr3t");
    });
});
