import { defineSettingsPolicy } from "../../../core/settings";

export default defineSettingsPolicy({
    id: "sagemaker-domain-kms-cmk",
    cloud: "aws",
    resourceTypes: ["aws:sagemaker/domain:Domain"],
    area: "model-storage",
    layer: "paas",
    severity: "high",
    enforcementLevel: "mandatory",
    description: "SageMaker Studio domains encrypt the home EFS volume with a customer managed KMS key.",
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
    peers: [{ tool: "checkov", id: "CKV_AWS_187" }],
    remediation: [
        "Set kmsKeyId to the ARN of a customer managed aws.kms.Key (with rotation on) when creating the domain; the key cannot be changed later.",
    ],
    notes: [
        "Without kmsKeyId the Studio home volume uses an AWS managed key, so a missing key fails.",
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
        domainName: "studio",
        authMode: "SSO",
        vpcId: "vpc-0123456789abcdef0",
        subnetIds: ["subnet-0123456789abcdef0"],
        appNetworkAccessType: "VpcOnly",
        kmsKeyId: "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
        defaultUserSettings: {
            executionRole: "arn:aws:iam::123456789012:role/studio",
            securityGroups: ["sg-0123456789abcdef0"],
        },
    },
});
