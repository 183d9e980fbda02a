import { defineSettingsPolicy } from "../../../core/settings";

export default defineSettingsPolicy({
    id: "sagemaker-training-job-inter-container-encryption",
    cloud: "aws",
    resourceTypes: ["aws:sagemaker/trainingJob:TrainingJob"],
    area: "model-storage",
    layer: "paas",
    severity: "medium",
    enforcementLevel: "mandatory",
    description: "SageMaker training jobs encrypt traffic between their training containers.",
    controls: [
        { framework: "nist-800-53", id: "SC-8" },
        { framework: "nist-800-53", id: "SC-8(1)" },
        { framework: "mitre-atlas", id: "AML.M0012" },
        { framework: "mitre-atlas", id: "AML.T0025" },
        { framework: "nist-ai-rmf", id: "MEASURE 2.7" },
        { framework: "iso-27001", id: "A.8.24" },
        { framework: "iso-42001", id: "A.4.3" },
        { framework: "owasp-llm", id: "LLM02" },
    ],
    peers: [
        { tool: "checkov", id: "CKV_AWS_369" },
        { tool: "prowler", id: "sagemaker_training_jobs_intercontainer_encryption_enabled" },
    ],
    remediation: ["Set enableInterContainerTrafficEncryption to true on the training job."],
    notes: [
        "enableInterContainerTrafficEncryption defaults to false, so a training job that leaves it unset fails.",
        "Distributed training exchanges model parameters and data between instances; a single-instance job has no such traffic, but the flag costs little there and keeps the job safe when it is scaled out, so the check fails it too.",
        "The value is a literal in programs, so the check decides during preview; a computed unknown value is decided at pulumi up.",
    ],
    settings: [
        {
            path: "enableInterContainerTrafficEncryption",
            expect: { kind: "oneOf", values: [true] },
            missing: { verdict: "violation", providerDefault: "false" },
            examples: { violating: false, compliant: true },
        },
    ],
    compliantExample: {
        trainingJobName: "train",
        roleArn: "arn:aws:iam::123456789012:role/training",
        enableNetworkIsolation: true,
        enableInterContainerTrafficEncryption: true,
        resourceConfig: { instanceType: "ml.p4d.24xlarge", instanceCount: 2, volumeSizeInGb: 100 },
    },
});
