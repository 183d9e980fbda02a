import type * as aws from "@pulumi/aws";
import type * as app from "@pulumi/azure-native/app";
import type * as web from "@pulumi/azure-native/web";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PackSession } from "../../../harness/engine";
import type { WireObject } from "../../../harness/model";
import { evaluate, openPack, resource, secret, unknown } from "../../../tests/support/pack";
import policy from "./ai-config-no-plaintext-secrets";

// Token-shaped test values, built so that no scanner mistakes this file for one holding real keys.
const hf = `hf_${"aB3dE5gH7jK9mN1pQ3sT5vX7zA9cE1gI3k"}`;
const openai = `sk-proj-${"Zx8Yw7Vu6Ts5Rq4Po3Nm2Lk1Jh0GfEdCbA"}`;
const awsKeyId = `AKIA${"Q2W3E4R5T6Y7U8I9"}`;
const azureKey = "0f9e8d7c6b5a49382716a5b4c3d2e1f0";
const highEntropy = "Zq7!xP2#mV9@kL4$wR8^tN3&yB6*";

const endpoint = resource("aws:sagemaker/endpoint:Endpoint", "fraud", { endpointConfigName: "cfg" });
const lambda = (name: string, variables: Record<string, unknown>) =>
    resource(
        "aws:lambda/function:Function",
        name,
        {
            role: "arn:aws:iam::123456789012:role/fn",
            runtime: "python3.12",
            handler: "app.handler",
            environment: { variables: variables as Record<string, string> },
        } satisfies aws.lambda.FunctionArgs as WireObject,
        { propertyDependencies: { environment: ["fraud"] } },
    );

let pack: PackSession;
beforeAll(async () => {
    pack = await openPack();
});
afterAll(async () => {
    await pack?.close();
});

