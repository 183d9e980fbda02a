// The Bedrock components and the approved model access path: with defaults they pass the whole pack
// with nothing left to pulumi up; the segmentation policies accept the approved shape and flag every
// weakening of it; bad arguments fail at construction naming the argument and the allowed values.
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApprovedModelAccessArgs, validateApprovedModelAccessArgs } from "../components/aws/approved-model-access";
import { type BedrockAgentArgs, validateBedrockAgentArgs } from "../components/aws/bedrock-agent";
import { BedrockGuardrail } from "../components/aws/bedrock-guardrail";
import { BedrockInvocationLogging } from "../components/aws/bedrock-invocation-logging";
import { validateBedrockKnowledgeBaseArgs } from "../components/aws/bedrock-knowledge-base";
import { PrivateAiNetwork } from "../components/aws/private-ai-network";
import { ArgumentError } from "../components/shared/validation";
import { captureProgram } from "../harness/capture/capture";
import { type Diagnostic, PackSession } from "../harness/engine";
import type { ResourceSnapshot } from "../harness/model";
import { accessShape, notebook, type ShapeOptions } from "./support/approved-access-fixtures";
import { evaluate, openPack, packDir } from "./support/pack";

async function previewWithResources(
    dir: string,
): Promise<{ diagnostics: Diagnostic[]; resources: ResourceSnapshot[] }> {
    // A shared machine can take more than the CLI's default 120 s to type-check and run a program.
    const captured = await captureProgram(dir, { stack: "dev", timeoutMs: 280_000 });
    const session = await PackSession.open({ packDir, project: captured.program.project, stack: "dev", dryRun: true });
    try {
        const result = await session.run({ resources: captured.resources, dryRun: true, config: captured.config });
        return { diagnostics: [...result.diagnostics], resources: [...captured.resources] };
    } finally {
        await session.close();
    }
}

async function preview(dir: string): Promise<Diagnostic[]> {
    return (await previewWithResources(dir)).diagnostics;
}

/** A policy document input as the program set it: a JSON string or an object. */
const documentOf = (r: ResourceSnapshot | undefined, prop: string): unknown => {
    const v = r?.inputs[prop];
    return typeof v === "string" ? JSON.parse(v) : v;
};

const describeFinding = (d: Diagnostic) => `${d.policy} on ${d.name}${d.undecided ? " (undecided)" : ""}`;
const programs = path.join(__dirname, "fixtures", "programs");

