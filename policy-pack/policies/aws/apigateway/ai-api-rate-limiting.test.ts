import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PackSession } from "../../../../harness/engine";
import type { WireValue } from "../../../../harness/model";
import { evaluate, openPack, resource, secret, unknown } from "../../../../tests/support/pack";

const id = "ai-api-rate-limiting";
const restApi = "aws:apigateway/restApi:RestApi";
const restStage = "aws:apigateway/stage:Stage";
const integration = "aws:apigateway/integration:Integration";
const usagePlan = "aws:apigateway/usagePlan:UsagePlan";
const methodSettings = "aws:apigateway/methodSettings:MethodSettings";
const httpApi = "aws:apigatewayv2/api:Api";
const httpStage = "aws:apigatewayv2/stage:Stage";
const httpIntegration = "aws:apigatewayv2/integration:Integration";
const bedrockUri =
    "arn:aws:apigateway:us-east-1:bedrock-runtime:path/model/anthropic.claude-3-haiku-20240307-v1:0/invoke";

/** A REST API with a Bedrock integration and a stage; returns the fixture resources. */
const modelRestApi = (p: string, uri: WireValue = bedrockUri) => [
    resource(restApi, `${p}-api`, { name: p }),
    resource(
        integration,
        `${p}-int`,
        { restApi: unknown, resourceId: unknown, httpMethod: "POST", type: "AWS", uri },
        { propertyDependencies: { restApi: [`${p}-api`] } },
    ),
    resource(
        restStage,
        `${p}-stage`,
        { restApi: unknown, deployment: unknown, stageName: "prod" },
        { propertyDependencies: { restApi: [`${p}-api`] } },
    ),
];
const plan = (name: string, stage: string, throttleSettings?: WireValue) =>
    resource(
        usagePlan,
        name,
        {
            apiStages: [{ apiId: unknown, stage: unknown }],
            ...(throttleSettings === undefined ? {} : { throttleSettings }),
        },
        { propertyDependencies: { apiStages: [stage] } },
    );
const methods = (name: string, stage: string, settings: WireValue) =>
    resource(
        methodSettings,
        name,
        { restApi: unknown, stageName: unknown, methodPath: "*/*", settings },
        { propertyDependencies: { stageName: [stage] } },
    );
const modelHttpStage = (p: string, defaultRouteSettings?: WireValue) => [
    resource(httpApi, `${p}-api`, { protocolType: "HTTP", tags: { "aiguard:system": "ai" } }),
    resource(
        httpStage,
        `${p}-stage`,
        { apiId: unknown, name: "$default", ...(defaultRouteSettings === undefined ? {} : { defaultRouteSettings }) },
        { propertyDependencies: { apiId: [`${p}-api`] } },
    ),
];

let pack: PackSession;
beforeAll(async () => {
    pack = await openPack();
});
afterAll(async () => {
    await pack?.close();
});

