import { defineSettingsPolicy } from "../../../core/settings";

export default defineSettingsPolicy({
    id: "agentcore-gateway-inbound-auth",
    cloud: "aws",
    resourceTypes: ["aws:bedrock/agentcoreGateway:AgentcoreGateway"],
    area: "identity",
    layer: "fm-api",
    severity: "high",
    enforcementLevel: "mandatory",
    description:
        "Bedrock AgentCore gateways authenticate callers with AWS IAM or a custom JWT authorizer with a discovery URL.",
    controls: [
        { framework: "nist-800-53", id: "AC-3" },
        { framework: "nist-800-53", id: "IA-2" },
        { framework: "nist-800-53", id: "IA-9" },
        { framework: "mitre-atlas", id: "AML.M0019" },
        { framework: "mitre-atlas", id: "AML.T0040" },
        { framework: "mitre-atlas", id: "AML.T0034" },
        { framework: "nist-ai-rmf", id: "MEASURE 2.7" },
        { framework: "iso-27001", id: "A.8.5" },
        { framework: "iso-27001", id: "A.5.15" },
        { framework: "iso-42001", id: "A.3.2" },
        { framework: "owasp-llm", id: "LLM10" },
        { framework: "mitre-atlas", id: "AML.T0053" },
        { framework: "owasp-llm", id: "LLM06" },
    ],
    peers: [{ tool: "aws-securityhub", id: "BedrockAgentCore.2" }],
    remediation: [
        'Set authorizerType to "AWS_IAM", or to "CUSTOM_JWT" with authorizerConfiguration.customJwtAuthorizer.discoveryUrl pointing to your identity provider\'s OpenID configuration and allowedAudiences or allowedClients set.',
    ],
    notes: [
        "authorizerType is a literal in programs, so the check decides during preview; an unknown value is decided at pulumi up. A discovery URL unknown during preview counts as set.",
        "authorizerType is a required input without a default: a gateway that omits it is rejected by the provider, so this check does not report it.",
        'With authorizerType "NONE" anyone who can reach the gateway can invoke its tools.',
    ],
    settings: [
        {
            path: "authorizerType",
            expect: { kind: "oneOf", values: ["CUSTOM_JWT", "AWS_IAM"] },
            missing: { verdict: "compliant" },
            examples: { violating: "NONE", compliant: "AWS_IAM" },
        },
        {
            path: "authorizerConfiguration.customJwtAuthorizer.discoveryUrl",
            expect: { kind: "present" },
            missing: { verdict: "violation", providerDefault: "no discovery URL" },
            examples: {
                violating: "",
                compliant:
                    "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Example/.well-known/openid-configuration",
            },
            onlyIf: { path: "authorizerType", oneOf: ["CUSTOM_JWT"] },
        },
    ],
    compliantExample: {
        name: "tools",
        roleArn: "arn:aws:iam::123456789012:role/agent",
        protocolType: "MCP",
        authorizerType: "CUSTOM_JWT",
        authorizerConfiguration: {
            customJwtAuthorizer: {
                discoveryUrl:
                    "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Example/.well-known/openid-configuration",
                allowedAudiences: ["tools-gateway"],
            },
        },
    },
});
