import { cite } from "../../../core/citations";
import { defineSettingsPolicy } from "../../../core/settings";

export default defineSettingsPolicy({
    id: "agentcore-gateway-kms-cmk",
    cloud: "aws",
    resourceTypes: ["aws:bedrock/agentcoreGateway:AgentcoreGateway"],
    area: "model-storage",
    layer: "fm-api",
    severity: "medium",
    enforcementLevel: "mandatory",
    description:
        "Bedrock AgentCore gateways encrypt their configuration and credentials with a customer managed KMS key.",
    controls: cite({
        "nist-800-53": {
            implements: ["SC-28(1)"],
            supports: ["SC-12"],
            why: "Encrypted at rest under a customer managed key, whose use the customer controls and can revoke: gateway configuration and stored credentials.",
        },
        "mitre-atlas": {
            implements: ["AML.M0012"],
            mitigates: ["AML.T0098"],
            why: "Encryption under a customer key (AML.M0012) leaves a stolen copy of gateway configuration and stored credentials unreadable without use of the key.",
        },
        "iso-27001": {
            implements: ["A.8.24"],
            why: "Use of cryptography: the check requires encryption at rest with a customer managed key.",
        },
    }),
    peers: [{ tool: "aws-securityhub", id: "BedrockAgentCore.4" }],
    remediation: ["Set kmsKeyArn to the ARN of a customer managed aws.kms.Key (with rotation on)."],
    notes: [
        "The key is usually key.arn of a key in the same stack, unknown during preview; the check tests presence, so it decides during preview.",
        "Without kmsKeyArn, AgentCore encrypts the gateway with an AWS owned key.",
    ],
    settings: [
        {
            path: "kmsKeyArn",
            expect: { kind: "present" },
            missing: { verdict: "violation", providerDefault: "an AWS owned key" },
            examples: {
                violating: "",
                compliant: "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
            },
        },
    ],
    compliantExample: {
        name: "tools",
        roleArn: "arn:aws:iam::123456789012:role/bedrock",
        authorizerType: "AWS_IAM",
        protocolType: "MCP",
        kmsKeyArn: "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
    },
});
