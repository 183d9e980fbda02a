import { cite } from "../../../core/citations";
import { defineStackPolicy } from "../../../core/definition";

const guardrailType = "aws:bedrock/guardrail:Guardrail";

/** Bedrock resources that send prompts to a model and so need a guardrail in front of it. */
const consumerTypes: readonly string[] = [
    "aws:bedrock/agentAgent:AgentAgent",
    "aws:bedrock/agentFlow:AgentFlow",
    "aws:bedrock/agentPrompt:AgentPrompt",
    "aws:bedrock/agentcoreAgentRuntime:AgentcoreAgentRuntime",
    "aws:bedrock/customModel:CustomModel",
    "aws:bedrock/inferenceProfile:InferenceProfile",
    "aws:bedrock/provisionedModelThroughput:ProvisionedModelThroughput",
];

interface Config {
    guardrailOwnedElsewhere?: boolean;
}

export default defineStackPolicy<Config>({
    id: "bedrock-guardrail-present",
    cloud: "aws",
    resourceTypes: [guardrailType, ...consumerTypes],
    area: "fm-safety",
    layer: "fm-api",
    severity: "medium",
    enforcementLevel: "advisory",
    description:
        "A stack that uses Bedrock models through agents, flows, prompts, runtimes or provisioned models declares at least one Bedrock guardrail.",
    controls: cite({
        "nist-800-53": {
            supports: ["SI-10"],
            why: "A stack that calls Bedrock models declares at least one guardrail.",
        },
        "mitre-atlas": {
            supports: ["AML.M0020"],
            why: "A declared guardrail is the precondition for filtering prompts and responses; its attachment and filters are checked elsewhere.",
        },
        "nist-ai-rmf": {
            supports: ["MANAGE 1.3"],
            why: "Declaring a guardrail shows a planned response to the model's content risks.",
        },
        "nist-ai-600-1": {
            mitigates: ["dangerous-violent-hateful-content"],
            why: "Guardrails are how harmful content is filtered on Bedrock.",
        },
    }),
    peers: [{ tool: "prowler", id: "bedrock_guardrails_configured" }],
    remediation: [
        "Declare an aws.bedrock.Guardrail (content, prompt attack and sensitive information filters) and an aws.bedrock.GuardrailVersion of it.",
        "Attach it to agents (guardrailConfigurations) and pass it on every InvokeModel/Converse call; enforce that with the IAM condition bedrock:GuardrailIdentifier in the roles that invoke models.",
    ],
    notes: [
        "A Bedrock consumer is an agent, flow, prompt, AgentCore runtime, custom model, inference profile or provisioned throughput that belongs to the AI system (a business tag excludes it). Applications that call InvokeModel from their own code are not visible to the check.",
        "The violation is reported once, on the first consumer. Existence is not enforcement: callers must pass the guardrail, which bedrock-agent-guardrail-attached checks for agents.",
        "When guardrails are managed in another stack, set the policy config property guardrailOwnedElsewhere to true.",
    ],
    configSchema: {
        properties: {
            guardrailOwnedElsewhere: {
                type: "boolean",
                default: false,
                description: "Guardrails are declared in another stack; skip the check.",
            },
        },
    },
    validate(check) {
        if (check.config.guardrailOwnedElsewhere === true) {
            return;
        }
        const { resources, classification } = check;
        if (resources.some((r) => r.type === guardrailType)) {
            return;
        }
        const consumers = resources.filter((r) => consumerTypes.includes(r.type) && classification.isAi(r));
        const first = consumers[0];
        if (!first) {
            return;
        }
        check.fail(first, {
            setting: "the stack's Bedrock guardrails",
            found: `none (${consumers.length === 1 ? "1 Bedrock resource uses" : `${consumers.length} Bedrock resources use`} models and no aws.bedrock.Guardrail is declared)`,
            expected: "at least one aws.bedrock.Guardrail",
        });
    },
});
