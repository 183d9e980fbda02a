import { defineSettingsPolicy } from "../../../core/settings";

export default defineSettingsPolicy({
    id: "ai-api-gateway-rest-no-payload-trace",
    cloud: "aws",
    resourceTypes: ["aws:apigateway/methodSettings:MethodSettings"],
    area: "io-logging",
    layer: "fm-api",
    severity: "high",
    enforcementLevel: "mandatory",
    description:
        "API Gateway REST API method settings leave data trace logging off, so full request and response bodies are not written to CloudWatch.",
    controls: [
        { framework: "nist-800-53", id: "AU-3(3)" },
        { framework: "nist-800-53", id: "SC-28" },
        { framework: "mitre-atlas", id: "AML.M0024" },
        { framework: "mitre-atlas", id: "AML.T0057" },
        { framework: "nist-ai-rmf", id: "MEASURE 2.10" },
        { framework: "iso-42001", id: "A.6.2.8" },
        { framework: "iso-27001", id: "A.8.11" },
        { framework: "iso-27001", id: "A.8.15" },
        { framework: "owasp-llm", id: "LLM02" },
    ],
    peers: [{ tool: "checkov", id: "CKV_AWS_276" }],
    remediation: [
        "Set settings.dataTraceEnabled to false (or leave it unset).",
        "Capture model inputs and outputs with Bedrock invocation logging or SageMaker data capture into KMS-encrypted, access-restricted sinks instead.",
    ],
    notes: [
        "Data trace writes full request and response bodies (prompts, completions, personal data, tokens) to the API execution log group. The provider default is off, so a missing value passes.",
        "dataTraceEnabled is a literal in programs, so the check decides during preview; an unknown value is decided at pulumi up.",
        "Applies to every REST API stage of the stack, because a resource policy cannot tell whether an API fronts a model.",
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
});
