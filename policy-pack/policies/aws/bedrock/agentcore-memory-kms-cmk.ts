import { cite } from "../../../core/citations";
import { defineSettingsPolicy } from "../../../core/settings";

export default defineSettingsPolicy({
    id: "agentcore-memory-kms-cmk",
    cloud: "aws",
    resourceTypes: ["aws:bedrock/agentcoreMemory:AgentcoreMemory"],
    area: "model-storage",
    layer: "fm-api",
    severity: "high",
    enforcementLevel: "mandatory",
    description: "Bedrock AgentCore memories encrypt stored conversation events with a customer managed KMS key.",
    controls: cite({
        "nist-800-53": {
            implements: ["SC-28(1)"],
            supports: ["SC-12"],
            why: "Encrypted at rest under a customer managed key, whose use the customer controls and can revoke: agent memory (stored conversation events).",
        },
        "mitre-atlas": {
            implements: ["AML.M0012"],
            mitigates: ["AML.T0036"],
            why: "Encryption under a customer key (AML.M0012) leaves a stolen copy of agent memory (stored conversation events) unreadable without use of the key.",
        },
        "nist-ai-600-1": {
            mitigates: ["data-privacy"],
            why: "Conversation events stored as agent memory can contain personal data; they are encrypted under a customer key.",
        },
        "iso-27001": {
            implements: ["A.8.24"],
            why: "Use of cryptography: the check requires encryption at rest with a customer managed key.",
        },
    }),
    peers: [{ tool: "aws-securityhub", id: "BedrockAgentCore.3" }],
    remediation: [
        "Set encryptionKeyArn to the ARN of a customer managed aws.kms.Key (with rotation on).",
        "Allow the memory execution role to use the key.",
    ],
    notes: [
        "The key is usually key.arn of a key in the same stack, unknown during preview; the check tests presence, so it decides during preview.",
        "Agent memory stores conversation content (prompts, answers, extracted user facts). Without encryptionKeyArn, AgentCore uses an AWS owned key.",
    ],
    settings: [
        {
            path: "encryptionKeyArn",
            expect: { kind: "present" },
            missing: { verdict: "violation", providerDefault: "an AWS owned key" },
            examples: {
                violating: "",
                compliant: "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
            },
        },
    ],
    compliantExample: {
        name: "support_memory",
        eventExpiryDuration: 30,
        encryptionKeyArn: "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
    },
});
