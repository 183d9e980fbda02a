import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { ArgumentError, aiTags, requireRange, validateFor } from "../../shared/validation";
import { BedrockGuardrail } from "../bedrock-guardrail";
import { requireKmsKeyArn } from "../shared/arns";
import {
    bedrockTrustPolicy,
    foundationModelArn,
    requireBedrockName,
    requireFoundationModelId,
} from "../shared/bedrock";
import { componentKey } from "../shared/key";
import { awsPlace } from "../shared/place";
import type { AgentActionGroup, BedrockAgentArgs, GuardrailVersionRef } from "./args";

export type {
    AgentActionGroup,
    AgentFunction,
    AgentFunctionParameter,
    AgentKnowledgeBase,
    BedrockAgentArgs,
    GuardrailVersionRef,
} from "./args";

const type = "aiguard:aws:BedrockAgent";
const parameterTypes = ["string", "number", "integer", "boolean", "array"];

/** The component name as an agent name: Bedrock allows only letters, digits, `_` and `-`. */
function defaultAgentName(name: string): string {
    return name
        .replace(/[^0-9A-Za-z_-]/g, "-")
        .replace(/[_-]{2,}/g, "-")
        .slice(0, 100);
}

function validateActionGroup(g: AgentActionGroup, at: string): void {
    requireBedrockName(type, `${at}.name`, g.name);
    if (
        typeof g.lambdaArn === "string" &&
        !/^arn:aws[a-z-]*:lambda:[a-z0-9-]+:\d{12}:function:[\w-]+(:[\w$-]+)?$/.test(g.lambdaArn)
    ) {
        throw new ArgumentError(
            type,
            `${at}.lambdaArn`,
            `is '${g.lambdaArn}'; allowed: a Lambda function ARN such as 'arn:aws:lambda:eu-central-1:111122223333:function:orders'`,
        );
    }
    if (g.functions.length === 0) {
        throw new ArgumentError(type, `${at}.functions`, "is empty; allowed: at least one function");
    }
    for (const [i, f] of g.functions.entries()) {
        requireBedrockName(type, `${at}.functions[${i}].name`, f.name);
        for (const [j, p] of (f.parameters ?? []).entries()) {
            requireBedrockName(type, `${at}.functions[${i}].parameters[${j}].name`, p.name);
            if (!parameterTypes.includes(p.type)) {
                throw new ArgumentError(
                    type,
                    `${at}.functions[${i}].parameters[${j}].type`,
                    `is '${p.type}'; allowed: ${parameterTypes.map((t) => `'${t}'`).join(", ")}`,
                );
            }
        }
    }
}

/** Checks every argument that is known at construction. Exported for tests. */
export function validateBedrockAgentArgs(args: BedrockAgentArgs): void {
    requireFoundationModelId(type, "foundationModel", args.foundationModel);
    if (typeof args.instruction === "string" && (args.instruction.length < 40 || args.instruction.length > 20000)) {
        throw new ArgumentError(
            type,
            "instruction",
            `has ${args.instruction.length} characters; allowed: 40 to 20000 (Bedrock refuses to prepare the agent otherwise)`,
        );
    }
    if (!(args.guardrail instanceof BedrockGuardrail)) {
        const version = args.guardrail?.version;
        if (typeof version === "string" && !/^[1-9]\d*$/.test(version)) {
            throw new ArgumentError(
                type,
                "guardrail.version",
                `is '${version}'; allowed: a published version number such as '1' (DRAFT changes whenever the guardrail is edited)`,
            );
        }
        if (args.guardrail?.guardrailId === undefined) {
            throw new ArgumentError(
                type,
                "guardrail",
                "is not set; allowed: a BedrockGuardrail or { guardrailId, version }",
            );
        }
    }
    if (args.agentName !== undefined) {
        requireBedrockName(type, "agentName", args.agentName);
    }
    if (args.idleSessionTtlInSeconds !== undefined) {
        requireRange(type, "idleSessionTtlInSeconds", args.idleSessionTtlInSeconds, 60, 3600);
    }
    requireKmsKeyArn(type, "kmsKeyArn", args.kmsKeyArn);
    for (const [i, g] of (args.actionGroups ?? []).entries()) {
        validateActionGroup(g, `actionGroups[${i}]`);
    }
    if (new Set((args.actionGroups ?? []).map((g) => g.name)).size !== (args.actionGroups ?? []).length) {
        throw new ArgumentError(type, "actionGroups", "names an action group twice; allowed: distinct names");
    }
    for (const [i, kb] of (args.knowledgeBases ?? []).entries()) {
        if (kb.description.trim() === "" || kb.description.length > 200) {
            throw new ArgumentError(
                type,
                `knowledgeBases[${i}].description`,
                `has ${kb.description.length} characters; allowed: 1 to 200, telling the agent when to use it`,
            );
        }
    }
}

