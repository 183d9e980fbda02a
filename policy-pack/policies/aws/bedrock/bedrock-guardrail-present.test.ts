import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PackSession } from "../../../../harness/engine";
import { evaluate, openPack, resource, secret, unknown } from "../../../../tests/support/pack";

const id = "bedrock-guardrail-present";
const agentType = "aws:bedrock/agentAgent:AgentAgent";
const runtimeType = "aws:bedrock/agentcoreAgentRuntime:AgentcoreAgentRuntime";
const guardrailType = "aws:bedrock/guardrail:Guardrail";
const agentInputs = {
    agentName: "support",
    agentResourceRoleArn: "arn:aws:iam::123456789012:role/agent",
    foundationModel: "anthropic.claude-3-haiku-20240307-v1:0",
};
const guardrail = (name: string) =>
    resource(guardrailType, name, { name: unknown, blockedInputMessaging: "No.", blockedOutputsMessaging: "No." });

let pack: PackSession;
beforeAll(async () => {
    pack = await openPack();
});
afterAll(async () => {
    await pack?.close();
});

describe(id, () => {
    it("flags a stack with Bedrock consumers and no guardrail, once, on the first consumer", async () => {
        const r = await evaluate(pack, id, [
            resource(agentType, "agent", agentInputs),
            resource(runtimeType, "runtime", { agentRuntimeName: "rt", roleArn: unknown }),
            resource("aws:s3/bucket:Bucket", "docs"),
        ]);
        expect(r.violating).toEqual(["agent"]);
        expect(r.clean).toEqual(["docs", "runtime"]);
        expect(r.undecided).toEqual([]);
        expect(r.messages("agent")).toEqual([
            expect.stringMatching(
                /^AgentAgent 'agent': the stack's Bedrock guardrails is none \(2 Bedrock resources use models and no aws\.bedrock\.Guardrail is declared\); expected at least one aws\.bedrock\.Guardrail\. Fix: Declare an aws\.bedrock\.Guardrail/,
            ),
        ]);
        expect(r.diagnostics.every((d) => d.enforcementLevel === "advisory" && d.severity === "medium")).toBe(true);
    });

    it("passes a stack that declares a guardrail, even one with unknown or secret inputs", async () => {
        const r = await evaluate(pack, id, [
            resource(agentType, "agent", { ...agentInputs, instruction: secret("s3cr3t instructions") }),
            guardrail("guard"),
        ]);
        expect(r.violating).toEqual([]);
        expect(r.clean).toEqual(["agent", "guard"]);
    });

    it("ignores stacks without Bedrock consumers and consumers tagged as business systems", async () => {
        const noConsumers = await evaluate(pack, id, [
            resource("aws:bedrock/agentcoreMemory:AgentcoreMemory", "memory", { eventExpiryDuration: 30 }),
            resource("aws:s3/bucket:Bucket", "docs"),
        ]);
        expect(noConsumers.violating).toEqual([]);
        const business = await evaluate(pack, id, [
            resource(agentType, "agent", { ...agentInputs, tags: { "aiguard:system": "business" } }),
        ]);
        expect(business.violating).toEqual([]);
    });

    it("skips the check when guardrails are owned by another stack", async () => {
        const r = await evaluate(pack, id, [resource(agentType, "agent", agentInputs)], {
            properties: { guardrailOwnedElsewhere: true },
        });
        expect(r.violating).toEqual([]);
        expect(r.clean).toEqual(["agent"]);
    });

    it("does not throw on odd inputs", async () => {
        const r = await evaluate(pack, id, [
            resource(agentType, "agent", { agentName: null, tags: "ai", guardrailConfigurations: 5 }),
            resource(runtimeType, "runtime", { networkConfiguration: unknown }),
        ]);
        expect(r.violating).toEqual(["agent"]);
    });
});
