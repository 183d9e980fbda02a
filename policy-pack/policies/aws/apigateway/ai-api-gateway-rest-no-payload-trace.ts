import { onAiResources } from "../../../core/ai-scope";
import { cite } from "../../../core/citations";
import { defineSettingsPolicy } from "../../../core/settings";

export default onAiResources(
    defineSettingsPolicy({
        id: "ai-api-gateway-rest-no-payload-trace",
        cloud: "aws",
        resourceTypes: ["aws:apigateway/methodSettings:MethodSettings"],
        area: "io-logging",
        layer: "fm-api",
        severity: "high",
        enforcementLevel: "mandatory",
        description:
            "API Gateway REST API method settings leave data trace logging off, so full request and response bodies are not written to CloudWatch.",
        controls: cite({
            "nist-800-53": {
                supports: ["SI-12", "AU-9"],
                why: "REST method settings: data trace leaves full request and response bodies out of CloudWatch, where prompts and completions would be stored outside the AI system's controls.",
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
        peers: [{ tool: "checkov", id: "CKV_AWS_276" }],
        remediation: [
            "Set settings.dataTraceEnabled to false (or leave it unset).",
            "Capture model inputs and outputs with Bedrock invocation logging or SageMaker data capture into KMS-encrypted, access-restricted sinks instead.",
        ],
        notes: [
            "Data trace writes full request and response bodies (prompts, completions, personal data, tokens) to the API execution log group. The provider default is off, so a missing value passes.",
            "dataTraceEnabled is a literal in programs, so the check decides during preview; an unknown value is decided at pulumi up.",
            "Judged only on resources of the AI system: APIs with an integration that calls an AI resource, a front-door function or a model runtime service (and the stages, methods, routes and settings of those APIs), or anything tagged as AI. Evaluated on the stack, so at pulumi up a violation is reported after the resources are created.",
        ],
        settings: [
            {
                path: "settings.dataTraceEnabled",
                expect: { kind: "oneOf", values: [false] },
                missing: { verdict: "compliant" },
                examples: { violating: true, compliant: false },
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
