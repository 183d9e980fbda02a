import { cite } from "../../../core/citations";
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
    controls: cite({
        "nist-800-53": {
            implements: ["SC-8(1)"],
            supports: ["SC-8"],
            why: "Traffic between the containers of distributed training jobs is encrypted in transit.",
        },
        "mitre-atlas": {
            supports: ["AML.M0012"],
            why: "Encrypting traffic between containers keeps model and data in transit unreadable to an observer on the network.",
        },
        "iso-27001": {
            supports: ["A.8.24"],
            why: "Use of cryptography: in-transit encryption between cluster nodes is on.",
        },
    }),
    peers: [{ tool: "prowler", id: "sagemaker_training_jobs_intercontainer_encryption_enabled" }],
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
