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
    controls: [
        { framework: "nist-800-53", id: "SC-28" },
        { framework: "nist-800-53", id: "SC-28(1)" },
        { framework: "nist-800-53", id: "SC-12" },
        { framework: "mitre-atlas", id: "AML.M0012" },
        { framework: "mitre-atlas", id: "AML.T0035" },
        { framework: "nist-ai-rmf", id: "MEASURE 2.7" },
        { framework: "iso-27001", id: "A.8.24" },
        { framework: "iso-42001", id: "A.4.3" },
        { framework: "owasp-llm", id: "LLM02" },
        { framework: "nist-ai-rmf", id: "MEASURE 2.10" },
    ],
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
