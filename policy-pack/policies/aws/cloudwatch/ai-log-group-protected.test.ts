import type * as aws from "@pulumi/aws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PackSession } from "../../../../harness/engine";
import type { WireObject } from "../../../../harness/model";
import { evaluate, type FixtureResource, openPack, resource, unknown } from "../../../../tests/support/pack";
import { parseMessage } from "../../../core/message";

const id = "ai-log-group-protected";
const logGroup = "aws:cloudwatch/logGroup:LogGroup";
const keyArn = "arn:aws:kms:us-east-1:123456789012:key/abcd";

const group = (name: string, args: aws.cloudwatch.LogGroupArgs, options = {}) =>
    resource(logGroup, name, args as WireObject, options);

/** A Lambda function; with `endpoint` its environment names that SageMaker endpoint (a front door). */
function fn(name: string, args: WireObject, endpoint?: string): FixtureResource {
    return resource(
        "aws:lambda/function:Function",
        name,
        {
            role: "arn:aws:iam::123456789012:role/fn",
            runtime: "python3.12",
            handler: "app.handler",
            ...(endpoint ? { environment: { variables: { ENDPOINT_NAME: unknown } } } : {}),
            ...args,
        } satisfies WireObject,
        endpoint ? { propertyDependencies: { environment: [endpoint] } } : {},
    );
}

const endpoint = resource("aws:sagemaker/endpoint:Endpoint", "chat-endpoint", { endpointConfigName: unknown });

let pack: PackSession;
beforeAll(async () => {
    pack = await openPack();
});
afterAll(async () => {
    await pack?.close();
});

describe(id, () => {
    it("judges the log groups front doors write, found by name or through a reference", async () => {
        const r = await evaluate(pack, id, [
            endpoint,
            // Written by name: the function's own /aws/lambda/<name> group.
            fn("chat-fn", { name: "chat-fn" } satisfies Partial<aws.lambda.FunctionArgs>, "chat-endpoint"),
            group("chat-fn-logs", { name: "/aws/lambda/chat-fn", retentionInDays: 14 }),
            // Named from the function's name (pulumi.interpolate`/aws/lambda/${fn.name}`).
            fn("summary-fn", {}, "chat-endpoint"),
            group("summary-fn-logs", { name: unknown }, { propertyDependencies: { name: ["summary-fn"] } }),
            // Named in the function's loggingConfig.
            fn(
                "rag-fn",
                {
                    name: "rag-fn",
                    loggingConfig: { logFormat: "JSON", logGroup: "/ai/rag" },
                } satisfies Partial<aws.lambda.FunctionArgs>,
                "chat-endpoint",
            ),
            group("rag-logs", { name: "/ai/rag", kmsKeyId: keyArn, retentionInDays: 400 }),
            // An ECS task definition whose container sends its logs to the awslogs driver.
            resource(
                "aws:ecs/taskDefinition:TaskDefinition",
                "chat-task",
                {
                    family: "chat",
                    containerDefinitions: JSON.stringify([
                        {
                            name: "app",
                            image: "app:1",
                            environment: [{ name: "ENDPOINT_NAME", value: "chat-endpoint" }],
                            logConfiguration: { logDriver: "awslogs", options: { "awslogs-group": "/ecs/chat" } },
                        },
                    ]),
                } satisfies aws.ecs.TaskDefinitionArgs as WireObject,
                { propertyDependencies: { containerDefinitions: ["chat-endpoint"] } },
            ),
            group("chat-task-logs", { name: "/ecs/chat", kmsKeyId: keyArn, retentionInDays: 7 }),
            // A function that fronts nothing, and its log group: not AI, not judged.
            fn("billing-fn", { name: "billing-fn" } satisfies Partial<aws.lambda.FunctionArgs>),
            group("billing-fn-logs", { name: "/aws/lambda/billing-fn", retentionInDays: 1 }),
        ]);
        expect(r.violating).toEqual(["chat-fn-logs", "chat-task-logs", "summary-fn-logs"]);
        expect(r.clean).toContain("rag-logs");
        expect(r.clean).toContain("billing-fn-logs");
        expect(parseMessage(r.messages("chat-fn-logs")[0] ?? "")?.findings).toEqual([
            {
                setting: "kmsKeyId",
                found: "not set (encrypted with a CloudWatch Logs service key) (logs of front door aws:lambda/function:Function 'chat-fn')",
                expected: "the ARN of a customer managed KMS key",
            },
            {
                setting: "retentionInDays",
                found: "14 (logs of front door aws:lambda/function:Function 'chat-fn')",
                expected: "at least 365, or not set (logs never expire)",
            },
        ]);
        expect(parseMessage(r.messages("chat-task-logs")[0] ?? "")?.findings).toEqual([
            {
                setting: "retentionInDays",
                found: "7 (logs of front door aws:ecs/taskDefinition:TaskDefinition 'chat-task')",
                expected: "at least 365, or not set (logs never expire)",
            },
        ]);
        expect(r.diagnostics.every((d) => d.enforcementLevel === "advisory" && d.severity === "medium")).toBe(true);
    });

    it("leaves Bedrock invocation log groups to their own check, and honours the configured minimum", async () => {
        const r = await evaluate(
            pack,
            id,
            [
                group("invocations", { retentionInDays: 1, tags: { "aiguard:system": "ai" } }),
                resource(
                    "aws:bedrockmodel/invocationLoggingConfiguration:InvocationLoggingConfiguration",
                    "logging",
                    { loggingConfig: { cloudwatchConfig: { logGroupName: unknown, roleArn: unknown } } },
                    { propertyDependencies: { loggingConfig: ["invocations"] } },
                ),
                group("agent-logs", { kmsKeyId: keyArn, retentionInDays: 90, tags: { "aiguard:system": "ai" } }),
            ],
            { properties: { minRetentionDays: 90 } },
        );
        expect(r.violating).toEqual([]);
        expect(r.clean).toContain("agent-logs");
    });

    it("counts an unknown key as set and leaves unknown retention to pulumi up", async () => {
        const r = await evaluate(pack, id, [
            endpoint,
            fn("chat-fn", { name: "chat-fn" } satisfies Partial<aws.lambda.FunctionArgs>, "chat-endpoint"),
            group("chat-fn-logs", {
                name: "/aws/lambda/chat-fn",
                kmsKeyId: unknown,
                retentionInDays: unknown as never,
            }),
        ]);
        expect(r.undecided).toEqual(["chat-fn-logs"]);
        expect(r.violating).toEqual([]);
    });
});