describe(id, () => {
    it("flags model-fronting REST stages without throttling and passes throttled plans or method settings", async () => {
        const r = await evaluate(pack, id, [
            ...modelRestApi("bare"),
            ...modelRestApi("noplanlimits"),
            plan("noplanlimits-plan", "noplanlimits-stage", { rateLimit: 0, burstLimit: 10 }),
            ...modelRestApi("planned"),
            plan("planned-plan", "planned-stage", { rateLimit: 20, burstLimit: 40 }),
            ...modelRestApi("methods"),
            methods("methods-ms", "methods-stage", { throttlingRateLimit: 10, throttlingBurstLimit: 20 }),
            ...modelRestApi("unthrottled-methods"),
            methods("unthrottled-methods-ms", "unthrottled-methods-stage", {
                loggingLevel: "ERROR",
                throttlingRateLimit: -1,
            }),
        ]);
        expect(r.violating).toEqual(["bare-stage", "noplanlimits-stage", "unthrottled-methods-stage"]);
        expect(r.undecided).toEqual([]);
        expect(r.clean).toContain("planned-stage");
        expect(r.clean).toContain("methods-stage");
        expect(r.diagnostics.every((d) => d.enforcementLevel === "advisory" && d.severity === "medium")).toBe(true);
    });

    it("flags model-fronting HTTP stages without default route throttling", async () => {
        const r = await evaluate(pack, id, [
            ...modelHttpStage("bare"),
            ...modelHttpStage("rate-only", { throttlingRateLimit: 50 }),
            ...modelHttpStage("good", { throttlingRateLimit: 50, throttlingBurstLimit: 100 }),
        ]);
        expect(r.violating).toEqual(["bare-stage", "rate-only-stage"]);
        expect(r.clean).toEqual(["bare-api", "good-api", "good-stage", "rate-only-api"]);
    });

    it("names the stage, what was found, what is expected and the fix", async () => {
        const r = await evaluate(pack, id, [...modelRestApi("bare"), ...modelHttpStage("http")]);
        expect(r.messages("bare-stage")).toEqual([
            expect.stringMatching(
                /^Stage 'bare-stage': rate limiting is not configured: no usage plan or method settings reference this model-fronting stage; expected a UsagePlan .*\. Fix: REST APIs: add an aws\.apigateway\.UsagePlan/,
            ),
        ]);
        expect(r.messages("http-stage")[0]).toContain(
            "defaultRouteSettings.throttlingRateLimit and throttlingBurstLimit is not set (no stage throttling); expected both above 0.",
        );
    });

    it("finds model-fronting APIs through AI integrations, tags and SageMaker runtime URIs, and ignores other APIs", async () => {
        const r = await evaluate(pack, id, [
            resource("aws:sagemaker/endpoint:Endpoint", "endpoint", { endpointConfigName: unknown }),
            ...modelRestApi("via-endpoint", unknown).map((x) =>
                x.name === "via-endpoint-int"
                    ? { ...x, options: { propertyDependencies: { restApi: ["via-endpoint-api"], uri: ["endpoint"] } } }
                    : x,
            ),
            ...modelRestApi(
                "sagemaker",
                "arn:aws:apigateway:us-east-1:runtime.sagemaker:path//endpoints/m/invocations",
            ),
            ...modelRestApi("lambda", "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/f/invocations"),
            resource(restStage, "tagged", { stageName: "v1", tags: { "aiguard:system": "ai" } }),
            resource(httpApi, "plain-http", { protocolType: "HTTP" }),
            resource(
                httpStage,
                "plain-http-stage",
                { apiId: unknown },
                { propertyDependencies: { apiId: ["plain-http"] } },
            ),
            resource(
                httpIntegration,
                "http-int",
                { apiId: unknown, integrationType: "AWS_PROXY", integrationUri: unknown },
                {
                    propertyDependencies: { apiId: ["plain-http"] },
                },
            ),
        ]);
        expect(r.violating).toEqual(["sagemaker-stage", "tagged", "via-endpoint-stage"]);
        expect(r.undecided).toEqual([]);
        expect(r.clean).toContain("lambda-stage");
        expect(r.clean).toContain("plain-http-stage");
    });

    it("leaves unknown limits to pulumi up and fails provider-computed settings the program never set", async () => {
        const r = await evaluate(pack, id, [
            ...modelRestApi("plan-unknown"),
            plan("plan-unknown-plan", "plan-unknown-stage", { rateLimit: unknown, burstLimit: 10 }),
            ...modelRestApi("settings-unknown"),
            plan("settings-unknown-plan", "settings-unknown-stage", unknown),
            ...modelHttpStage("http-unknown", unknown),
            resource(httpApi, "computed-api", { tags: { "aiguard:system": "ai" } }),
            resource(
                httpStage,
                "computed-stage",
                { apiId: unknown },
                {
                    propertyDependencies: { apiId: ["computed-api"] },
                    outputs: { apiId: unknown, defaultRouteSettings: unknown },
                },
            ),
        ]);
        expect(r.undecided).toEqual(["http-unknown-stage", "plan-unknown-stage", "settings-unknown-stage"]);
        expect(r.violating).toEqual(["computed-stage"]);
        expect(r.diagnostics.filter((d) => d.undecided).every((d) => d.enforcementLevel === "advisory")).toBe(true);
    });

    it("judges secret limits and URIs without printing them", async () => {
        const r = await evaluate(pack, id, [
            ...modelRestApi("secret-uri", secret(bedrockUri)),
            plan("secret-plan", "secret-uri-stage", secret({ rateLimit: 5, burstLimit: 5 })),
            ...modelRestApi("secret-bad", secret(bedrockUri)),
        ]);
        expect(r.clean).toContain("secret-uri-stage");
        expect(r.violating).toEqual(["secret-bad-stage"]);
        expect(r.diagnostics.map((d) => d.message).join("\n")).not.toContain("bedrock-runtime");
    });

    it("does not throw on odd inputs", async () => {
        const r = await evaluate(pack, id, [
            ...modelRestApi("odd", 42),
            ...modelRestApi("odd2"),
            plan("odd-plan", "odd2-stage", "fast"),
            methods("odd-ms", "odd2-stage", null),
            ...modelHttpStage("odd-http", { throttlingRateLimit: "100", throttlingBurstLimit: null }),
        ]);
        expect(r.violating).toEqual(["odd-http-stage", "odd2-stage"]);
    });
});
