import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PackSession } from "../../../../harness/engine";
import { evaluate, openPack, resource, secret, unknown } from "../../../../tests/support/pack";

const id = "cloudtrail-bedrock-events";
const trailType = "aws:cloudtrail/trail:Trail";
const agent = resource("aws:bedrock/agentAgent:AgentAgent", "agent", { agentName: "a", foundationModel: "m" });
const trail = (name: string, selectors: unknown) =>
    resource(trailType, name, { s3BucketName: "trail-logs", advancedEventSelectors: selectors as never });
const selector = (field: string, values: Record<string, unknown>) => [
    {
        name: "bedrock",
        fieldSelectors: [
            { field: "eventCategory", equals: ["Data"] },
            { field, ...values },
        ],
    },
];

let pack: PackSession;
beforeAll(async () => {
    pack = await openPack();
});
afterAll(async () => {
    await pack?.close();
});

describe(id, () => {
    it("flags a Bedrock stack without a trail, and a trail without Bedrock data events", async () => {
        const none = await evaluate(pack, id, [agent]);
        expect(none.violating).toEqual(["agent"]);
        expect(none.messages("agent")[0]).toMatch(/^AgentAgent 'agent': CloudTrail data events is missing: .*Fix: /);
        const s3 = await evaluate(pack, id, [
            agent,
            trail("trail", selector("resources.type", { equals: ["AWS::S3::Object"] })),
        ]);
        expect(s3.violating).toEqual(["trail"]);
        expect(s3.clean).toEqual(["agent"]);
        expect(s3.diagnostics.every((d) => d.enforcementLevel === "advisory" && d.severity === "medium")).toBe(true);
    });

    it("passes equals and startsWith selectors for Bedrock types", async () => {
        const eq = await evaluate(pack, id, [
            agent,
            trail("t", selector("resources.type", { equals: ["AWS::Bedrock::AgentAlias"] })),
        ]);
        expect(eq.violating).toEqual([]);
        const sw = await evaluate(pack, id, [
            agent,
            trail("t", selector("resources.type", { startsWiths: ["AWS::Bedrock"] })),
        ]);
        expect(sw.violating).toEqual([]);
        const other = await evaluate(pack, id, [
            agent,
            trail("t", selector("eventName", { equals: ["AWS::Bedrock::AgentAlias"] })),
        ]);
        expect(other.violating).toEqual(["t"]);
    });

    it("honours managedElsewhere and ignores stacks without Bedrock agents", async () => {
        const elsewhere = await evaluate(pack, id, [agent], { properties: { managedElsewhere: true } });
        expect(elsewhere.violating).toEqual([]);
        const none = await evaluate(pack, id, [trail("t", [])]);
        expect(none.violating).toEqual([]);
    });

    it("leaves unknown selectors to pulumi up", async () => {
        const r = await evaluate(pack, id, [agent, trail("t", selector("resources.type", { equals: unknown }))]);
        expect(r.undecided).toEqual(["t"]);
        const all = await evaluate(pack, id, [agent, trail("t", unknown)]);
        expect(all.undecided).toEqual(["t"]);
    });

    it("reads secrets and survives odd input", async () => {
        const r = await evaluate(pack, id, [
            agent,
            trail("t", selector("resources.type", { equals: [secret("AWS::Bedrock::KnowledgeBase")] })),
        ]);
        expect(r.violating).toEqual([]);
        const odd = await evaluate(pack, id, [
            agent,
            trail("t", [null, { fieldSelectors: "x" }, { fieldSelectors: [{ field: 3 }] }]),
        ]);
        expect(odd.violating).toEqual(["t"]);
    });
});
