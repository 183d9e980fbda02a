import type * as aws from "@pulumi/aws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PackSession } from "../../../../harness/engine";
import type { WireObject } from "../../../../harness/model";
import { evaluate, openPack, resource, secret, unknown } from "../../../../tests/support/pack";

const id = "ai-lambda-url-auth";
const fn = "aws:lambda/function:Function";
const functionUrl = "aws:lambda/functionUrl:FunctionUrl";

/** A SageMaker endpoint and a Lambda function whose environment names it: the front door. */
const frontDoor = (p: string) => [
    resource("aws:sagemaker/endpoint:Endpoint", `${p}-endpoint`, { endpointConfigName: unknown }),
    resource(
        fn,
        `${p}-fn`,
        {
            role: "arn:aws:iam::123456789012:role/fn",
            runtime: "python3.12",
            handler: "app.handler",
            environment: { variables: { ENDPOINT_NAME: unknown } },
        } satisfies aws.lambda.FunctionArgs as WireObject,
        { propertyDependencies: { environment: [`${p}-endpoint`] } },
    ),
];
/** Function URL inputs typed by the SDK; the function name is another resource's output. */
const urlArgs = (authorizationType: string, allowOrigins?: string[]): WireObject =>
    ({
        functionName: unknown,
        authorizationType,
        ...(allowOrigins ? { cors: { allowOrigins } } : {}),
    }) satisfies aws.lambda.FunctionUrlArgs as WireObject;
const url = (name: string, fnName: string, inputs: WireObject) =>
    resource(functionUrl, name, inputs, { propertyDependencies: { functionName: [fnName] } });

let pack: PackSession;
beforeAll(async () => {
    pack = await openPack();
});
afterAll(async () => {
    await pack?.close();
});

describe(id, () => {
    it("flags public and wildcard-CORS URLs of model front doors and passes IAM-authorized ones", async () => {
        const r = await evaluate(pack, id, [
            ...frontDoor("a"),
            url("public", "a-fn", urlArgs("NONE")),
            url("iam", "a-fn", urlArgs("AWS_IAM", ["https://app.example.com"])),
            url("iam-any-origin", "a-fn", urlArgs("AWS_IAM", ["*"])),
        ]);
        expect(r.violating).toEqual(["iam-any-origin", "public"]);
        expect(r.clean).toEqual(["a-endpoint", "a-fn", "iam"]);
        expect(r.messages("public")).toEqual([
            expect.stringMatching(
                /^FunctionUrl 'public': authorizationType is "NONE"; expected "AWS_IAM"\. Fix: Set authorizationType to "AWS_IAM"/,
            ),
        ]);
        expect(r.messages("iam-any-origin")[0]).toContain('cors.allowOrigins[0] is "*"; expected named origins only.');
        expect(r.diagnostics.every((d) => d.enforcementLevel === "mandatory" && d.severity === "high")).toBe(true);
    });

    it("ignores URLs of functions that front no model", async () => {
        const r = await evaluate(pack, id, [
            ...frontDoor("a"),
            resource(fn, "plain-fn", {
                runtime: "nodejs20.x",
                handler: "index.handler",
                role: "arn:aws:iam::1:role/x",
            }),
            url("plain", "plain-fn", urlArgs("NONE")),
        ]);
        expect(r.violating).toEqual([]);
    });

    it("leaves unknown values to pulumi up, judges secrets without printing them and survives odd input", async () => {
        const r = await evaluate(pack, id, [
            ...frontDoor("a"),
            url("unknown-auth", "a-fn", urlArgs(unknown)),
            url("secret", "a-fn", { functionName: unknown, authorizationType: secret("NONE") }),
            url("odd", "a-fn", { functionName: unknown, authorizationType: "AWS_IAM", cors: { allowOrigins: "*" } }),
            url("odd2", "a-fn", { functionName: unknown, authorizationType: 3, cors: null }),
        ]);
        expect(r.undecided).toEqual(["unknown-auth"]);
        expect(r.violating).toEqual(["odd2", "secret"]);
        expect(r.messages("secret")[0]).toContain("authorizationType is a secret value (not shown)");
        expect(r.clean).toContain("odd");
    });
});
