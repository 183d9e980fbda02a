import { cite } from "../../../core/citations";
import { defineSettingsPolicy } from "../../../core/settings";

export default defineSettingsPolicy({
    id: "bedrock-prompt-kms-cmk",
    cloud: "aws",
    resourceTypes: ["aws:bedrock/agentPrompt:AgentPrompt"],
    area: "model-storage",
    layer: "fm-api",
    severity: "medium",
    enforcementLevel: "mandatory",
    description: "Bedrock prompt management prompts are encrypted with a customer managed KMS key.",
    controls: cite({
        "nist-800-53": {
            implements: ["SC-28(1)"],
            supports: ["SC-12"],
            why: "Encrypted at rest under a customer managed key, whose use the customer controls and can revoke: managed prompts.",
        },
        "mitre-atlas": {
            implements: ["AML.M0012"],
            mitigates: ["AML.T0056"],
            why: "Encryption under a customer key (AML.M0012) leaves a stolen copy of managed prompts unreadable without use of the key.",
        },
        "nist-ai-600-1": {
            mitigates: ["information-security"],
            why: "Prompt templates, which can carry business logic and instructions, are encrypted under a customer key.",
        },
        "iso-27001": {
            implements: ["A.8.24"],
            why: "Use of cryptography: the check requires encryption at rest with a customer managed key.",
        },
    }),
    peers: [{ tool: "prowler", id: "bedrock_prompt_encrypted_with_cmk" }],
    remediation: ["Set customerEncryptionKeyArn to the ARN of a customer managed aws.kms.Key (with rotation on)."],
    notes: [
        "The key is usually key.arn of a key in the same stack, unknown during preview; the check tests presence, so it decides during preview.",
        "Without customerEncryptionKeyArn, Bedrock encrypts the prompt templates (often system prompts) with an AWS owned key.",
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
        name: "summarize",
        customerEncryptionKeyArn: "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
        variants: [
            {
                name: "v1",
                templateType: "TEXT",
                modelId: "amazon.titan-text-express-v1",
                templateConfiguration: { text: { text: "Summarize {{input}}" } },
            },
        ],
    },
});
