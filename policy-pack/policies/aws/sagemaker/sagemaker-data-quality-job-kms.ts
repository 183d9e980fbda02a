import { cite } from "../../../core/citations";
import { defineSettingsPolicy } from "../../../core/settings";
import { compliantDataQualityJobDefinition } from "../../../shared/aws-sagemaker-examples";

export default defineSettingsPolicy({
    id: "sagemaker-data-quality-job-kms",
    cloud: "aws",
    resourceTypes: ["aws:sagemaker/dataQualityJobDefinition:DataQualityJobDefinition"],
    area: "model-storage",
    layer: "paas",
    severity: "medium",
    enforcementLevel: "mandatory",
    description:
        "SageMaker data-quality monitoring job definitions encrypt their output and processing volume with customer managed KMS keys.",
    controls: cite({
        "nist-800-53": {
            implements: ["SC-28(1)"],
            supports: ["SC-12"],
            why: "Encrypted at rest under a customer managed key, whose use the customer controls and can revoke: monitoring output and processing volumes.",
        },
        "mitre-atlas": {
            implements: ["AML.M0012"],
            mitigates: ["AML.T0036"],
            why: "Encryption under a customer key (AML.M0012) leaves a stolen copy of monitoring output and processing volumes unreadable without use of the key.",
        },
        "iso-27001": {
            implements: ["A.8.24"],
            why: "Use of cryptography: the check requires encryption at rest with a customer managed key.",
        },
    }),
    peers: [
        { tool: "checkov", id: "CKV_AWS_367" },
        { tool: "checkov", id: "CKV_AWS_368" },
    ],
    remediation: [
        "Set dataQualityJobOutputConfig.kmsKeyId to the ARN of a customer managed KMS key.",
        "Set jobResources.clusterConfig.volumeKmsKeyId to the ARN of a customer managed KMS key.",
    ],
    notes: [
        "Monitoring jobs read captured inference data (prompts and outputs); without keys the output and volume use AWS managed encryption, so missing keys fail.",
        "Key ARNs are usually unknown during preview; the check tests presence, so an unknown key counts as set and the check decides during preview.",
    ],
    settings: [
        {
            path: "dataQualityJobOutputConfig.kmsKeyId",
            expect: { kind: "present" },
            missing: { verdict: "violation", providerDefault: "an AWS managed key" },
            examples: {
                violating: "",
                compliant: "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
            },
        },
        {
            path: "jobResources.clusterConfig.volumeKmsKeyId",
            expect: { kind: "present" },
            missing: { verdict: "violation", providerDefault: "an AWS managed key" },
            examples: {
                violating: "",
                compliant: "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
            },
        },
    ],
    compliantExample: compliantDataQualityJobDefinition,
});
