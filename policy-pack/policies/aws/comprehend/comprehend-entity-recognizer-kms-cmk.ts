import { cite } from "../../../core/citations";
import { defineSettingsPolicy } from "../../../core/settings";

export default defineSettingsPolicy({
    id: "comprehend-entity-recognizer-kms-cmk",
    cloud: "aws",
    resourceTypes: ["aws:comprehend/entityRecognizer:EntityRecognizer"],
    area: "model-storage",
    layer: "paas",
    severity: "medium",
    enforcementLevel: "advisory",
    description:
        "Comprehend custom entity recognizers encrypt the trained model and the training volume with customer managed KMS keys.",
    controls: cite({
        "nist-800-53": {
            implements: ["SC-28(1)"],
            supports: ["SC-12"],
            why: "Encrypted at rest under a customer managed key, whose use the customer controls and can revoke: the trained entity recognizer and its training volume.",
        },
        "mitre-atlas": {
            implements: ["AML.M0012"],
            mitigates: ["AML.T0035"],
            why: "Encryption under a customer key (AML.M0012) leaves a stolen copy of the trained entity recognizer and its training volume unreadable without use of the key.",
        },
        "iso-27001": {
            implements: ["A.8.24"],
            why: "Use of cryptography: the check requires encryption at rest with a customer managed key.",
        },
    }),
    peers: [
        { tool: "checkov", id: "CKV_AWS_267" },
        { tool: "checkov", id: "CKV_AWS_268" },
    ],
    remediation: [
        "Set modelKmsKeyId and volumeKmsKeyId to the ARN of a customer managed aws.kms.Key (with rotation on).",
        "Allow the data access role to use the key.",
    ],
    notes: [
        "The key is usually key.arn of a key in the same stack, unknown during preview; the check tests presence, so it decides during preview.",
        "Without these keys, Comprehend encrypts the model and the training volume with AWS owned keys. Advisory, because Comprehend is a non-generative AI service that is optional scope for the pack.",
    ],
    settings: [
        {
            path: "modelKmsKeyId",
            expect: { kind: "present" },
            missing: { verdict: "violation", providerDefault: "an AWS owned key" },
            examples: {
                violating: "",
                compliant: "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
            },
        },
        {
            path: "volumeKmsKeyId",
            expect: { kind: "present" },
            missing: { verdict: "violation", providerDefault: "an AWS owned key" },
            examples: {
                violating: "",
                compliant: "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
            },
        },
    ],
    compliantExample: {
        name: "products",
        dataAccessRoleArn: "arn:aws:iam::123456789012:role/comprehend",
        languageCode: "en",
        modelKmsKeyId: "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
        volumeKmsKeyId: "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
        inputDataConfig: {
            entityTypes: [{ type: "PRODUCT" }],
            documents: { s3Uri: "s3://train/docs.txt" },
            entityList: { s3Uri: "s3://train/entities.csv" },
        },
    },
});