describe(policy.id, () => {
    it("flags known token formats in a front-door Lambda and names the variable, never the value", async () => {
        const r = await evaluate(pack, policy.id, [
            endpoint,
            lambda("hf", { ENDPOINT_NAME: "fraud", HF_TOKEN: hf }),
            lambda("openai", { OPENAI_API_KEY: openai, AWS_KEY: awsKeyId }),
            lambda("clean", {
                ENDPOINT_NAME: "fraud",
                OPENAI_API_KEY_ARN: "arn:aws:secretsmanager:us-east-1:123456789012:secret:openai-AbCdEf",
                LOG_LEVEL: "info",
            }),
            resource("aws:lambda/function:Function", "not-ai", {
                role: "arn:aws:iam::123456789012:role/fn",
                environment: { variables: { HF_TOKEN: hf } },
            }),
        ]);
        expect(r.violating).toEqual(["hf", "openai"]);
        expect(r.clean).toEqual(["clean", "fraud", "not-ai"]);
        expect(r.messages("hf")[0]).toMatch(
            /^Function 'hf': environment\.variables\.HF_TOKEN is a Hugging Face token \(hf_\) in plain text \(value not shown\); expected a reference to AWS Secrets Manager or SSM Parameter Store, read at run time\. Fix: Rotate the credential/,
        );
        expect(r.messages("openai")[0]).toContain("2 settings fail");
        const all = r.diagnostics.map((d) => d.message).join("\n");
        for (const value of [hf, openai, awsKeyId]) {
            expect(all).not.toContain(value);
        }
    });

    it("flags a Pulumi secret copied into a SageMaker model's container environment", async () => {
        const model = (name: string, environment: Record<string, unknown>) =>
            resource("aws:sagemaker/model:Model", name, {
                executionRoleArn: "arn:aws:iam::123456789012:role/model",
                primaryContainer: {
                    image: "123456789012.dkr.ecr.us-east-1.amazonaws.com/llm:1",
                    environment: environment as Record<string, string>,
                },
            } satisfies aws.sagemaker.ModelArgs as WireObject);
        const r = await evaluate(pack, policy.id, [
            model("secret-env", {
                HF_MODEL_ID: "meta-llama/Llama-3.1-8B",
                HUGGING_FACE_HUB_TOKEN: secret("my-private-hub-credential"),
            }),
            model("plain-env", { HF_MODEL_ID: "meta-llama/Llama-3.1-8B", SM_NUM_GPUS: "1" }),
            model("unknown-key", { HUGGING_FACE_HUB_TOKEN: unknown }),
            model("unknown-other", { HF_MODEL_ID: unknown }),
        ]);
        expect(r.violating).toEqual(["secret-env"]);
        expect(r.undecided).toEqual(["unknown-key"]);
        expect(r.clean).toEqual(["plain-env", "unknown-other"]);
        expect(r.messages("secret-env")[0]).toContain(
            "primaryContainer.environment.HUGGING_FACE_HUB_TOKEN is a Pulumi secret copied into plain configuration in plain text (value not shown)",
        );
        expect(r.messages("secret-env")[0]).not.toContain("my-private-hub-credential");
    });

    it("flags Azure keys in Function app settings and Container Apps env, and passes Key Vault references", async () => {
        const account = resource("azure-native:cognitiveservices:Account", "aoai", {
            resourceGroupName: "rg",
            kind: "OpenAI",
            sku: { name: "S0" },
        });
        const fn = (
            name: string,
            appSettings: web.WebAppArgs["siteConfig"] extends infer S
                ? S extends { appSettings?: infer A }
                    ? A
                    : never
                : never,
        ) =>
            resource(
                "azure-native:web:WebApp",
                name,
                {
                    resourceGroupName: "rg",
                    kind: "functionapp",
                    siteConfig: { appSettings },
                } satisfies web.WebAppArgs as unknown as WireObject,
                { propertyDependencies: { siteConfig: ["aoai"] } },
            );
        const r = await evaluate(pack, policy.id, [
            account,
            fn("fn-key", [
                { name: "AZURE_OPENAI_ENDPOINT", value: "https://aoai.openai.azure.com/" },
                { name: "AZURE_OPENAI_KEY", value: azureKey },
            ]),
            fn("fn-entropy", [{ name: "SEARCH_API_KEY", value: highEntropy }]),
            fn("fn-vault", [
                {
                    name: "AZURE_OPENAI_KEY",
                    value: "@Microsoft.KeyVault(SecretUri=https://kv.vault.azure.net/secrets/aoai/)",
                },
            ]),
            resource(
                "azure-native:app:ContainerApp",
                "chat",
                {
                    resourceGroupName: "rg",
                    template: {
                        containers: [
                            {
                                name: "chat",
                                image: "chat:1",
                                env: [
                                    { name: "OPENAI_API_KEY", value: openai },
                                    { name: "AOAI_KEY", secretRef: "aoai-key" },
                                ],
                            },
                        ],
                    },
                } satisfies app.ContainerAppArgs as unknown as WireObject,
                { propertyDependencies: { template: ["aoai"] } },
            ),
        ]);
        expect(r.violating).toEqual(["chat", "fn-entropy", "fn-key"]);
        expect(r.clean).toEqual(["aoai", "fn-vault"]);
        expect(r.messages("fn-key")[0]).toContain(
            "siteConfig.appSettings[1].value (AZURE_OPENAI_KEY) is an Azure key (32 hexadecimal characters) in plain text (value not shown); expected a Key Vault reference",
        );
        expect(r.messages("chat")[0]).toContain(
            "template.containers[0].env[0].value (OPENAI_API_KEY) is an OpenAI project key (sk-proj-)",
        );
        const all = r.diagnostics.map((d) => d.message).join("\n");
        for (const value of [azureKey, highEntropy, openai]) {
            expect(all).not.toContain(value);
        }
    });

    it("reads ECS container definitions and leaves definitions unknown during preview to pulumi up", async () => {
        const task = (name: string, containerDefinitions: string) =>
            resource(
                "aws:ecs/taskDefinition:TaskDefinition",
                name,
                { family: name, containerDefinitions } satisfies aws.ecs.TaskDefinitionArgs as WireObject,
                { propertyDependencies: { containerDefinitions: ["fraud"] } },
            );
        const defs = (environment: { name: string; value: string }[]) =>
            JSON.stringify([{ name: "api", image: "api:1", environment }]);
        const r = await evaluate(pack, policy.id, [
            endpoint,
            task(
                "leaky",
                defs([
                    { name: "ENDPOINT", value: "fraud" },
                    { name: "HF_TOKEN", value: hf },
                ]),
            ),
            task("clean", defs([{ name: "ENDPOINT", value: "fraud" }])),
            task("computed", unknown),
        ]);
        expect(r.violating).toEqual(["leaky"]);
        expect(r.undecided).toEqual(["computed"]);
        expect(r.messages("leaky")[0]).toContain(
            "containerDefinitions[0].environment[1].value (HF_TOKEN) is a Hugging Face token",
        );
    });
});
