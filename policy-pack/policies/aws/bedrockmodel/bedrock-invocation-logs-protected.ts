import { cite } from "../../../core/citations";
import { defineStackPolicy, type StackResource } from "../../../core/definition";
import { FindingSink } from "../../../shared/iam-policy";
import { defaultMinRetentionDays, judgeLogGroup } from "../../../shared/log-group-protection";

const loggingType = "aws:bedrockmodel/invocationLoggingConfiguration:InvocationLoggingConfiguration";
const logGroupType = "aws:cloudwatch/logGroup:LogGroup";
const defaultRetention = defaultMinRetentionDays;

interface Config {
    readonly minRetentionDays?: number;
}

export default defineStackPolicy<Config>({
    id: "bedrock-invocation-logs-protected",
    cloud: "aws",
    resourceTypes: [loggingType],
    area: "io-logging",
    layer: "data-plane",
    severity: "medium",
    enforcementLevel: "advisory",
    description:
        "CloudWatch log groups that receive Bedrock model invocation logs are encrypted with a customer managed KMS key and keep logs for at least the configured number of days.",
    controls: cite({
        "nist-800-53": {
            implements: ["AU-9", "AU-11"],
            why: "Log groups receiving invocation logs are encrypted with a customer key and kept for the configured minimum days.",
        },
        "mitre-atlas": {
            supports: ["AML.M0012"],
            why: "Invocation logs, which hold prompts and completions, are encrypted under a customer key.",
        },
        "nist-ai-600-1": {
            mitigates: ["data-privacy"],
            why: "Logged prompts can contain personal data and are protected accordingly.",
        },
        "iso-27001": {
            supports: ["A.8.15", "A.8.24"],
            why: "Logging: logs are protected and retained; use of cryptography on them.",
        },
        "iso-42001": {
            supports: ["A.6.2.8"],
            why: "AI system recording of event logs: the logs are kept for the required period.",
        },
        "owasp-llm": {
            mitigates: ["LLM02"],
            why: "A readable store of prompts and completions would disclose what users sent the model.",
        },
    }),
    peers: [
        { tool: "prowler", id: "bedrock_model_invocation_logs_encryption_enabled" },
        { tool: "checkov", id: "CKV_AWS_158" },
        { tool: "checkov", id: "CKV_AWS_338" },
        { tool: "checkov", id: "CKV_AWS_66" },
    ],
    remediation: [
        "Set kmsKeyId on the log group that receives Bedrock invocation logs to the ARN of a customer managed KMS key whose key policy lets CloudWatch Logs use it.",
        "Set retentionInDays to at least the configured minimum (default 365), or leave it unset so logs never expire.",
    ],
    notes: [
        "Invocation logs hold prompts and completions. Log groups are matched to the InvocationLoggingConfiguration through the property dependencies of loggingConfig (cloudwatchConfig.logGroupName), never by name; a log group given as a literal name is not in view and is not checked.",
        "S3 destinations (s3Config and largeDataDeliveryS3Config) belong to the AI system through the same reference, so ai-bucket-sse-kms and ai-bucket-public-access-blocked check their encryption and public access.",
        "retentionInDays unset or 0 keeps logs forever and passes; the minimum is the config property minRetentionDays (default 365). kmsKeyId unknown during preview counts as set; retentionInDays unknown leaves the verdict to pulumi up.",
    ],
    configSchema: {
        properties: {
            minRetentionDays: {
                type: "integer",
                minimum: 1,
                default: defaultRetention,
                description: "Fewest days invocation-log groups must keep logs.",
            },
        },
    },
    validate(check) {
        const min =
            typeof check.config.minRetentionDays === "number" ? check.config.minRetentionDays : defaultRetention;
        const sink = new FindingSink();
        const seen = new Set<StackResource>();
        for (const config of check.resources) {
            if (config.type !== loggingType) {
                continue;
            }
            for (const group of config.propertyDependencies.loggingConfig ?? []) {
                if (group.type !== logGroupType || seen.has(group)) {
                    continue;
                }
                seen.add(group);
                judgeLogGroup(group, min, ` (receives Bedrock invocation logs from '${config.name}')`, sink);
            }
        }
        sink.report(check);
    },
});
