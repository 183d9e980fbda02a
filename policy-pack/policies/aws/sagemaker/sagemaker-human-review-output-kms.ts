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
