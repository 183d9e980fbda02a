import type * as aws from "@pulumi/aws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PackSession } from "../../../../harness/engine";
import type { WireObject } from "../../../../harness/model";
import { evaluate, openPack, resource } from "../../../../tests/support/pack";
import { describeSettingsPolicy } from "../../../../tests/support/settings";
import policy from "./sagemaker-model-private-registry";

describeSettingsPolicy(policy);

describe(`${policy.id} AWS-published images`, () => {
    let pack: PackSession;
    beforeAll(async () => {
        pack = await openPack();
    });
    afterAll(async () => {
        await pack?.close();
    });

    const model = (image: string, containers: string[] = []): WireObject =>
        ({
            executionRoleArn: "arn:aws:iam::123456789012:role/model",
            primaryContainer: { image },
            ...(containers.length > 0 ? { containers: containers.map((i) => ({ image: i })) } : {}),
        }) satisfies aws.sagemaker.ModelArgs as WireObject;
    const dlc = "763104351884.dkr.ecr.eu-central-1.amazonaws.com/pytorch-inference:2.3.0-gpu-py311";

    it("does not judge models that run only AWS Deep Learning Container images", async () => {
        const r = await evaluate(pack, policy.id, [
            resource("aws:sagemaker/model:Model", "dlc", model(dlc)),
            resource(
                "aws:sagemaker/model:Model",
                "own-image",
                model("123456789012.dkr.ecr.eu-central-1.amazonaws.com/fraud:1"),
            ),
            resource(
                "aws:sagemaker/model:Model",
                "mixed",
                model(dlc, ["123456789012.dkr.ecr.eu-central-1.amazonaws.com/pre:1"]),
            ),
        ]);
        expect(r.violating).toEqual(["mixed", "own-image"]);
        expect(r.clean).toEqual(["dlc"]);
    });
});
