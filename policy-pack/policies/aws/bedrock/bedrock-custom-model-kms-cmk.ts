import { cite } from "../../../core/citations";
import { defineSettingsPolicy } from "../../../core/settings";

export default defineSettingsPolicy({
    id: "bedrock-custom-model-kms-cmk",
    cloud: "aws",
    resourceTypes: ["aws:bedrock/customModel:CustomModel"],
    area: "model-storage",
    layer: "fm-api",
    severity: "high",
    enforcementLevel: "mandatory",
    description: "Bedrock custom models encrypt their fine-tuned weights with a customer managed KMS key.",
    controls: cite({
        "nist-800-53": {
            implements: ["SC-28(1)"],
            supports: ["SC-12"],
            why: "Encrypted at rest under a customer managed key, whose use the customer controls and can revoke: fine-tuned model weights.",
        },
        "mitre-atlas": {
            implements: ["AML.M0012"],
            mitigates: ["AML.T0048.004"],
            why: "Encryption under a customer key (AML.M0012) leaves a stolen copy of fine-tuned model weights unreadable without use of the key.",
        },
        "nist-ai-600-1": {
            mitigates: ["information-security"],
            why: "Fine-tuned weights, which embed training data, are protected by a customer key.",
        },
        "iso-27001": {
            implements: ["A.8.24"],
            why: "Use of cryptography: the check requires encryption at rest with a customer managed key.",
        },
    }),
    peers: [{ tool: "prowler", id: "bedrock_custom_model_encrypted_with_cmk" }],
    remediation: [
        "Set customModelKmsKeyId to the ARN of a customer managed aws.kms.Key (with rotation on) when creating the customization job.",
        "Grant the customization role kms:Decrypt and kms:GenerateDataKey on the key.",
    ],
    notes: [
        "The key is usually key.arn of a key in the same stack, unknown during preview; the check tests presence, so it decides during preview.",
        "Without customModelKmsKeyId, Bedrock encrypts the custom model with an AWS owned key that gives no customer control over access or revocation. The setting forces a new customization job.",
    ],
    settings: [
        {
            path: "customModelKmsKeyId",
            expect: { kind: "present" },
            missing: { verdict: "violation", providerDefault: "an AWS owned key" },
            examples: {
                violating: "",
                compliant: "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
            },
        },
    ],
    compliantExample: {
        baseModelIdentifier: "arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-text-express-v1",
        customModelName: "tuned",
        jobName: "tune-1",
        roleArn: "arn:aws:iam::123456789012:role/bedrock",
        customModelKmsKeyId: "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
        hyperparameters: { epochCount: "1" },
        outputDataConfig: { s3Uri: "s3://out/" },
        trainingDataConfig: { s3Uri: "s3://train/data.jsonl" },
    },
});
