import type * as pulumi from "@pulumi/pulumi";
import type { BedrockGuardrail } from "../bedrock-guardrail";
import type { BedrockKnowledgeBase } from "../bedrock-knowledge-base";

/** A guardrail made elsewhere, named by id and a published version. */
export interface GuardrailVersionRef {
    /** Guardrail id (or ARN). */
    readonly guardrailId: pulumi.Input<string>;
    /** A published version number such as `"1"`. `"DRAFT"` is refused: it changes whenever the guardrail is edited. */
    readonly version: pulumi.Input<string>;
}

/** A parameter of an action-group function, as the agent's model fills it. */
export interface AgentFunctionParameter {
    readonly name: string;
    /** `string`, `number`, `integer`, `boolean` or `array`. */
    readonly type: "string" | "number" | "integer" | "boolean" | "array";
    readonly description?: string;
    /** @default false */
    readonly required?: boolean;
}

export interface AgentFunction {
    /** Function name the model calls, 1 to 100 letters, digits, `_` and `-`. */
    readonly name: string;
    readonly description?: string;
    readonly parameters?: readonly AgentFunctionParameter[];
}

/** Tools the agent may call: functions served by one Lambda function. */
export interface AgentActionGroup {
    /** Action group name, 1 to 100 letters, digits, `_` and `-`. */
    readonly name: string;
    readonly description?: string;
    /** ARN of the Lambda function that serves the functions; Bedrock may invoke it for this agent only. */
    readonly lambdaArn: pulumi.Input<string>;
    /** At least one function. */
    readonly functions: readonly AgentFunction[];
}

/** A knowledge base the agent retrieves from. */
export interface AgentKnowledgeBase {
    readonly knowledgeBase: BedrockKnowledgeBase;
    /** Tells the agent when to use the knowledge base (1 to 200 characters). */
    readonly description: string;
}

export interface BedrockAgentArgs {
    /**
     * Foundation model id the agent orchestrates with, e.g. `anthropic.claude-3-5-haiku-20241022-v1:0`.
     * The role may invoke this model only. Cross-region inference profiles (`us.`, `eu.` …) are not supported.
     */
    readonly foundationModel: string;
    /** What the agent does and how it talks to users (40 to 20000 characters). */
    readonly instruction: pulumi.Input<string>;
    /** The guardrail the agent runs with, pinned to a published version. */
    readonly guardrail: BedrockGuardrail | GuardrailVersionRef;
    /** Agent name, 1 to 100 letters, digits, `_` and `-`. @default the component name without other characters */
    readonly agentName?: string;
    readonly description?: pulumi.Input<string>;
    /**
     * Seconds of idle time after which Bedrock ends a session and deletes its data (60 to 3600).
     * Longer sessions keep user input around longer. @default 600
     */
    readonly idleSessionTtlInSeconds?: number;
    /** ARN of a customer managed KMS key for the agent's data and sessions. @default a new key with rotation on */
    readonly kmsKeyArn?: pulumi.Input<string>;
    /** Tools the agent may call. @default none */
    readonly actionGroups?: readonly AgentActionGroup[];
    /** Knowledge bases the agent retrieves from. @default none */
    readonly knowledgeBases?: readonly AgentKnowledgeBase[];
    /** Tags for every child; `aiguard:system=ai` is always added. */
    readonly tags?: Readonly<Record<string, string>>;
}
