import { defineSettingsPolicy } from "../../../core/settings";

export default defineSettingsPolicy({
    id: "sagemaker-data-quality-job-inter-container-encryption",
    cloud: "aws",
    resourceTypes: ["aws:sagemaker/dataQualityJobDefinition:DataQualityJobDefinition"],
    area: "model-storage",
    layer: "paas",
    severity: "medium",
    enforcementLevel: "mandatory",
    description: "SageMaker data-quality monitoring job definitions encrypt traffic between their containers.",
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
        { tool: "aws-securityhub", id: "SageMaker.9" },
    ],
    remediation: [
        "Set networkConfig.enableInterContainerTrafficEncryption to true on the data-quality job definition.",
    ],
    notes: [
        "enableInterContainerTrafficEncryption defaults to false, so a job definition without networkConfig, or with the flag unset, fails.",
        "Security Hub SageMaker.9 fails the same cases, including single-instance definitions; Security Hub applies an instance-count condition only to model bias job definitions (SageMaker.15), which have no resource in @pulumi/aws.",
        "The value is a literal in programs, so the check decides during preview; a computed unknown value is decided at pulumi up.",
    ],
    settings: [
        {
            path: "networkConfig.enableInterContainerTrafficEncryption",
            expect: { kind: "oneOf", values: [true] },
            missing: { verdict: "violation", providerDefault: "false" },
            examples: { violating: false, compliant: true },
        },
    ],
    compliantExample: {
        roleArn: "arn:aws:iam::123456789012:role/monitor",
        dataQualityAppSpecification: {
            imageUri: "156813124566.dkr.ecr.us-east-1.amazonaws.com/sagemaker-model-monitor-analyzer",
        },
        dataQualityJobInput: { endpointInput: { endpointName: "endpoint", localPath: "/opt/ml/processing/input" } },
        dataQualityJobOutputConfig: {
            kmsKeyId: "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
            monitoringOutputs: { s3Output: { s3Uri: "s3://monitoring/out", localPath: "/opt/ml/processing/output" } },
        },
        jobResources: {
            clusterConfig: {
                instanceCount: 1,
                instanceType: "ml.m5.large",
                volumeSizeInGb: 20,
                volumeKmsKeyId: "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
            },
        },
        networkConfig: {
            enableNetworkIsolation: true,
            enableInterContainerTrafficEncryption: true,
            vpcConfig: { subnets: ["subnet-0123456789abcdef0"], securityGroupIds: ["sg-0123456789abcdef0"] },
        },
    },
});
