import { onAiResources } from "../../../core/ai-scope";
import { cite } from "../../../core/citations";
import { defineSettingsPolicy } from "../../../core/settings";

export default onAiResources(
    defineSettingsPolicy({
        id: "ai-api-gateway-rest-access-logs",
        cloud: "aws",
        resourceTypes: ["aws:apigateway/stage:Stage"],
        area: "io-logging",
        layer: "fm-api",
        severity: "medium",
        enforcementLevel: "advisory",
        description: "API Gateway REST API stages write access logs with a log format to a log destination.",
        controls: cite({
            "nist-800-53": {
                implements: ["AU-12"],
                supports: ["AU-2"],
                why: "Access logs of REST API stages that front models are generated and kept, so events on the model-facing interface can be reviewed.",
            },
            "mitre-atlas": {
                supports: ["AML.M0024"],
                why: "Access logs of REST API stages that front models are telemetry of how the AI system is used (AML.M0024).",
            },
            "iso-27001": {
                implements: ["A.8.15"],
                why: "Logging: the check requires the log to be produced and delivered to a destination.",
            },
            "iso-42001": {
                supports: ["A.6.2.8"],
                why: "AI system recording of event logs: the log records use of the AI system's interface.",
            },
        }),
        peers: [
            { tool: "checkov", id: "CKV_AWS_76" },
            { tool: "kics", id: "1b6799eb-4a7a-4b04-9001-8cceb9999326" },
            { tool: "trivy", id: "AWS-0001" },
            { tool: "prowler", id: "apigateway_restapi_logging_enabled" },
        ],
        remediation: [
            "Set accessLogSettings.destinationArn to the ARN of a CloudWatch log group (KMS-encrypted, with retention) or Firehose stream.",
            "Set accessLogSettings.format to a JSON format with $context.requestId, $context.identity.sourceIp, $context.identity.caller or authorizer principal, and $context.status.",
        ],
        notes: [
            "Access logs record who called the API and how it answered, not request bodies; log model inputs and outputs with Bedrock invocation logging or SageMaker data capture.",
            "The destination is usually logGroup.arn, unknown during preview; it counts as set.",
            "Judged only on resources of the AI system: APIs with an integration that calls an AI resource, a front-door function or a model runtime service (and the stages, methods, routes and settings of those APIs), or anything tagged as AI. Evaluated on the stack, so at pulumi up a violation is reported after the resources are created.",
        ],
        settings: [
            {
                path: "accessLogSettings.destinationArn",
                expect: { kind: "present" },
                missing: { verdict: "violation", providerDefault: "no access logs" },
                examples: {
                    violating: "",
                    compliant: "arn:aws:logs:us-east-1:123456789012:log-group:api-access",
                },
            },
            {
                path: "accessLogSettings.format",
                expect: { kind: "present" },
                missing: { verdict: "violation", providerDefault: "no access logs" },
                examples: {
                    violating: "",
                    compliant:
                        '{"requestId":"$context.requestId","ip":"$context.identity.sourceIp","caller":"$context.identity.caller","status":"$context.status"}',
                },
            },
        ],
        compliantExample: {
            restApi: "a1b2c3d4e5",
            deployment: "dep123",
            stageName: "prod",
            accessLogSettings: {
                destinationArn: "arn:aws:logs:us-east-1:123456789012:log-group:api-access",
                format: '{"requestId":"$context.requestId","ip":"$context.identity.sourceIp","caller":"$context.identity.caller","status":"$context.status"}',
            },
        },
    }),
);
