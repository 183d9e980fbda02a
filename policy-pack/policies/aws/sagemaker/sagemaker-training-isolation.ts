import { cite } from "../../../core/citations";
import { defineSettingsPolicy } from "../../../core/settings";

export default defineSettingsPolicy({
    id: "sagemaker-training-isolation",
    cloud: "aws",
    resourceTypes: ["aws:sagemaker/trainingJob:TrainingJob"],
    area: "network-isolation",
    layer: "paas",
    severity: "high",
    enforcementLevel: "mandatory",
    description:
        "SageMaker training jobs run with network isolation enabled, attached to VPC subnets and security groups.",
    controls: cite({
        "nist-800-53": {
            implements: ["SC-7(5)"],
            supports: ["SC-7"],
            why: "Training containers get no outbound network access and run attached to customer subnets.",
        },
        "mitre-atlas": {
            mitigates: ["AML.T0025", "AML.T0010.001"],
            why: "Training code cannot send training data or weights out, and a compromised training dependency cannot call home.",
        },
        "nist-ai-rmf": {
            supports: ["MEASURE 2.7"],
            why: "Isolation of the training environment is a security property of model development the check evaluates.",
        },
        "iso-27001": {
            implements: ["A.8.22"],
            why: "Segregation of networks: training runs isolated from other networks.",
        },
    }),
    peers: [
        { tool: "prowler", id: "sagemaker_training_jobs_network_isolation_enabled" },
        { tool: "prowler", id: "sagemaker_training_jobs_vpc_settings_configured" },
    ],
    remediation: [
        "Set enableNetworkIsolation to true on the training job.",
        "Set vpcConfig.subnets and vpcConfig.securityGroupIds to private subnets and security groups of the AI VPC.",
    ],
    notes: [
        "enableNetworkIsolation defaults to false and a job without vpcConfig runs outside your VPC, so each missing setting fails.",
        "Subnet and security group ids are usually unknown during preview; the check tests their presence, so unknown lists count as set. An unknown enableNetworkIsolation is decided at pulumi up.",
        "Most training is launched from SDKs or pipelines rather than as aws.sagemaker.TrainingJob resources; those jobs are out of scope.",
    ],
    settings: [
        {
            path: "enableNetworkIsolation",
            expect: { kind: "oneOf", values: [true] },
            missing: { verdict: "violation", providerDefault: "false" },
            examples: { violating: false, compliant: true },
        },
        {
            path: "vpcConfig.subnets",
            expect: { kind: "present" },
            missing: { verdict: "violation", providerDefault: "no VPC" },
            examples: { violating: [], compliant: ["subnet-0123456789abcdef0"] },
        },
        {
            path: "vpcConfig.securityGroupIds",
            expect: { kind: "present" },
            missing: { verdict: "violation", providerDefault: "no VPC" },
            examples: { violating: [], compliant: ["sg-0123456789abcdef0"] },
        },
    ],
    compliantExample: {
        trainingJobName: "train",
        roleArn: "arn:aws:iam::123456789012:role/training",
        enableNetworkIsolation: true,
        enableInterContainerTrafficEncryption: true,
        vpcConfig: { subnets: ["subnet-0123456789abcdef0"], securityGroupIds: ["sg-0123456789abcdef0"] },
        resourceConfig: {
            instanceType: "ml.m5.xlarge",
            instanceCount: 1,
            volumeSizeInGb: 30,
            volumeKmsKeyId: "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
        },
        outputDataConfig: {
            s3OutputPath: "s3://models/output",
            kmsKeyId: "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
        },
    },
});
