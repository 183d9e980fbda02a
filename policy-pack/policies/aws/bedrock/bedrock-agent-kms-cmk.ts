import { cite } from "../../../core/citations";
import { defineSettingsPolicy } from "../../../core/settings";

export default defineSettingsPolicy({
    id: "bedrock-agent-kms-cmk",
    cloud: "aws",
    resourceTypes: ["aws:bedrock/agentAgent:AgentAgent"],
    area: "model-storage",
    layer: "fm-api",
    severity: "high",
    enforcementLevel: "mandatory",
    description: "Bedrock agents encrypt their agent data and session state with a customer managed KMS key.",
    controls: cite({
        "nist-800-53": {
            implements: ["SC-28(1)"],
            supports: ["SC-12"],
            why: "Encrypted at rest under a customer managed key, whose use the customer controls and can revoke: agent configuration and session state.",
        },
        "mitre-atlas": {
            implements: ["AML.M0012"],
            mitigates: ["AML.T0036"],
            why: "Encryption under a customer key (AML.M0012) leaves a stolen copy of agent configuration and session state unreadable without use of the key.",
        },
        "nist-ai-600-1": {
            mitigates: ["information-security"],
            why: "Agent sessions hold user prompts and tool results; they are encrypted under a customer key.",
        },
        "iso-27001": {
            implements: ["A.8.24"],
            why: "Use of cryptography: the check requires encryption at rest with a customer managed key.",
        },
    }),
    peers: [{ tool: "checkov", id: "CKV_AWS_373" }],
    remediation: [
        "Set customerEncryptionKeyArn to the ARN of a customer managed aws.kms.Key (with rotation on).",
        "Allow the Bedrock service and the agent role to use the key in its key policy.",
    ],
    notes: [
        "The key is usually key.arn of a key in the same stack, unknown during preview; the check tests presence, so it decides during preview.",
        "Without customerEncryptionKeyArn, Bedrock encrypts agent resources with an AWS owned key.",
    ],
    settings: [
        {
            path: "customerEncryptionKeyArn",
            expect: { kind: "present" },
            missing: { verdict: "violation", providerDefault: "an AWS owned key" },
            examples: {
                violating: "",
                compliant: "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
            },
        },
    ],
    compliantExample: {
        agentName: "support",
        agentResourceRoleArn: "arn:aws:iam::123456789012:role/bedrock",
        foundationModel: "anthropic.claude-3-haiku-20240307-v1:0",
        customerEncryptionKeyArn: "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
    },
});
