import { cite } from "../../../core/citations";
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
    controls: cite({
        "nist-800-53": {
            implements: ["SC-28(1)"],
            supports: ["SC-12"],
            why: "Encrypted at rest under a customer managed key, whose use the customer controls and can revoke: flow definitions.",
        },
        "mitre-atlas": {
            implements: ["AML.M0012"],
            mitigates: ["AML.T0084"],
            why: "Encryption under a customer key (AML.M0012) leaves a stolen copy of flow definitions unreadable without use of the key.",
        },
        "iso-27001": {
            implements: ["A.8.24"],
            why: "Use of cryptography: the check requires encryption at rest with a customer managed key.",
        },
    }),
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