/**
 * A Bedrock agent with its own role (assumable by Bedrock for this account's agents only, allowed to
 * invoke its one foundation model, apply its guardrail and retrieve from its knowledge bases, under a
 * permissions boundary of the same scope), a guardrail pinned to a published version, a customer
 * managed key, a bounded idle session time, and an alias to invoke it through.
 */
export class BedrockAgent extends pulumi.ComponentResource {
    readonly role: aws.iam.Role;
    readonly agent: aws.bedrock.AgentAgent;
    readonly alias: aws.bedrock.AgentAgentAlias;
    readonly agentId: pulumi.Output<string>;
    readonly agentArn: pulumi.Output<string>;
    /** Invoke the agent through this alias (`bedrock:InvokeAgent` on it). */
    readonly aliasArn: pulumi.Output<string>;
    readonly kmsKeyArn: pulumi.Output<string>;

    constructor(name: string, args: BedrockAgentArgs, opts?: pulumi.ComponentResourceOptions) {
        super(type, name, {}, opts);
        validateFor(name, () => validateBedrockAgentArgs(args));
        const tags = aiTags(args.tags);
        const place = awsPlace(this);
        this.kmsKeyArn = componentKey(type, name, args.kmsKeyArn, place, `Encrypts Bedrock agent ${name}`, tags, this);

        const pinned: GuardrailVersionRef =
            args.guardrail instanceof BedrockGuardrail
                ? { guardrailId: args.guardrail.guardrailId, version: args.guardrail.version.version }
                : args.guardrail;
        const guardrailArn =
            args.guardrail instanceof BedrockGuardrail
                ? args.guardrail.guardrailArn
                : pulumi
                      .all([pinned.guardrailId, place.partition, place.region, place.accountId])
                      .apply(([id, p, r, a]) =>
                          id.startsWith("arn:") ? id : `arn:${p}:bedrock:${r}:${a}:guardrail/${id}`,
                      );
        // Version by version: a guardrail version unknown here is checked once it is known.
        const version = pulumi.output(pinned.version).apply((v) => {
            if (!/^[1-9]\d*$/.test(v)) {
                throw new ArgumentError(
                    type,
                    "guardrail.version",
                    `is '${v}'; allowed: a published version number`,
                    name,
                );
            }
            return v;
        });

        const statements = [
            {
                Sid: "InvokeTheAgentModel",
                Effect: "Allow" as const,
                Action: ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"],
                Resource: foundationModelArn(place, args.foundationModel),
            },
            {
                Sid: "ApplyTheGuardrail",
                Effect: "Allow" as const,
                Action: ["bedrock:ApplyGuardrail"],
                Resource: guardrailArn,
            },
            {
                Sid: "UseTheAgentKey",
                Effect: "Allow" as const,
                Action: ["kms:Decrypt", "kms:GenerateDataKey"],
                Resource: this.kmsKeyArn,
            },
            ...(args.knowledgeBases ?? []).map((kb, i) => ({
                Sid: `RetrieveFromKnowledgeBase${i}`,
                Effect: "Allow" as const,
                Action: ["bedrock:Retrieve"],
                Resource: kb.knowledgeBase.knowledgeBaseArn,
            })),
        ];
        const document = { Version: "2012-10-17" as const, Statement: statements };
        // The boundary caps the role at what the agent needs, so a later grant cannot widen it.
        const boundary = new aws.iam.Policy(
            `${name}-boundary`,
            { description: `Permissions boundary of Bedrock agent ${name}`, policy: document, tags },
            { parent: this },
        );
        this.role = new aws.iam.Role(
            `${name}-agent`,
            { assumeRolePolicy: bedrockTrustPolicy(place, "agent"), permissionsBoundary: boundary.arn, tags },
            { parent: this },
        );
        const permissions = new aws.iam.RolePolicy(
            `${name}-agent`,
            { role: this.role.name, policy: document },
            { parent: this.role },
        );

        this.agent = new aws.bedrock.AgentAgent(
            name,
            {
                agentName: args.agentName ?? defaultAgentName(name),
                agentResourceRoleArn: this.role.arn,
                foundationModel: args.foundationModel,
                instruction: args.instruction,
                description: args.description,
                customerEncryptionKeyArn: this.kmsKeyArn,
                idleSessionTtlInSeconds: args.idleSessionTtlInSeconds ?? 600,
                guardrailConfigurations: [{ guardrailIdentifier: pinned.guardrailId, guardrailVersion: version }],
                tags,
            },
            { parent: this, dependsOn: [permissions] },
        );
        this.agentId = this.agent.agentId;
        this.agentArn = this.agent.agentArn;

        const children: pulumi.Resource[] = [];
        for (const g of args.actionGroups ?? []) {
            // Bedrock calls the function with its own identity: the function's resource policy admits it
            // for this agent only.
            children.push(
                new aws.lambda.Permission(
                    `${name}-${g.name}`,
                    {
                        action: "lambda:InvokeFunction",
                        function: g.lambdaArn,
                        principal: "bedrock.amazonaws.com",
                        sourceAccount: place.accountId,
                        sourceArn: this.agent.agentArn,
                    },
                    { parent: this.agent },
                ),
                new aws.bedrock.AgentAgentActionGroup(
                    `${name}-${g.name}`,
                    {
                        agentId: this.agent.agentId,
                        agentVersion: "DRAFT",
                        actionGroupName: g.name,
                        description: g.description,
                        actionGroupExecutor: { lambda: g.lambdaArn },
                        functionSchema: {
                            memberFunctions: {
                                functions: g.functions.map((f) => ({
                                    name: f.name,
                                    description: f.description,
                                    parameters: (f.parameters ?? []).map((p) => ({
                                        mapBlockKey: p.name,
                                        type: p.type,
                                        description: p.description,
                                        required: p.required ?? false,
                                    })),
                                })),
                            },
                        },
                    },
                    { parent: this.agent },
                ),
            );
        }
        for (const [i, kb] of (args.knowledgeBases ?? []).entries()) {
            children.push(
                new aws.bedrock.AgentAgentKnowledgeBaseAssociation(
                    `${name}-kb-${i}`,
                    {
                        agentId: this.agent.agentId,
                        knowledgeBaseId: kb.knowledgeBase.knowledgeBaseId,
                        description: kb.description,
                        knowledgeBaseState: "ENABLED",
                    },
                    { parent: this.agent },
                ),
            );
        }
        // The alias snapshots the prepared agent, so it comes after its tools and knowledge bases.
        this.alias = new aws.bedrock.AgentAgentAlias(
            `${name}-live`,
            { agentId: this.agent.agentId, agentAliasName: "live", tags },
            { parent: this.agent, dependsOn: children },
        );
        this.aliasArn = this.alias.agentAliasArn;
        this.registerOutputs({
            agentId: this.agentId,
            agentArn: this.agentArn,
            aliasArn: this.aliasArn,
            roleArn: this.role.arn,
            kmsKeyArn: this.kmsKeyArn,
        });
    }
}
