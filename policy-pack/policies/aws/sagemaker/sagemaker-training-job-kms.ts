import { cite } from "../../../core/citations";
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
    controls: cite({
        "nist-800-53": {
            implements: ["SC-28(1)"],
            supports: ["SC-12"],
            why: "Encrypted at rest under a customer managed key, whose use the customer controls and can revoke: training volumes and output model artifacts.",
        },
        "mitre-atlas": {
            implements: ["AML.M0012"],
            mitigates: ["AML.T0035"],
            why: "Encryption under a customer key (AML.M0012) leaves a stolen copy of training volumes and output model artifacts unreadable without use of the key.",
        },
        "iso-27001": {
            implements: ["A.8.24"],
            why: "Use of cryptography: the check requires encryption at rest with a customer managed key.",
        },
    }),
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
