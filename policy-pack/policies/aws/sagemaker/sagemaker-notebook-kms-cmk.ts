import { defineSettingsPolicy } from "../../../core/settings";

export default defineSettingsPolicy({
    id: "sagemaker-notebook-kms-cmk",
    cloud: "aws",
    resourceTypes: ["aws:sagemaker/notebookInstance:NotebookInstance"],
    area: "model-storage",
    layer: "paas",
    severity: "high",
    enforcementLevel: "mandatory",
    description: "SageMaker notebook instances encrypt their storage volume with a customer managed KMS key.",
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
        { tool: "checkov", id: "CKV_AWS_22" },
        { tool: "checkov", id: "CKV_AWS_187" },
        { tool: "kics", id: "f3674e0c-f6be-43fa-b71c-bf346d1aed99" },
        { tool: "prowler", id: "sagemaker_notebook_instance_encryption_enabled" },
        { tool: "aws-securityhub", id: "SageMaker.21" },
    ],
    remediation: [
        "Set kmsKeyId to the ARN of a customer managed aws.kms.Key (with rotation on) when creating the notebook.",
    ],
    notes: [
        "The key is usually key.arn of a key in the same stack, unknown during preview; the check tests presence, so it decides during preview.",
    ],
    settings: [
        {
            path: "kmsKeyId",
            expect: { kind: "present" },
            missing: { verdict: "violation", providerDefault: "an AWS managed key" },
            examples: {
                violating: "",
                compliant: "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
            },
        },
    ],
    compliantExample: {
        instanceType: "ml.t3.medium",
        roleArn: "arn:aws:iam::123456789012:role/notebook",
        kmsKeyId: "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
        directInternetAccess: "Disabled",
    },
});
