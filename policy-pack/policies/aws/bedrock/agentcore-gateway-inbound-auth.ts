import { cite } from "../../../core/citations";
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
    controls: cite({
        "nist-800-53": {
            implements: ["IA-2", "AC-3"],
            why: "Callers of the agent gateway authenticate with IAM or a JWT authorizer before any tool is exposed.",
        },
        "mitre-atlas": {
            implements: ["AML.M0019"],
            mitigates: ["AML.T0053"],
            why: "Unauthenticated callers cannot invoke the tools behind the gateway.",
        },
        "iso-27001": {
            implements: ["A.8.5"],
            why: "Secure authentication: the gateway requires an authenticated caller.",
        },
        "owasp-llm": {
            mitigates: ["LLM06"],
            why: "Only authenticated agents and users can reach the gateway's tools.",
        },
    }),
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
