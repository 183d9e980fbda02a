import { onAiResources } from "../../../core/ai-scope";
import { cite } from "../../../core/citations";
import { defineSettingsPolicy } from "../../../core/settings";

export default onAiResources(
    defineSettingsPolicy({
        id: "ai-api-gateway-rest-execution-logging",
        cloud: "aws",
        resourceTypes: ["aws:apigateway/methodSettings:MethodSettings"],
        area: "io-logging",
        layer: "fm-api",
        severity: "low",
        enforcementLevel: "advisory",
        description: "API Gateway REST API method settings log execution at the ERROR or INFO level.",
        controls: cite({
            "nist-800-53": {
                supports: ["AU-12"],
                why: "Execution logging at ERROR or INFO records processing of requests to model-fronting methods.",
            },
            "mitre-atlas": {
                supports: ["AML.M0024"],
                why: "Execution logs add request-processing telemetry for the AI interface.",
            },
            "iso-27001": {
                supports: ["A.8.15"],
                why: "Logging: method execution events are recorded.",
            },
        }),
        peers: [
            { tool: "checkov", id: "CKV2_AWS_4" },
            { tool: "kics", id: "982aa526-6970-4c59-8b9b-2ce7e019fe36" },
        ],
        remediation: [
            'Set settings.loggingLevel to "ERROR" (or "INFO" while investigating) and keep settings.dataTraceEnabled false.',
            "Set the CloudWatch role of the account with aws.apigateway.Account.",
        ],
        notes: [
            'The provider default is "OFF", so a missing loggingLevel fails. loggingLevel is a literal in programs, so the check decides during preview.',
            "Judged only on resources of the AI system: APIs with an integration that calls an AI resource, a front-door function or a model runtime service (and the stages, methods, routes and settings of those APIs), or anything tagged as AI. Evaluated on the stack, so at pulumi up a violation is reported after the resources are created.",
        ],
        settings: [
            {
                path: "settings.loggingLevel",
                expect: { kind: "oneOf", values: ["ERROR", "INFO"] },
                missing: { verdict: "violation", providerDefault: '"OFF"' },
                examples: { violating: "OFF", compliant: "ERROR" },
            },
        ],
        compliantExample: {
            restApi: "a1b2c3d4e5",
            stageName: "prod",
            methodPath: "*/*",
            settings: { loggingLevel: "ERROR", metricsEnabled: true, dataTraceEnabled: false },
        },
    }),
);
