import { defineSettingsPolicy } from "../../../core/settings";

export default defineSettingsPolicy({
    id: "ai-api-gateway-rest-execution-logging",
    cloud: "aws",
    resourceTypes: ["aws:apigateway/methodSettings:MethodSettings"],
    area: "io-logging",
    layer: "fm-api",
    severity: "low",
    enforcementLevel: "advisory",
    description: "API Gateway REST API method settings log execution at the ERROR or INFO level.",
    controls: [
        { framework: "nist-800-53", id: "AU-2" },
        { framework: "nist-800-53", id: "AU-3" },
        { framework: "nist-800-53", id: "AU-12" },
        { framework: "mitre-atlas", id: "AML.M0024" },
        { framework: "mitre-atlas", id: "AML.T0040" },
        { framework: "nist-ai-rmf", id: "MANAGE 4.1" },
        { framework: "iso-42001", id: "A.6.2.8" },
        { framework: "iso-27001", id: "A.8.15" },
        { framework: "owasp-llm", id: "LLM10" },
    ],
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
        "Applies to every REST API stage of the stack, because a resource policy cannot tell whether an API fronts a model; advisory for that reason.",
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
});
