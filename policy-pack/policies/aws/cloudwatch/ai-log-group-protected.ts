import { cite } from "../../../core/citations";
import { defineStackPolicy, type StackResource } from "../../../core/definition";
import { logGroupType } from "../../../core/front-door-logs";
import { FindingSink } from "../../../shared/iam-policy";
import { defaultMinRetentionDays, judgeLogGroup } from "../../../shared/log-group-protection";

const invocationLoggingType = "aws:bedrockmodel/invocationLoggingConfiguration:InvocationLoggingConfiguration";

interface Config {
    readonly minRetentionDays?: number;
}

/** Log groups that receive Bedrock invocation logs: bedrock-invocation-logs-protected judges them. */
function invocationLogGroups(resources: readonly StackResource[]): Set<StackResource> {
    const out = new Set<StackResource>();
    for (const r of resources) {
        if (r.type === invocationLoggingType) {
            for (const g of r.propertyDependencies.loggingConfig ?? []) {
                out.add(g);
            }
        }
    }
    return out;
}

export default defineStackPolicy<Config>({
    id: "ai-log-group-protected",
    cloud: "aws",
    resourceTypes: [logGroupType],
    area: "io-logging",
    layer: "data-plane",
    severity: "medium",
    enforcementLevel: "advisory",
    description:
        "CloudWatch log groups of the AI system (the logs of model front doors, log sinks AI resources reference) are encrypted with a customer managed KMS key and keep logs for at least the configured number of days.",
    controls: cite({
        "nist-800-53": {
            implements: ["AU-9", "AU-11"],
            why: "Logs that can hold prompts, completions and errors quoting them are encrypted with a customer key and kept for the configured minimum days.",
        },
        "mitre-atlas": {
            supports: ["AML.M0012"],
            why: "What a front door logs about model calls is encrypted under a customer key.",
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
            why: "Front-door logs often quote user prompts; readable logs would disclose them.",
        },
    }),
    peers: [
        { tool: "checkov", id: "CKV_AWS_158" },
        { tool: "checkov", id: "CKV_AWS_338" },
        { tool: "checkov", id: "CKV_AWS_66" },
        { tool: "prowler", id: "cloudwatch_log_group_kms_encryption_enabled" },
        { tool: "prowler", id: "cloudwatch_log_group_retention_policy_specific_days_enabled" },
    ],
    remediation: [
        "Set kmsKeyId on the log group to the ARN of a customer managed KMS key whose key policy lets CloudWatch Logs use it.",
        "Set retentionInDays to at least the configured minimum (default 365), or leave it unset so logs never expire.",
    ],
    notes: [
        "A log group is in the AI system when an AI resource references it, when it is tagged as AI, or when a model front door writes to it: a Lambda front door's /aws/lambda/<function name> group (or the group its loggingConfig.logGroup names), an ECS front door's awslogs-group, matched by known name or through a reference (a log group named from the function's name).",
        "Log groups that receive Bedrock invocation logs are left to bedrock-invocation-logs-protected, so one log group gets one finding.",
        "retentionInDays unset or 0 keeps logs forever and passes; the minimum is the config property minRetentionDays (default 365). kmsKeyId unknown during preview counts as set; retentionInDays unknown leaves the verdict to pulumi up.",
    ],
    configSchema: {
        properties: {
            minRetentionDays: {
                type: "integer",
                minimum: 1,
                default: defaultMinRetentionDays,
                description: "Fewest days log groups of the AI system must keep logs.",
            },
        },
    },
    validate(check) {
        const min =
            typeof check.config.minRetentionDays === "number" ? check.config.minRetentionDays : defaultMinRetentionDays;
        const judgedElsewhere = invocationLogGroups(check.resources);
        const sink = new FindingSink();
        for (const group of check.resources) {
            if (group.type !== logGroupType || !check.classification.isAi(group) || judgedElsewhere.has(group)) {
                continue;
            }
            const why = check.classification.reason(group);
            judgeLogGroup(group, min, why ? ` (${why})` : "", sink);
        }
        sink.report(check);
    },
});
