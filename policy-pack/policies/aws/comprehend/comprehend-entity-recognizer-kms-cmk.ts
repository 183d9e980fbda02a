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
