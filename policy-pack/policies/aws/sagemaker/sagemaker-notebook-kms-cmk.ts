import { cite } from "../../../core/citations";
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
    controls: cite({
        "nist-800-53": {
            implements: ["SC-28(1)"],
            supports: ["SC-12"],
            why: "Encrypted at rest under a customer managed key, whose use the customer controls and can revoke: the notebook instance's storage volume.",
        },
        "mitre-atlas": {
            implements: ["AML.M0012"],
            mitigates: ["AML.T0035"],
            why: "Encryption under a customer key (AML.M0012) leaves a stolen copy of the notebook instance's storage volume unreadable without use of the key.",
        },
        "iso-27001": {
            implements: ["A.8.24"],
            why: "Use of cryptography: the check requires encryption at rest with a customer managed key.",
        },
    }),
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
