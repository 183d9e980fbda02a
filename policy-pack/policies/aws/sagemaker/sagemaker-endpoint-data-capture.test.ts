import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PackSession } from "../../../../harness/engine";
import type { WireObject } from "../../../../harness/model";
import { evaluate, openPack, resource, secret, unknown } from "../../../../tests/support/pack";
import { parseMessage } from "../../../core/message";

const type = "aws:sagemaker/endpointConfiguration:EndpointConfiguration";
const id = "sagemaker-endpoint-data-capture";
const keyArn = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
const variants = [{ variantName: "main", modelName: "m", instanceType: "ml.m5.large", initialInstanceCount: 1 }];
const capture = {
    enableCapture: true,
    initialSamplingPercentage: 100,
    destinationS3Uri: "s3://capture-bucket/endpoint",
    kmsKeyId: keyArn,
    captureOptions: [{ captureMode: "Input" }, { captureMode: "Output" }],
};
const config = (name: string, dataCaptureConfig?: WireObject | string | null, extra: WireObject = {}) =>
    resource(type, name, {
        productionVariants: variants,
        ...(dataCaptureConfig !== undefined ? { dataCaptureConfig } : {}),
        ...extra,
    });

let pack: PackSession;
beforeAll(async () => {
    pack = await openPack();
});
afterAll(async () => {
    await pack?.close();
});

