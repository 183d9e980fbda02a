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
        { framework: "owasp-llm", id: "LLM07" },
        { framework: "mitre-atlas", id: "AML.T0056" },
    ],
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
