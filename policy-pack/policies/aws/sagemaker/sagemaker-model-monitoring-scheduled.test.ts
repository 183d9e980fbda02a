import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PackSession } from "../../../../harness/engine";
import type { WireObject } from "../../../../harness/model";
import { evaluate, openPack, resource, secret, unknown } from "../../../../tests/support/pack";

const id = "sagemaker-model-monitoring-scheduled";
const endpoint = "aws:sagemaker/endpoint:Endpoint";
const endpointConfig = "aws:sagemaker/endpointConfiguration:EndpointConfiguration";
const schedule = "aws:sagemaker/monitoringSchedule:MonitoringSchedule";
const jobDefinition = "aws:sagemaker/dataQualityJobDefinition:DataQualityJobDefinition";
const bucket = "aws:s3/bucket:Bucket";

const instanceVariant = { variantName: "v", modelName: "m", instanceType: "ml.m5.large", initialInstanceCount: 2 };
const serverlessVariant = {
    variantName: "s",
    modelName: "m",
    serverlessConfig: { maxConcurrency: 5, memorySizeInMb: 2048 },
};
const inlineConfig = (endpointName: WireObject[string]) => ({
    monitoringType: "DataQuality",
    scheduleConfig: { scheduleExpression: "cron(0 * ? * * *)" },
    monitoringJobDefinition: {
        roleArn: "arn:aws:iam::123456789012:role/monitor",
        monitoringInputs: { endpointInput: { endpointName, localPath: "/opt/ml/processing/input" } },
    },
});
const ep = (name: string, configName?: string) =>
    resource(
        endpoint,
        name,
        { endpointConfigName: unknown },
        configName ? { propertyDependencies: { endpointConfigName: [configName] } } : {},
    );
const scheduleFor = (name: string, target: string, config: WireObject = inlineConfig(unknown)) =>
    resource(
        schedule,
        name,
        { monitoringScheduleConfig: config },
        { propertyDependencies: { monitoringScheduleConfig: [target] } },
    );

let pack: PackSession;
beforeAll(async () => {
    pack = await openPack();
});
afterAll(async () => {
    await pack?.close();
});

describe(id, () => {
    it("flags endpoints that no monitoring schedule takes as input", async () => {
        const r = await evaluate(pack, id, [
            ep("ep-direct"),
            scheduleFor("sched-direct", "ep-direct"),
            ep("ep-via-definition"),
            resource(
                jobDefinition,
                "dq",
                { dataQualityJobInput: { endpointInput: { endpointName: unknown } } },
                { propertyDependencies: { dataQualityJobInput: ["ep-via-definition"] } },
            ),
            scheduleFor("sched-named", "dq", { monitoringType: "DataQuality", monitoringJobDefinitionName: unknown }),
            ep("ep-definition-without-schedule"),
            resource(
                jobDefinition,
                "dq-unscheduled",
                { dataQualityJobInput: { endpointInput: { endpointName: unknown } } },
                { propertyDependencies: { dataQualityJobInput: ["ep-definition-without-schedule"] } },
            ),
            ep("ep-literal-name"),
            resource(schedule, "sched-literal", { monitoringScheduleConfig: inlineConfig("ep-literal-name") }),
            ep("ep-none"),
            resource(bucket, "business-data", { tags: { "aiguard:system": "business" } }),
        ]);
        expect(r.violating).toEqual(["ep-definition-without-schedule", "ep-literal-name", "ep-none"]);
        expect(r.clean).toEqual([
            "business-data",
            "dq",
            "dq-unscheduled",
            "ep-direct",
            "ep-via-definition",
            "sched-direct",
            "sched-literal",
            "sched-named",
        ]);
        expect(r.undecided).toEqual([]);
        expect(r.diagnostics.every((d) => d.enforcementLevel === "advisory" && d.severity === "medium")).toBe(true);
        expect(r.messages("ep-none")).toEqual([
            expect.stringMatching(
                /^Endpoint 'ep-none': monitoring schedule is missing \(no MonitoringSchedule in the stack takes this endpoint as input\); expected .+\. Fix: Add an aws\.sagemaker\.MonitoringSchedule/,
            ),
        ]);
    });

    it("skips endpoints whose configuration has only serverless variants", async () => {
        const r = await evaluate(pack, id, [
            resource(endpointConfig, "cfg-serverless", { productionVariants: [serverlessVariant] }),
            ep("ep-serverless", "cfg-serverless"),
            resource(endpointConfig, "cfg-mixed", { productionVariants: [serverlessVariant, instanceVariant] }),
            ep("ep-mixed", "cfg-mixed"),
            resource(endpointConfig, "cfg-instance", { productionVariants: [instanceVariant] }),
            ep("ep-instance", "cfg-instance"),
        ]);
        expect(r.violating).toEqual(["ep-instance", "ep-mixed"]);
        expect(r.clean).toEqual(["cfg-instance", "cfg-mixed", "cfg-serverless", "ep-serverless"]);
    });

    it("decides during preview when names and configurations are unknown", async () => {
        const r = await evaluate(pack, id, [
            resource(endpointConfig, "cfg-unknown", { productionVariants: unknown }),
            ep("ep-unknown-config", "cfg-unknown"),
            resource(endpointConfig, "cfg-unknown-variant", {
                productionVariants: [{ ...instanceVariant, serverlessConfig: unknown }],
            }),
            ep("ep-unknown-variant", "cfg-unknown-variant"),
            ep("ep-watched"),
            scheduleFor("sched-unknown", "ep-watched", unknown as unknown as WireObject),
        ]);
        expect(r.violating).toEqual(["ep-unknown-config", "ep-unknown-variant"]);
        expect(r.undecided).toEqual([]);
        expect(r.clean).toContain("ep-watched");
    });

    it("judges secret values without printing them", async () => {
        const r = await evaluate(pack, id, [
            resource(endpoint, "ep-secret", { endpointConfigName: secret("s3cr3t-config-name") }),
            resource(endpoint, "ep-secret-watched", { endpointConfigName: secret("s3cr3t-other") }),
            scheduleFor("sched", "ep-secret-watched", inlineConfig(secret("s3cr3t-endpoint"))),
        ]);
        expect(r.violating).toEqual(["ep-secret"]);
        expect(r.diagnostics.map((d) => d.message).join("\n")).not.toContain("s3cr3t");
    });

    it("does not throw on odd inputs", async () => {
        const r = await evaluate(pack, id, [
            resource(endpointConfig, "cfg-string", { productionVariants: "x" }),
            ep("ep-string-config", "cfg-string"),
            resource(endpointConfig, "cfg-null", { productionVariants: [null, 3] }),
            ep("ep-null-config", "cfg-null"),
            resource(endpoint, "ep-null", { endpointConfigName: null }),
            resource(schedule, "sched-odd", { monitoringScheduleConfig: [1, "x"] }),
        ]);
        expect(r.violating).toEqual(["ep-null", "ep-null-config", "ep-string-config"]);
        expect(r.clean).toEqual(["cfg-null", "cfg-string", "sched-odd"]);
    });
});
