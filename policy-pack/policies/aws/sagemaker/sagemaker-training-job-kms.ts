import { defineSettingsPolicy } from "../../../core/settings";

export default defineSettingsPolicy({
    id: "sagemaker-training-job-kms",
    cloud: "aws",
    resourceTypes: ["aws:sagemaker/trainingJob:TrainingJob"],
    area: "model-storage",
    layer: "paas",
    severity: "high",
    enforcementLevel: "mandatory",
    description:
        "SageMaker training jobs encrypt their training volumes and output model artifacts with customer managed KMS keys.",
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
    peers: [{ tool: "prowler", id: "sagemaker_training_jobs_volume_and_output_encryption_enabled" }],
    remediation: [
        "Set resourceConfig.volumeKmsKeyId to the ARN of a customer managed KMS key.",
        "Set outputDataConfig.kmsKeyId to the ARN of a customer managed KMS key, so the model artifacts (weights) are encrypted with it.",
    ],
    notes: [
        "Without keys the training volume and the output artifacts use AWS managed encryption, so missing keys fail.",
        "Key ARNs are usually unknown during preview; the check tests presence, so an unknown key counts as set and the check decides during preview.",
        "Instance types with only local NVMe storage ignore the volume key; set it anyway for portability, or disable the policy for such jobs.",
        "Most training is launched from SDKs or pipelines rather than as aws.sagemaker.TrainingJob resources; those jobs are out of scope.",
    ],
    settings: [
        {
            path: "resourceConfig.volumeKmsKeyId",
            expect: { kind: "present" },
            missing: { verdict: "violation", providerDefault: "an AWS managed key" },
            examples: {
                violating: "",
                compliant: "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
            },
        },
        {
            path: "outputDataConfig.kmsKeyId",
            expect: { kind: "present" },
            missing: { verdict: "violation", providerDefault: "an AWS managed key" },
            examples: {
                violating: "",
                compliant: "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
            },
        },
    ],
    compliantExample: {
        trainingJobName: "train",
        roleArn: "arn:aws:iam::123456789012:role/training",
        enableNetworkIsolation: true,
        resourceConfig: {
            instanceType: "ml.m5.xlarge",
            instanceCount: 1,
            volumeSizeInGb: 30,
            volumeKmsKeyId: "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
        },
        outputDataConfig: {
            s3OutputPath: "s3://models/output",
            kmsKeyId: "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
        },
    },
});
