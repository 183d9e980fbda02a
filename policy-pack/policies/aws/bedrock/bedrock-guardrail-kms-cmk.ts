import { cite } from "../../../core/citations";
import { defineSettingsPolicy } from "../../../core/settings";

export default defineSettingsPolicy({
    id: "bedrock-guardrail-kms-cmk",
    cloud: "aws",
    resourceTypes: ["aws:bedrock/guardrail:Guardrail"],
    area: "model-storage",
    layer: "fm-api",
    severity: "low",
    enforcementLevel: "advisory",
    description: "Bedrock guardrails are encrypted with a customer managed KMS key.",
    controls: cite({
        "nist-800-53": {
            implements: ["SC-28(1)"],
            supports: ["SC-12"],
            why: "Encrypted at rest under a customer managed key, whose use the customer controls and can revoke: guardrail configuration.",
        },
        "mitre-atlas": {
            implements: ["AML.M0012"],
            mitigates: ["AML.T0036"],
            why: "Encryption under a customer key (AML.M0012) leaves a stolen copy of guardrail configuration unreadable without use of the key.",
        },
        "iso-27001": {
            implements: ["A.8.24"],
            why: "Use of cryptography: the check requires encryption at rest with a customer managed key.",
        },
    }),
    peers: [],
    remediation: ["Set kmsKeyArn to the ARN of a customer managed aws.kms.Key (with rotation on)."],
    notes: [
        "The key is usually key.arn of a key in the same stack, unknown during preview; the check tests presence, so it decides during preview.",
        "Without kmsKeyArn, Bedrock encrypts the guardrail configuration (denied topics, word lists, regexes) with an AWS owned key. Advisory, because the configuration holds no model input or output.",
        "No peer tool checks guardrail keys; this extends Prowler bedrock_prompt_encrypted_with_cmk to them.",
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
        name: "default",
        blockedInputMessaging: "Blocked.",
        blockedOutputsMessaging: "Blocked.",
        kmsKeyArn: "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
    },
});
