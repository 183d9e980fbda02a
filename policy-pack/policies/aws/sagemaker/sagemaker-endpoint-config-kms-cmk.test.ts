import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PackSession } from "../../../../harness/engine";
import type { WireObject, WireValue } from "../../../../harness/model";
import { evaluate, openPack, resource, secret, unknown } from "../../../../tests/support/pack";
import { describeSettingsPolicy } from "../../../../tests/support/settings";
import policy from "./sagemaker-endpoint-config-kms-cmk";

describeSettingsPolicy(policy);

const type = "aws:sagemaker/endpointConfiguration:EndpointConfiguration";
const id = policy.id;
const keyArn = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
const variant = (instanceType: unknown) => ({
    variantName: "v",
    modelName: "m",
    instanceType: instanceType as WireValue,
    initialInstanceCount: 2,
});
const config = (name: string, instanceType: unknown, extra: WireObject = {}) =>
    resource(type, name, { productionVariants: [variant(instanceType)] as WireObject[], ...extra });

describe(`${id} on instance types with local storage`, () => {
    let pack: PackSession;
    beforeAll(async () => {
        pack = await openPack();
    });
    afterAll(async () => {
        await pack?.close();
    });

    it("does not require kmsKeyArn when a variant has local NVMe storage, but still requires payload keys", async () => {
        const r = await evaluate(pack, id, [
            config("nvme-clean", "ml.g5.2xlarge"),
            config("nvme-upper", "ML.P4D.24xlarge"),
            resource(type, "shadow-nvme", {
                productionVariants: [variant("ml.m5.large")],
                shadowProductionVariants: [variant("ml.g4dn.xlarge")],
            }),
            config("nvme-capture-no-key", "ml.g5.2xlarge", { dataCaptureConfig: { enableCapture: true } }),
            config("nvme-async-key", "ml.g5.2xlarge", {
                asyncInferenceConfig: { outputConfig: { s3OutputPath: "s3://x", kmsKeyId: secret(keyArn) } },
            }),
            config("ebs-no-key", "ml.m5.large"),
            config("unknown-type-no-key", unknown),
            config("number-type", 5),
        ]);
        expect(r.violating).toEqual(["ebs-no-key", "number-type", "nvme-capture-no-key", "unknown-type-no-key"]);
        expect(r.clean).toEqual(["nvme-async-key", "nvme-clean", "nvme-upper", "shadow-nvme"]);
        expect(r.undecided).toEqual([]);
        expect(r.messages("nvme-capture-no-key")).toEqual([
            expect.stringMatching(/dataCaptureConfig\.kmsKeyId is not set \(provider default SSE-S3/),
        ]);
    });

    it("takes the local-storage families from the policy config", async () => {
        const r = await evaluate(pack, id, [config("m5", "ml.m5.large"), config("g5", "ml.g5.2xlarge")], {
            properties: { localStorageInstanceFamilies: ["ml.m5"] },
        });
        expect(r.violating).toEqual(["g5"]);
        expect(r.clean).toEqual(["m5"]);
    });

    it("does not break on odd variant lists", async () => {
        const r = await evaluate(pack, id, [
            resource(type, "string-variants", { productionVariants: "x", kmsKeyArn: keyArn }),
            resource(type, "null-variants", { productionVariants: [null, 3], kmsKeyArn: keyArn }),
            resource(type, "unknown-variants", { productionVariants: unknown }),
        ]);
        expect(r.clean).toEqual(["null-variants", "string-variants"]);
        expect(r.violating).toEqual(["unknown-variants"]);
    });
});
