import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PackSession } from "../../../../harness/engine";
import { evaluate, openPack, resource, secret, unknown } from "../../../../tests/support/pack";

const id = "bedrock-invocation-logging-enabled";
const logging = "aws:bedrockmodel/invocationLoggingConfiguration:InvocationLoggingConfiguration";
const agent = (name: string) =>
    resource("aws:bedrock/agentAgent:AgentAgent", name, {
        agentName: name,
        agentResourceRoleArn: "arn:aws:iam::1:role/r",
        foundationModel: "m",
    });
const kb = (name: string) =>
    resource("aws:bedrock/agentKnowledgeBase:AgentKnowledgeBase", name, { name, roleArn: "arn" });
const s3 = { bucketName: "logs", keyPrefix: "bedrock" };
const cw = { logGroupName: "bedrock", roleArn: "arn:aws:iam::1:role/logs" };

let pack: PackSession;
beforeAll(async () => {
    pack = await openPack();
});
afterAll(async () => {
    await pack?.close();
});

describe(id, () => {
    it("flags a Bedrock stack without invocation logging on its first Bedrock resource", async () => {
        const r = await evaluate(pack, id, [agent("agent"), kb("kb")]);
        expect(r.violating).toEqual(["agent"]);
        expect(r.clean).toEqual(["kb"]);
        expect(r.messages("agent")[0]).toMatch(
            /^AgentAgent 'agent': model invocation logging is missing: the stack uses Bedrock \(2 Bedrock resources\) but declares no InvocationLoggingConfiguration; expected .*Fix: /,
        );
        expect(r.diagnostics.every((d) => d.enforcementLevel === "mandatory" && d.severity === "high")).toBe(true);
    });

    it("judges the configuration: text delivery and a destination", async () => {
        const r = await evaluate(pack, id, [
            agent("agent"),
            resource(logging, "good-s3", { loggingConfig: { s3Config: s3 } }),
            resource(logging, "good-cw", { loggingConfig: { cloudwatchConfig: cw, textDataDeliveryEnabled: true } }),
            resource(logging, "no-text", { loggingConfig: { s3Config: s3, textDataDeliveryEnabled: false } }),
            resource(logging, "no-sink", { loggingConfig: { textDataDeliveryEnabled: true } }),
            resource(logging, "no-config", {}),
        ]);
        expect(r.violating).toEqual(["no-config", "no-sink", "no-text"]);
        expect(r.clean).toEqual(["agent", "good-cw", "good-s3"]);
        expect(r.messages("no-text")[0]).toContain("loggingConfig.textDataDeliveryEnabled is false");
    });

    it("passes with managedElsewhere, and stacks without Bedrock resources", async () => {
        const elsewhere = await evaluate(pack, id, [agent("agent")], { properties: { managedElsewhere: true } });
        expect(elsewhere.violating).toEqual([]);
        const none = await evaluate(pack, id, [resource("aws:s3/bucket:Bucket", "b")]);
        expect(none.violating).toEqual([]);
        expect(none.clean).toEqual(["b"]);
    });

    it("leaves unknown settings to pulumi up", async () => {
        const r = await evaluate(pack, id, [
            agent("agent"),
            resource(logging, "all", { loggingConfig: unknown }),
            resource(logging, "text", { loggingConfig: { s3Config: s3, textDataDeliveryEnabled: unknown } }),
            resource(logging, "sink", { loggingConfig: { s3Config: unknown } }),
        ]);
        expect(r.violating).toEqual([]);
        expect(r.undecided).toEqual(["all", "sink", "text"]);
    });

    it("judges secrets without printing them and survives odd input", async () => {
        const r = await evaluate(pack, id, [
            agent("agent"),
            resource(logging, "secret", { loggingConfig: { s3Config: { bucketName: secret("s3cr3t-bucket") } } }),
            resource(logging, "odd", { loggingConfig: "yes" }),
            resource(logging, "odd-sink", { loggingConfig: { s3Config: [1], textDataDeliveryEnabled: "no" } }),
        ]);
        expect(r.violating).toEqual(["odd", "odd-sink"]);
        expect(r.clean).toEqual(["agent", "secret"]);
        expect(r.diagnostics.map((d) => d.message).join("\n")).not.toContain("s3cr3t");
    });
});
