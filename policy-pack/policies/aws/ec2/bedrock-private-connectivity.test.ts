import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PackSession } from "../../../../harness/engine";
import { evaluate, openPack, resource, secret, unknown } from "../../../../tests/support/pack";

const id = "bedrock-private-connectivity";
const ep = "aws:ec2/vpcEndpoint:VpcEndpoint";
const endpoint = (name: string, service: unknown, extra: Record<string, unknown> = {}) =>
    resource(ep, name, {
        vpcId: "vpc-1",
        serviceName: service as never,
        vpcEndpointType: "Interface",
        privateDnsEnabled: true,
        ...extra,
    } as never);
const model = resource("aws:bedrock/customModel:CustomModel", "custom", {
    baseModelIdentifier: "m",
    customModelName: "c",
});
const agent = resource("aws:bedrock/agentAgent:AgentAgent", "agent", { agentName: "a", foundationModel: "m" });

let pack: PackSession;
beforeAll(async () => {
    pack = await openPack();
});
afterAll(async () => {
    await pack?.close();
});

describe(id, () => {
    it("flags a missing bedrock-runtime endpoint on the first Bedrock resource", async () => {
        const r = await evaluate(pack, id, [
            model,
            endpoint("s3", "com.amazonaws.us-east-1.s3", { vpcEndpointType: "Gateway" }),
        ]);
        expect(r.violating).toEqual(["custom"]);
        expect(r.messages("custom")[0]).toMatch(
            /^CustomModel 'custom': private connectivity is missing: the stack uses Bedrock but declares no Interface VPC endpoint for bedrock-runtime; expected .*Fix: /,
        );
        expect(r.diagnostics.every((d) => d.enforcementLevel === "advisory" && d.severity === "medium")).toBe(true);
    });

    it("passes compliant endpoints in any region, and requires agent-runtime for agents", async () => {
        const ok = await evaluate(pack, id, [model, endpoint("rt", "com.amazonaws.eu-west-1.bedrock-runtime")]);
        expect(ok.violating).toEqual([]);
        const agents = await evaluate(pack, id, [agent, endpoint("rt", "com.amazonaws.eu-west-1.bedrock-runtime")]);
        expect(agents.violating).toEqual(["agent"]);
        expect(agents.messages("agent")[0]).toContain("for bedrock-agent-runtime");
        const both = await evaluate(pack, id, [
            agent,
            endpoint("rt", "com.amazonaws.eu-west-1.bedrock-runtime"),
            endpoint("art", "com.amazonaws.eu-west-1.bedrock-agent-runtime"),
        ]);
        expect(both.violating).toEqual([]);
    });

    it("flags misconfigured endpoints: provider defaults Gateway and no private DNS", async () => {
        const r = await evaluate(pack, id, [
            model,
            resource(ep, "defaults", { vpcId: "vpc-1", serviceName: "com.amazonaws.us-east-1.bedrock-runtime" }),
            endpoint("no-dns", "com.amazonaws.us-east-1.bedrock-runtime", { privateDnsEnabled: false }),
        ]);
        expect(r.violating).toEqual(["defaults", "no-dns"]);
        // One endpoint, one finding that lists both settings.
        expect(r.messages("defaults")).toEqual([
            expect.stringMatching(
                /vpcEndpointType is not set \(provider default "Gateway"\).*\n.*privateDnsEnabled is not set \(provider default false\)/,
            ),
        ]);
    });

    it("honours requiredServices and leaves unknown values to pulumi up", async () => {
        const cfg = await evaluate(pack, id, [model, endpoint("rt", "com.amazonaws.us-east-1.bedrock-runtime")], {
            properties: { requiredServices: ["bedrock-runtime", "bedrock"] },
        });
        expect(cfg.violating).toEqual(["custom"]);
        const u = await evaluate(pack, id, [model, endpoint("computed", unknown)]);
        expect(u.undecided).toEqual(["computed"]);
        const dns = await evaluate(pack, id, [
            model,
            endpoint("dns", "com.amazonaws.us-east-1.bedrock-runtime", { privateDnsEnabled: unknown }),
        ]);
        expect(dns.undecided).toEqual(["dns"]);
        expect(dns.violating).toEqual([]);
    });

    it("does nothing without Bedrock resources, and survives secrets and odd input", async () => {
        const none = await evaluate(pack, id, [endpoint("rt", "x")]);
        expect(none.violating).toEqual([]);
        const r = await evaluate(pack, id, [
            model,
            endpoint("secret", secret("com.amazonaws.us-east-1.bedrock-runtime"), { privateDnsEnabled: secret(true) }),
            endpoint("odd", 42, { vpcEndpointType: 5 }),
        ]);
        expect(r.violating).toEqual([]);
        expect(r.clean).toEqual(["custom", "odd", "secret"]);
    });
});