describe(id, () => {
    it("flags configurations that do not capture input and output at full rate with a KMS key", async () => {
        const r = await evaluate(pack, id, [
            config("pass-both", capture),
            config("pass-combined", { ...capture, captureOptions: [{ captureMode: "InputAndOutput" }] }),
            config("fail-disabled", { ...capture, enableCapture: false }),
            config("fail-input-only", { ...capture, captureOptions: [{ captureMode: "Input" }] }),
            config("fail-sampled", { ...capture, initialSamplingPercentage: 20 }),
            config("fail-no-key", { ...capture, kmsKeyId: "" }),
            config("fail-no-destination", { ...capture, destinationS3Uri: "  " }),
        ]);
        expect(r.violating).toEqual([
            "fail-disabled",
            "fail-input-only",
            "fail-no-destination",
            "fail-no-key",
            "fail-sampled",
        ]);
        expect(r.clean).toEqual(["pass-both", "pass-combined"]);
        expect(r.undecided).toEqual([]);
        expect(r.diagnostics.every((d) => d.enforcementLevel === "mandatory" && d.severity === "high")).toBe(true);
    });

    it("treats a missing dataCaptureConfig, enableCapture or kmsKeyId as capture off or unencrypted", async () => {
        const { enableCapture: _e, kmsKeyId: _k, ...rest } = capture;
        const r = await evaluate(pack, id, [config("no-config"), config("defaults", rest)]);
        expect(r.violating).toEqual(["defaults", "no-config"]);
        expect(r.messages("no-config")).toEqual([
            expect.stringMatching(
                /^EndpointConfiguration 'no-config': dataCaptureConfig is not set \(data capture off\); expected a data capture configuration with enableCapture true\. Fix: Add a dataCaptureConfig/,
            ),
        ]);
        expect(r.messages("defaults")).toHaveLength(1);
        expect(parseMessage(r.messages("defaults")[0] ?? "")?.findings).toEqual([
            { setting: "dataCaptureConfig.enableCapture", found: "not set (provider default false)", expected: "true" },
            {
                setting: "dataCaptureConfig.kmsKeyId",
                found: "not set (captured data gets the bucket's default encryption)",
                expected: "the ARN of a customer managed KMS key",
            },
        ]);
    });

    it("names each failing setting with what was found and expected", async () => {
        const r = await evaluate(pack, id, [
            config("bad", { ...capture, captureOptions: [{ captureMode: "Output" }], initialSamplingPercentage: 20 }),
        ]);
        expect(r.messages("bad")).toHaveLength(1);
        expect(parseMessage(r.messages("bad")[0] ?? "")?.findings).toEqual([
            {
                setting: "dataCaptureConfig.captureOptions[].captureMode",
                found: "Output only",
                expected: '"Input" and "Output", or "InputAndOutput"',
            },
            { setting: "dataCaptureConfig.initialSamplingPercentage", found: "20", expected: "at least 100" },
        ]);
    });

    it("takes the minimum sampling percentage from the policy config", async () => {
        const fixture = [
            config("at-25", { ...capture, initialSamplingPercentage: 25 }),
            config("at-10", { ...capture, initialSamplingPercentage: 10 }),
        ];
        const r = await evaluate(pack, id, fixture, { properties: { minimumSamplingPercentage: 25 } });
        expect(r.violating).toEqual(["at-10"]);
        expect(r.clean).toEqual(["at-25"]);
        expect(r.messages("at-10")[0]).toContain("expected at least 25");
    });

    it("skips configurations whose variants are all serverless", async () => {
        const serverless = [{ modelName: "m", serverlessConfig: { maxConcurrency: 5, memorySizeInMb: 2048 } }];
        const r = await evaluate(pack, id, [
            resource(type, "serverless", { productionVariants: serverless }),
            resource(type, "mixed", { productionVariants: [...serverless, ...variants] }),
        ]);
        expect(r.violating).toEqual(["mixed"]);
        expect(r.clean).toEqual(["serverless"]);
    });

    it("leaves unknown capture settings to pulumi up, and counts unknown destination and key as set", async () => {
        const r = await evaluate(pack, id, [
            config("computed-config", unknown),
            config("computed-enable", { ...capture, enableCapture: unknown }),
            config("computed-mode", {
                ...capture,
                captureOptions: [{ captureMode: "Input" }, { captureMode: unknown }],
            }),
            config("computed-options", { ...capture, captureOptions: unknown }),
            config("computed-percentage", { ...capture, initialSamplingPercentage: unknown }),
            config("computed-arns", { ...capture, destinationS3Uri: unknown, kmsKeyId: unknown }),
            config("computed-but-failing", { ...capture, enableCapture: unknown, kmsKeyId: null }),
        ]);
        expect(r.violating).toEqual(["computed-but-failing"]);
        expect(r.undecided).toEqual([
            "computed-config",
            "computed-enable",
            "computed-mode",
            "computed-options",
            "computed-percentage",
        ]);
        expect(r.clean).toEqual(["computed-arns"]);
        expect(r.diagnostics.filter((d) => d.undecided).every((d) => d.enforcementLevel === "advisory")).toBe(true);
    });

    it("decides on secret values without printing them", async () => {
        const r = await evaluate(pack, id, [
            config("secret-good", { ...capture, kmsKeyId: secret(keyArn), enableCapture: secret(true) }),
            config("secret-bad", {
                ...capture,
                kmsKeyId: secret(keyArn),
                captureOptions: [{ captureMode: secret("s3cr3t-mode") }],
            }),
        ]);
        expect(r.violating).toEqual(["secret-bad"]);
        expect(r.clean).toEqual(["secret-good"]);
        const text = r.messages("secret-bad").join("\n");
        expect(text).not.toContain("s3cr3t");
        expect(text).not.toContain(keyArn);
    });

    it("does not throw on values of the wrong type", async () => {
        const r = await evaluate(pack, id, [
            config("string-config", "on"),
            config("null-config", null),
            config("odd-fields", {
                enableCapture: "true",
                captureOptions: { captureMode: "Input" },
                initialSamplingPercentage: "100",
                destinationS3Uri: 7,
                kmsKeyId: [keyArn],
            }),
            config("null-options", { ...capture, captureOptions: [null, 3, { captureMode: null }] }),
            resource(type, "odd-variants", { productionVariants: "x", dataCaptureConfig: capture }),
        ]);
        expect(r.violating).toEqual(["null-config", "null-options", "odd-fields", "string-config"]);
        expect(r.clean).toEqual(["odd-variants"]);
    });
});
