import { cite } from "../../../core/citations";
import { defineStackPolicy, type Finding, type StackResource } from "../../../core/definition";
import { describe, type Value } from "../../../core/values";

const loggingType = "aws:bedrockmodel/invocationLoggingConfiguration:InvocationLoggingConfiguration";

/** Bedrock resource types whose presence means the stack uses Bedrock. */
export const bedrockConsumerTypes: readonly string[] = [
    "AgentAgent",
    "AgentAgentAlias",
    "AgentAgentActionGroup",
    "AgentAgentCollaborator",
    "AgentKnowledgeBase",
    "AgentDataSource",
    "AgentFlow",
    "AgentPrompt",
    "AgentcoreAgentRuntime",
    "AgentcoreAgentRuntimeEndpoint",
    "AgentcoreGateway",
    "CustomModel",
    "Guardrail",
    "InferenceProfile",
    "ProvisionedModelThroughput",
].map((t) => `aws:bedrock/${t.charAt(0).toLowerCase()}${t.slice(1)}:${t}`);

interface Config {
    readonly managedElsewhere?: boolean;
}

function isBedrockConsumer(r: StackResource): boolean {
    return bedrockConsumerTypes.includes(r.type);
}

function judge(config: StackResource): { findings: Finding[]; unknown?: string } {
    const findings: Finding[] = [];
    const base = config.get("loggingConfig");
    if (base.state === "unknown") {
        return { findings, unknown: "loggingConfig" };
    }
    if (base.state !== "known" || typeof base.value !== "object" || Array.isArray(base.value)) {
        findings.push({
            setting: "loggingConfig",
            found: describe(base),
            expected: "a logging configuration with a destination",
        });
        return { findings };
    }
    let unknown: string | undefined;
    const text = config.get("loggingConfig.textDataDeliveryEnabled");
    if (text.state === "unknown") {
        unknown = "loggingConfig.textDataDeliveryEnabled";
    } else if (text.state === "known" && text.value !== true) {
        findings.push({
            setting: "loggingConfig.textDataDeliveryEnabled",
            found: describe(text),
            expected: "true or not set (default true), so prompts and completions are logged",
        });
    }
    const sinks: [string, Value][] = [
        ["loggingConfig.s3Config", config.get("loggingConfig.s3Config")],
        ["loggingConfig.cloudwatchConfig", config.get("loggingConfig.cloudwatchConfig")],
    ];
    const present = sinks.some(
        ([, v]) => v.state === "known" && typeof v.value === "object" && !Array.isArray(v.value),
    );
    const pending = sinks.find(([, v]) => v.state === "unknown");
    if (!present) {
        if (pending) {
            unknown ??= pending[0];
        } else {
            findings.push({
                setting: "loggingConfig.s3Config and loggingConfig.cloudwatchConfig",
                found: "not set (invocation logs have no destination)",
                expected: "an S3 bucket or CloudWatch log group destination",
            });
        }
    }
    return unknown ? { findings, unknown } : { findings };
}

export default defineStackPolicy<Config>({
    id: "bedrock-invocation-logging-enabled",
    cloud: "aws",
    resourceTypes: [loggingType, ...bedrockConsumerTypes],
    area: "io-logging",
    layer: "fm-api",
    severity: "high",
    enforcementLevel: "mandatory",
    description:
        "A stack that uses Bedrock configures model invocation logging with text delivery enabled and an S3 or CloudWatch Logs destination.",
    controls: cite({
        "nist-800-53": {
            implements: ["AU-12"],
            supports: ["AU-2", "AU-3"],
            why: "Model invocation logging with text delivery is configured to S3 or CloudWatch Logs.",
        },
        "mitre-atlas": {
            implements: ["AML.M0024"],
            mitigates: ["AML.T0051", "AML.T0040"],
            why: "Logged prompts and completions show prompt injection and misuse of the model API.",
        },
        "nist-ai-rmf": {
            implements: ["MEASURE 2.4"],
            why: "Invocation logs are the record on which the model's behaviour in production is monitored.",
        },
        "nist-ai-600-1": {
            mitigates: ["information-security"],
            why: "Without invocation logs, attacks on the GAI service go unseen.",
        },
        "iso-27001": {
            implements: ["A.8.15"],
            why: "Logging: model invocations are recorded.",
        },
        "iso-42001": {
            implements: ["A.6.2.8"],
            why: "AI system recording of event logs: inputs and outputs of the model are recorded.",
        },
    }),
    peers: [{ tool: "prowler", id: "bedrock_model_invocation_logging_enabled" }],
    remediation: [
        "Add an aws.bedrockmodel.InvocationLoggingConfiguration whose loggingConfig has an s3Config (bucketName) or cloudwatchConfig (logGroupName and roleArn) and leaves textDataDeliveryEnabled at true.",
        "If another stack (for example a landing zone) owns the account's invocation logging, set managedElsewhere to true in this policy's config.",
    ],
    notes: [
        "Invocation logging is one setting per account and region. The check applies when the stack declares Bedrock resources (agents, knowledge bases, flows, prompts, AgentCore runtimes and gateways, custom models, guardrails, inference profiles, provisioned throughput); a missing configuration is reported on the first of them.",
        "The provider a resource uses is not visible to policies, so one configuration satisfies the stack even if its Bedrock resources span several regions.",
        "textDataDeliveryEnabled defaults to true. Settings unknown during preview leave the verdict to pulumi up.",
        "Set the config property managedElsewhere to true when another stack owns the account's invocation logging; the check then passes stacks without a configuration but still judges one that is declared.",
    ],
    configSchema: {
        properties: {
            managedElsewhere: {
                type: "boolean",
                default: false,
                description: "Another stack owns Bedrock model invocation logging for this account and region.",
            },
        },
    },
    validate(check) {
        const configs = check.resources.filter((r) => r.type === loggingType);
        const consumers = check.resources.filter(isBedrockConsumer);
        for (const config of configs) {
            const v = judge(config);
            for (const f of v.findings) {
                check.fail(config, f);
            }
            if (v.findings.length === 0 && v.unknown) {
                check.undecided(config, v.unknown);
            }
        }
        const first = consumers[0];
        if (configs.length === 0 && first && check.config.managedElsewhere !== true) {
            check.fail(first, {
                setting: "model invocation logging",
                found: `missing: the stack uses Bedrock (${consumers.length} Bedrock ${consumers.length === 1 ? "resource" : "resources"}) but declares no InvocationLoggingConfiguration`,
                expected: "an InvocationLoggingConfiguration with an S3 or CloudWatch Logs destination",
            });
        }
    },
});
