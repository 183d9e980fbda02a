import { cite } from "../../../core/citations";
import { defineSettingsPolicy } from "../../../core/settings";

export default defineSettingsPolicy({
    id: "sagemaker-human-review-output-kms",
    cloud: "aws",
    resourceTypes: ["aws:sagemaker/flowDefinition:FlowDefinition"],
    area: "model-storage",
    layer: "paas",
    severity: "medium",
    enforcementLevel: "mandatory",
    description: "SageMaker Augmented AI flow definitions encrypt human-review output with a customer managed KMS key.",
    controls: cite({
        "nist-800-53": {
            implements: ["SC-28(1)"],
            supports: ["SC-12"],
            why: "Encrypted at rest under a customer managed key, whose use the customer controls and can revoke: human-review output.",
        },
        "mitre-atlas": {
            implements: ["AML.M0012"],
            mitigates: ["AML.T0036"],
            why: "Encryption under a customer key (AML.M0012) leaves a stolen copy of human-review output unreadable without use of the key.",
        },
        "iso-27001": {
            implements: ["A.8.24"],
            why: "Use of cryptography: the check requires encryption at rest with a customer managed key.",
        },
    }),
    peers: [{ tool: "checkov", id: "CKV_AWS_372" }],
    remediation: ["Set outputConfig.kmsKeyId to the ARN of a customer managed KMS key."],
    notes: [
        "Human-loop output contains the model inputs and outputs under review; without kmsKeyId it is encrypted with an AWS managed key, so a missing key fails.",
        "The key ARN is usually unknown during preview; the check tests presence, so an unknown key counts as set.",
    ],
    settings: [
        {
            path: "outputConfig.kmsKeyId",
            expect: { kind: "present" },
            missing: { verdict: "violation", providerDefault: "an AWS managed key" },
            examples: {
                violating: "",
                compliant: "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
            },
        },
    ],
    compliantExample: {
        flowDefinitionName: "review",
        roleArn: "arn:aws:iam::123456789012:role/a2i",
        humanLoopConfig: {
            humanTaskUiArn: "arn:aws:sagemaker:us-east-1:123456789012:human-task-ui/review",
            taskAvailabilityLifetimeInSeconds: 3600,
            taskCount: 1,
            taskDescription: "Review model output",
            taskTitle: "Review",
            workteamArn: "arn:aws:sagemaker:us-east-1:123456789012:workteam/private-crowd/reviewers",
        },
        outputConfig: {
            s3OutputPath: "s3://reviews/output",
            kmsKeyId: "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
        },
    },
});
