import { cite } from "../../../core/citations";
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
    controls: cite({
        "nist-800-53": {
            implements: ["SC-28(1)"],
            supports: ["SC-12"],
            why: "Encrypted at rest under a customer managed key, whose use the customer controls and can revoke: the Studio home volume.",
        },
        "mitre-atlas": {
            implements: ["AML.M0012"],
            mitigates: ["AML.T0035"],
            why: "Encryption under a customer key (AML.M0012) leaves a stolen copy of the Studio home volume unreadable without use of the key.",
        },
        "iso-27001": {
            implements: ["A.8.24"],
            why: "Use of cryptography: the check requires encryption at rest with a customer managed key.",
        },
    }),
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
