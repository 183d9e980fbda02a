import { defineSettingsPolicy } from "../../../core/settings";

export default defineSettingsPolicy({
    id: "bedrock-flow-kms-cmk",
    cloud: "aws",
    resourceTypes: ["aws:bedrock/agentFlow:AgentFlow"],
    area: "model-storage",
    layer: "fm-api",
    severity: "medium",
    enforcementLevel: "mandatory",
    description: "Bedrock flows are encrypted with a customer managed KMS key.",
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
    ],
    peers: [],
    remediation: [
        "Set customerEncryptionKeyArn to the ARN of a customer managed aws.kms.Key (with rotation on).",
        "Allow the flow execution role to use the key.",
    ],
    notes: [
        "The key is usually key.arn of a key in the same stack, unknown during preview; the check tests presence, so it decides during preview.",
        "Without customerEncryptionKeyArn, Bedrock encrypts the flow definition with an AWS owned key.",
        "No peer tool checks flows; this extends Prowler bedrock_prompt_encrypted_with_cmk to them.",
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
        name: "triage",
        executionRoleArn: "arn:aws:iam::123456789012:role/bedrock",
        customerEncryptionKeyArn: "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
    },
});
