import { defineSettingsPolicy } from "../../../core/settings";

export default defineSettingsPolicy({
    id: "ai-api-gateway-v2-no-payload-trace",
    cloud: "aws",
    resourceTypes: ["aws:apigatewayv2/stage:Stage"],
    area: "io-logging",
    layer: "fm-api",
    severity: "high",
    enforcementLevel: "mandatory",
    description:
        "API Gateway v2 stages leave data trace logging off on the default route settings and on every route setting.",
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
    peers: [],
    remediation: [
        "Set defaultRouteSettings.dataTraceEnabled and every routeSettings[].dataTraceEnabled to false (or leave them unset).",
        "Capture model inputs and outputs with Bedrock invocation logging or SageMaker data capture into KMS-encrypted, access-restricted sinks instead.",
    ],
    notes: [
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
});
