import { onAiResources } from "../../../core/ai-scope";
import { cite } from "../../../core/citations";
import { defineSettingsPolicy } from "../../../core/settings";

export default onAiResources(
    defineSettingsPolicy({
        id: "ai-api-gateway-v2-no-payload-trace",
        cloud: "aws",
        resourceTypes: ["aws:apigatewayv2/stage:Stage"],
        area: "io-logging",
        layer: "fm-api",
        severity: "high",
        enforcementLevel: "mandatory",
        description:
            "API Gateway v2 stages leave data trace logging off on the default route settings and on every route setting.",
        controls: cite({
            "nist-800-53": {
                supports: ["SI-12", "AU-9"],
                why: "HTTP and WebSocket route settings: data trace leaves full request and response bodies out of CloudWatch, where prompts and completions would be stored outside the AI system's controls.",
            },
            "mitre-atlas": {
                mitigates: ["AML.T0057"],
                why: "Prompts and completions, which may carry sensitive data, are not copied into gateway logs.",
            },
            "nist-ai-rmf": {
                supports: ["MEASURE 2.10"],
                why: "Keeping full prompts out of gateway logs limits a privacy risk of the AI system.",
            },
            "nist-ai-600-1": {
                mitigates: ["data-privacy"],
                why: "Personal data in prompts is not duplicated into operational logs.",
            },
            "iso-27001": {
                supports: ["A.8.11"],
                why: "Data masking: payloads are kept out of logs.",
            },
            "owasp-llm": {
                mitigates: ["LLM02"],
                why: "Logged full prompts and completions are a disclosure path for sensitive information.",
            },
        }),
        peers: [],
        remediation: [
            "Set defaultRouteSettings.dataTraceEnabled and every routeSettings[].dataTraceEnabled to false (or leave them unset).",
            "Capture model inputs and outputs with Bedrock invocation logging or SageMaker data capture into KMS-encrypted, access-restricted sinks instead.",
        ],
        notes: [
            "Judged only on resources of the AI system: APIs with an integration that calls an AI resource, a front-door function or a model runtime service (and the stages, methods, routes and settings of those APIs), or anything tagged as AI. Evaluated on the stack, so at pulumi up a violation is reported after the resources are created.",
            "Data trace (WebSocket APIs) writes full message bodies (prompts, completions, personal data) to CloudWatch. The provider default is off, so a missing value passes.",
            "dataTraceEnabled is a literal in programs, so the check decides during preview; an unknown value is decided at pulumi up.",
            "Checkov CKV_AWS_276 checks data trace on REST API method settings only; no peer checks API Gateway v2 stages.",
        ],
        settings: [
            {
                path: "defaultRouteSettings.dataTraceEnabled",
                expect: { kind: "oneOf", values: [false] },
                missing: { verdict: "compliant" },
                examples: { violating: true, compliant: false },
            },
            {
                path: "routeSettings[].dataTraceEnabled",
                expect: { kind: "oneOf", values: [false] },
                missing: { verdict: "compliant" },
                examples: { violating: true, compliant: false },
            },
        ],
        compliantExample: {
            apiId: "a1b2c3d4e5",
            name: "prod",
            defaultRouteSettings: {
                loggingLevel: "ERROR",
                dataTraceEnabled: false,
                throttlingRateLimit: 50,
                throttlingBurstLimit: 100,
            },
            routeSettings: [{ routeKey: "$default", dataTraceEnabled: false, loggingLevel: "ERROR" }],
        },
    }),
);