describe("BedrockAgent, BedrockKnowledgeBase and ApprovedModelAccess with defaults", () => {
    let diagnostics: Diagnostic[];
    let resources: ResourceSnapshot[];
    beforeAll(async () => {
        ({ diagnostics, resources } = await previewWithResources(path.join(programs, "aws-bedrock-components")));
    }, 300_000);
    const named = (type: string, name: string) => resources.find((r) => r.type === type && r.name === name);

    it("have no violation and nothing left undecided under the full pack", () => {
        expect(diagnostics.map(describeFinding)).toEqual([]);
    });

    it("give the agent a role only Bedrock may assume, for this account's agents, bounded to its model", () => {
        const trust = documentOf(named("aws:iam/role:Role", "travel-assistant-agent"), "assumeRolePolicy");
        expect(trust).toMatchObject({
            Statement: [
                {
                    Principal: { Service: "bedrock.amazonaws.com" },
                    Condition: {
                        StringEquals: { "aws:SourceAccount": "123456789012" },
                        ArnLike: { "aws:SourceArn": "arn:aws:bedrock:eu-central-1:123456789012:agent/*" },
                    },
                },
            ],
        });
        const grant = JSON.stringify(
            documentOf(named("aws:iam/rolePolicy:RolePolicy", "travel-assistant-agent"), "policy"),
        );
        expect(grant).toContain(
            '"Resource":"arn:aws:bedrock:eu-central-1::foundation-model/anthropic.claude-3-5-haiku-20241022-v1:0"',
        );
        expect(named("aws:iam/role:Role", "travel-assistant-agent")?.propertyDependencies.permissionsBoundary).toEqual([
            named("aws:iam/policy:Policy", "travel-assistant-boundary")?.urn,
        ]);
    });

    it("let only the caller's role invoke only the model through the endpoint, and only with the guardrail", () => {
        const endpoint = named("aws:ec2/vpcEndpoint:VpcEndpoint", "orders-summaries");
        expect(endpoint?.inputs).toMatchObject({
            serviceName: "com.amazonaws.eu-central-1.bedrock-runtime",
            vpcEndpointType: "Interface",
        });
        expect(documentOf(endpoint, "policy")).toEqual({
            Version: "2012-10-17",
            Statement: [
                {
                    Sid: "OnlyTheCallerInvokesOnlyTheModel",
                    Effect: "Allow",
                    Principal: { AWS: "arn:aws:iam::123456789012:role/orders-service" },
                    Action: ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"],
                    Resource: "arn:aws:bedrock:eu-central-1::foundation-model/anthropic.claude-3-5-haiku-20241022-v1:0",
                },
            ],
        });
        const grant = named("aws:iam/rolePolicy:RolePolicy", "orders-summaries-grant");
        expect(grant?.inputs.role).toBe("orders-service");
        const condition = JSON.stringify(documentOf(grant, "policy"));
        expect(condition).toContain('"aws:SourceVpce"');
        expect(condition).toContain('"bedrock:GuardrailIdentifier"');
        expect(grant?.propertyDependencies.policy).toEqual(
            expect.arrayContaining([endpoint?.urn, named("aws:bedrock/guardrail:Guardrail", "assistant")?.urn]),
        );
        const rule = named("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "orders-summaries-from-caller");
        expect(rule?.inputs).toMatchObject({ ipProtocol: "tcp", fromPort: 443, toPort: 443 });
    });
});

describe("ApprovedModelAccess with a weakening added beside it, through the full pack", () => {
    let diagnostics: Diagnostic[];
    beforeAll(async () => {
        diagnostics = await preview(path.join(programs, "aws-approved-access-weakened"));
    }, 300_000);

    it("flags exactly the weakened paths, and leaves the SageMaker one to pulumi up", () => {
        // The SageMaker endpoint's ARN, and so the endpoint policy naming it, is known only at pulumi up.
        expect(diagnostics.map(describeFinding).sort()).toEqual([
            "ai-sg-no-public-ingress on extra-port-from-caller",
            "ai-sg-no-public-ingress on extra-port-ssh",
            "ai-sg-no-public-ingress on fraud-scoring-from-caller (undecided)",
            "ai-sg-no-public-ingress on unconditioned-grant-from-caller",
            "ai-vpc-endpoint-policy-scoped on fraud-scoring (undecided)",
        ]);
    });

    it("says which part of the shape is missing", () => {
        const message = (name: string) => diagnostics.find((d) => d.name === name)?.message ?? "";
        expect(message("extra-port-ssh")).toContain(
            "(not an approved model access path: rule 'extra-port-ssh' admits more than TCP 443 from security groups)",
        );
        expect(message("unconditioned-grant-from-caller")).toContain(
            "RolePolicy 'direct-grant' grants arn:aws:bedrock:eu-central-1::foundation-model/amazon.nova-micro-v1:0 without an aws:SourceVpce condition",
        );
        expect(message("fraud-scoring-from-caller")).toContain(
            "policy of 'fraud-scoring', which decides whether this is an approved model access path,",
        );
    });
});

describe("the approved model access shape, policy by policy", () => {
    let pack: PackSession;
    beforeAll(async () => {
        pack = await openPack();
    });
    afterAll(async () => {
        await pack?.close();
    });

    const ingress = (o: ShapeOptions) => evaluate(pack, "ai-sg-no-public-ingress", accessShape(o));

    it("accepts the business caller on the approved shape", async () => {
        const r = await ingress({});
        expect(r.violating).toEqual([]);
        expect(r.undecided).toEqual([]);
    });

    it.each([
        [
            "an endpoint policy for any principal",
            { endpointPolicy: "any-principal" },
            ["from-caller"],
            'allows a principal of "*"',
        ],
        [
            "an endpoint policy on any resource",
            { endpointPolicy: "any-resource" },
            ["from-caller"],
            'allows a Resource with "*"',
        ],
        [
            "a second port from the caller",
            { extraIngress: { fromPort: 22, toPort: 22 } },
            ["extra-from-caller", "from-caller"],
            "rule 'extra-from-caller' admits more than TCP 443",
        ],
        [
            "a port range around 443",
            { extraIngress: { fromPort: 0, toPort: 65535 } },
            ["extra-from-caller", "from-caller"],
            "admits more than TCP 443",
        ],
        [
            "a grant without the VPC endpoint condition",
            { grant: "unconditioned" },
            ["from-caller"],
            "RolePolicy 'grant' grants",
        ],
        [
            "the access group also on a SageMaker model",
            { alsoOnModel: true },
            ["from-caller"],
            "is attached to Model 'model', not only to VPC endpoints",
        ],
    ] as const)("flags %s", async (_, options, violating, reason) => {
        const r = await ingress(options as ShapeOptions);
        expect(r.violating).toEqual(violating);
        expect(r.messages("from-caller")[0]).toContain(`(not an approved model access path: `);
        expect(r.messages("from-caller")[0]).toContain(reason);
    });

    it("lets a caller's grant of other actions on the model hold outside the endpoint", async () => {
        const r = await ingress({ grant: "unconditioned-describe" });
        expect(r.violating).toEqual([]);
    });

    it("leaves an endpoint policy unknown during preview to pulumi up, never a violation", async () => {
        const r = await ingress({ endpointPolicy: "unknown" });
        expect(r.violating).toEqual([]);
        expect(r.undecided).toEqual(["from-caller"]);
    });

    it("accepts the caller's egress to the access group on 443 only", async () => {
        const narrow = await evaluate(
            pack,
            "ai-sg-no-business-sg-reference",
            accessShape({ callerEgress: { fromPort: 443, toPort: 443 } }),
        );
        expect(narrow.violating).toEqual([]);
        const wide = await evaluate(
            pack,
            "ai-sg-no-business-sg-reference",
            accessShape({ callerEgress: { fromPort: 0, toPort: 65535 } }),
        );
        expect(wide.violating).toEqual(["caller-to-access"]);
        expect(wide.messages("caller-to-access")[0]).toContain("rule 'caller-to-access' admits more than TCP 443");
    });

    it("ends business paths at an approved access group, and not at a weakened one", async () => {
        const id = "business-reaches-ai-management-plane";
        const approved = await evaluate(pack, id, [...accessShape({}), notebook]);
        expect(approved.violating).toEqual([]);
        const open = await evaluate(pack, id, [...accessShape({ endpointPolicy: "any-principal" }), notebook]);
        expect(open.violating).toEqual(["research"]);
    });

    it("does not read an endpoint policy that names the caller as a path from the AI system to it", async () => {
        const r = await evaluate(pack, "ai-to-business-path", accessShape({}));
        expect(r.violating).toEqual([]);
    });
});

const agentArgs: BedrockAgentArgs = {
    foundationModel: "anthropic.claude-3-5-haiku-20241022-v1:0",
    instruction: "Answer questions about travel policies from the company's documents.",
    guardrail: { guardrailId: "abc123", version: "1" },
};
const function1 = { name: "get-status", parameters: [{ name: "orderId", type: "string" as const }] };
const group = {
    name: "orders",
    lambdaArn: "arn:aws:lambda:eu-central-1:123456789012:function:orders",
    functions: [function1],
};
const guardrail = Object.create(BedrockGuardrail.prototype) as BedrockGuardrail;
const invocationLogging = Object.create(BedrockInvocationLogging.prototype) as BedrockInvocationLogging;
const accessArgs = (o: Partial<ApprovedModelAccessArgs>): ApprovedModelAccessArgs => ({
    network: Object.create(PrivateAiNetwork.prototype) as PrivateAiNetwork,
    target: {
        bedrockModelId: "amazon.nova-pro-v1:0",
        invocationLogging,
        guardrail,
    },
    callerRoleArn: "arn:aws:iam::123456789012:role/orders-service",
    callerSecurityGroupId: "sg-0123456789abcdef0",
    ...o,
});

describe("Bedrock component arguments", () => {
    it.each([
        [
            "BedrockAgent",
            () =>
                validateBedrockAgentArgs({
                    ...agentArgs,
                    foundationModel: "arn:aws:bedrock:eu-central-1::foundation-model/x",
                }),
            /argument 'foundationModel' is 'arn:.*'; allowed: a foundation model id/,
        ],
        [
            "BedrockAgent",
            () =>
                validateBedrockAgentArgs({
                    ...agentArgs,
                    foundationModel: "eu.anthropic.claude-3-5-haiku-20241022-v1:0",
                }),
            /argument 'foundationModel' is 'eu\.anthropic.*not an ARN or a cross-region inference profile/,
        ],
        [
            "BedrockAgent",
            () => validateBedrockAgentArgs({ ...agentArgs, instruction: "Be helpful." }),
            /argument 'instruction' has 11 characters; allowed: 40 to 20000/,
        ],
        [
            "BedrockAgent",
            () => validateBedrockAgentArgs({ ...agentArgs, guardrail: { guardrailId: "abc123", version: "DRAFT" } }),
            /argument 'guardrail\.version' is 'DRAFT'; allowed: a published version number/,
        ],
        [
            "BedrockAgent",
            () => validateBedrockAgentArgs({ ...agentArgs, guardrail: undefined as never }),
            /argument 'guardrail' is not set; allowed: a BedrockGuardrail or \{ guardrailId, version \}/,
        ],
        [
            "BedrockAgent",
            () => validateBedrockAgentArgs({ ...agentArgs, agentName: "travel assistant" }),
            /argument 'agentName' is 'travel assistant'; allowed: 1 to 100 letters/,
        ],
        [
            "BedrockAgent",
            () => validateBedrockAgentArgs({ ...agentArgs, idleSessionTtlInSeconds: 7200 }),
            /argument 'idleSessionTtlInSeconds' is 7200; allowed: a number from 60 to 3600/,
        ],
        [
            "BedrockAgent",
            () => validateBedrockAgentArgs({ ...agentArgs, kmsKeyArn: "alias/agent" }),
            /argument 'kmsKeyArn' is 'alias\/agent'; allowed: a KMS key ARN/,
        ],
        [
            "BedrockAgent",
            () => validateBedrockAgentArgs({ ...agentArgs, actionGroups: [{ ...group, name: "order status" }] }),
            /argument 'actionGroups\[0\]\.name' is 'order status'/,
        ],
        [
            "BedrockAgent",
            () => validateBedrockAgentArgs({ ...agentArgs, actionGroups: [{ ...group, lambdaArn: "orders" }] }),
            /argument 'actionGroups\[0\]\.lambdaArn' is 'orders'; allowed: a Lambda function ARN/,
        ],
        [
            "BedrockAgent",
            () => validateBedrockAgentArgs({ ...agentArgs, actionGroups: [{ ...group, functions: [] }] }),
            /argument 'actionGroups\[0\]\.functions' is empty; allowed: at least one function/,
        ],
        [
            "BedrockAgent",
            () =>
                validateBedrockAgentArgs({
                    ...agentArgs,
                    actionGroups: [{ ...group, functions: [{ name: "get status" }] }],
                }),
            /argument 'actionGroups\[0\]\.functions\[0\]\.name' is 'get status'/,
        ],
        [
            "BedrockAgent",
            () =>
                validateBedrockAgentArgs({
                    ...agentArgs,
                    actionGroups: [
                        { ...group, functions: [{ name: "f", parameters: [{ name: "order id", type: "string" }] }] },
                    ],
                }),
            /argument 'actionGroups\[0\]\.functions\[0\]\.parameters\[0\]\.name' is 'order id'/,
        ],
        [
            "BedrockAgent",
            () =>
                validateBedrockAgentArgs({
                    ...agentArgs,
                    actionGroups: [
                        {
                            ...group,
                            functions: [{ name: "f", parameters: [{ name: "id", type: "object" as "string" }] }],
                        },
                    ],
                }),
            /argument 'actionGroups\[0\]\.functions\[0\]\.parameters\[0\]\.type' is 'object'; allowed: 'string', 'number'/,
        ],
        [
            "BedrockAgent",
            () => validateBedrockAgentArgs({ ...agentArgs, actionGroups: [group, group] }),
            /argument 'actionGroups' names an action group twice/,
        ],
        [
            "BedrockAgent",
            () =>
                validateBedrockAgentArgs({
                    ...agentArgs,
                    knowledgeBases: [{ knowledgeBase: undefined as never, description: "" }],
                }),
            /argument 'knowledgeBases\[0\]\.description' has 0 characters; allowed: 1 to 200/,
        ],
        [
            "BedrockKnowledgeBase",
            () => validateBedrockKnowledgeBaseArgs({ documentsPrefix: "*" }),
            /argument 'documentsPrefix' is '\*'; allowed: a non-empty key prefix without wildcards/,
        ],
        [
            "BedrockKnowledgeBase",
            () => validateBedrockKnowledgeBaseArgs({ embeddingModel: "titan" }),
            /argument 'embeddingModel' is 'titan'; allowed: a foundation model id/,
        ],
        [
            "BedrockKnowledgeBase",
            () => validateBedrockKnowledgeBaseArgs({ dimensions: 768 as 1024 }),
            /argument 'dimensions' is '768'; allowed: '256', '512', '1024'/,
        ],
        [
            "BedrockKnowledgeBase",
            () => validateBedrockKnowledgeBaseArgs({ vectorBucketName: "Policies_Vectors" }),
            /argument 'vectorBucketName' is 'Policies_Vectors'; allowed: 3 to 63 lowercase letters/,
        ],
        [
            "BedrockKnowledgeBase",
            () => validateBedrockKnowledgeBaseArgs({}, "Policies  KB"),
            /argument 'vectorBucketName' is 'policies--kb-vectors' \(from the component name\)/,
        ],
        [
            "BedrockKnowledgeBase",
            () => validateBedrockKnowledgeBaseArgs({ kmsKeyArn: "key" }),
            /argument 'kmsKeyArn' is 'key'; allowed: a KMS key ARN/,
        ],
        [
            "ApprovedModelAccess",
            () => validateApprovedModelAccessArgs(accessArgs({ network: {} as never })),
            /argument 'network' is not a PrivateAiNetwork/,
        ],
        [
            "ApprovedModelAccess",
            () => validateApprovedModelAccessArgs(accessArgs({ target: {} as never })),
            /argument 'target' names no model; allowed: exactly one of sagemakerEndpoint, bedrockModelId, bedrockAgent/,
        ],
        [
            "ApprovedModelAccess",
            () =>
                validateApprovedModelAccessArgs(
                    accessArgs({ target: { bedrockModelId: "m.x", bedrockAgent: {} } as never }),
                ),
            /argument 'target' names bedrockModelId and bedrockAgent/,
        ],
        [
            "ApprovedModelAccess",
            () => validateApprovedModelAccessArgs(accessArgs({ target: { sagemakerEndpoint: {} as never } })),
            /argument 'target\.sagemakerEndpoint' is not a SageMakerInferenceEndpoint/,
        ],
        [
            "ApprovedModelAccess",
            () =>
                validateApprovedModelAccessArgs(
                    accessArgs({ target: { bedrockAgent: {} as never, invocationLogging: {} as never } }),
                ),
            /argument 'target\.bedrockAgent' is not a BedrockAgent/,
        ],
        [
            "ApprovedModelAccess",
            () =>
                validateApprovedModelAccessArgs(
                    accessArgs({ target: { bedrockModelId: "claude", invocationLogging: {} as never, guardrail } }),
                ),
            /argument 'target\.bedrockModelId' is 'claude'; allowed: a foundation model id/,
        ],
        [
            "ApprovedModelAccess",
            () =>
                validateApprovedModelAccessArgs(
                    accessArgs({
                        target: {
                            bedrockModelId: "amazon.nova-pro-v1:0",
                            invocationLogging: undefined as never,
                            guardrail,
                        },
                    }),
                ),
            /argument 'target\.invocationLogging' is not a BedrockInvocationLogging/,
        ],
        [
            "ApprovedModelAccess",
            () =>
                validateApprovedModelAccessArgs(
                    accessArgs({
                        target: { bedrockModelId: "amazon.nova-pro-v1:0", invocationLogging, guardrail: {} as never },
                    }),
                ),
            /argument 'target\.guardrail' is not a BedrockGuardrail; allowed: the guardrail every call to the model must apply/,
        ],
        [
            "ApprovedModelAccess",
            () => validateApprovedModelAccessArgs(accessArgs({ callerRoleArn: "orders-service" })),
            /argument 'callerRoleArn' is 'orders-service'; allowed: an IAM role ARN/,
        ],
        [
            "ApprovedModelAccess",
            () => validateApprovedModelAccessArgs(accessArgs({ callerSecurityGroupId: "orders" })),
            /argument 'callerSecurityGroupId' is 'orders'; allowed: a security group id/,
        ],
    ])("%s rejects a bad argument by name", (component, validate, message) => {
        let error: unknown;
        try {
            validate();
        } catch (e) {
            error = e;
        }
        expect(error).toBeInstanceOf(ArgumentError);
        expect((error as Error).message).toMatch(new RegExp(`^aiguard:aws:${component}: `));
        expect((error as Error).message).toMatch(message);
    });

    it("accepts a BedrockGuardrail component as the agent's guardrail", () => {
        expect(() => validateBedrockAgentArgs({ ...agentArgs, guardrail })).not.toThrow();
    });
});

describe("Bedrock argument errors known only once values resolve fail the preview, naming the instance", () => {
    it.each([
        [
            "draft-guardrail-version",
            "aiguard:aws:BedrockAgent 'assistant': argument 'guardrail.version' is 'DRAFT'; allowed: a published version number",
        ],
        [
            "agent-key-of-another-region",
            "aiguard:aws:BedrockAgent 'assistant': argument 'kmsKeyArn' is a key in us-east-1 (aws); allowed: a key in the provider's region eu-central-1 (aws)",
        ],
        [
            "knowledge-base-key-of-another-region",
            "aiguard:aws:BedrockKnowledgeBase 'policies': argument 'kmsKeyArn' is a key in us-east-1 (aws)",
        ],
        [
            "caller-is-not-a-role",
            "aiguard:aws:ApprovedModelAccess 'orders': argument 'callerRoleArn' is 'arn:aws:iam::123456789012:user/orders'; allowed: an IAM role ARN",
        ],
    ])("%s", async (name, message) => {
        const error = await captureProgram(path.join(programs, "aws-bedrock-argument-errors"), {
            stack: "dev",
            typeCheck: false,
            config: { "aws-bedrock-argument-errors:case": name },
        }).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(Error);
        expect((error as Error).message).toMatch(/aws-bedrock-argument-errors\/index\.ts: the program failed: /);
        expect((error as Error).message).toContain(message);
    });
});
