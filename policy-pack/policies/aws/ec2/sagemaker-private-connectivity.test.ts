import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PackSession } from "../../../../harness/engine";
import { evaluate, openPack, resource, secret, unknown } from "../../../../tests/support/pack";

const id = "sagemaker-private-connectivity";
const ep = "aws:ec2/vpcEndpoint:VpcEndpoint";
const endpoint = (name: string, service: unknown, extra: Record<string, unknown> = {}) =>
    resource(ep, name, {
        vpcId: "vpc-1",
        serviceName: service as never,
        vpcEndpointType: "Interface",
        privateDnsEnabled: true,
        ...extra,
    } as never);
const nb = resource("aws:sagemaker/notebookInstance:NotebookInstance", "nb", { instanceType: "ml.t3.medium" });
const model = resource("aws:sagemaker/model:Model", "model", { executionRoleArn: "arn" });
const api = endpoint("api", "com.amazonaws.us-east-1.sagemaker.api");
const runtime = endpoint("runtime", "com.amazonaws.us-east-1.sagemaker.runtime");

let pack: PackSession;
beforeAll(async () => {
    pack = await openPack();
});
afterAll(async () => {
    await pack?.close();
});

describe(id, () => {
    it("requires api and runtime endpoints, plus notebook for notebook instances", async () => {
        const r = await evaluate(pack, id, [nb, model, api]);
        expect(r.violating).toEqual(["nb"]);
        expect(r.messages("nb").map((m) => m.replace(/;.*/, ""))).toEqual([
            "NotebookInstance 'nb': private connectivity is missing: the stack uses SageMaker but declares no Interface VPC endpoint for sagemaker.runtime, notebook",
        ]);
        expect(r.diagnostics.every((d) => d.enforcementLevel === "advisory" && d.severity === "medium")).toBe(true);
        const ok = await evaluate(pack, id, [
            nb,
            model,
            api,
            runtime,
            endpoint("notebook", "aws.sagemaker.us-east-1.notebook"),
        ]);
        expect(ok.violating).toEqual([]);
        const modelOnly = await evaluate(pack, id, [model, api, runtime]);
        expect(modelOnly.violating).toEqual([]);
    });

    it("flags a Gateway or DNS-less endpoint and leaves unknown values to pulumi up", async () => {
        const r = await evaluate(pack, id, [
            model,
            endpoint("api", "com.amazonaws.us-east-1.sagemaker.api", { privateDnsEnabled: false }),
            endpoint("runtime", "com.amazonaws.us-east-1.sagemaker.runtime", { vpcEndpointType: unknown }),
        ]);
        expect(r.violating).toEqual(["api"]);
        expect(r.undecided).toEqual(["runtime"]);
    });

    it("ignores stacks without SageMaker, and survives secrets and odd input", async () => {
        const none = await evaluate(pack, id, [api]);
        expect(none.violating).toEqual([]);
        const r = await evaluate(
            pack,
            id,
            [model, endpoint("s", secret("com.amazonaws.us-east-1.sagemaker.api")), endpoint("o", null), runtime],
            {},
        );
        expect(r.violating).toEqual([]);
        expect(r.clean).toEqual(["model", "o", "runtime", "s"]);
    });
});
