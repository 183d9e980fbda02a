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
