import { defineSettingsPolicy } from "../../../core/settings";

export default defineSettingsPolicy({
    id: "sagemaker-monitoring-schedule-inter-container-encryption",
    cloud: "aws",
    resourceTypes: ["aws:sagemaker/monitoringSchedule:MonitoringSchedule"],
    area: "model-storage",
    layer: "paas",
    severity: "medium",
    enforcementLevel: "mandatory",
    description: "SageMaker monitoring schedules with an inline job definition encrypt traffic between its containers.",
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
    peers: [{ tool: "aws-securityhub", id: "SageMaker.22" }],
    remediation: [
        "Set monitoringScheduleConfig.monitoringJobDefinition.networkConfig.enableInterContainerTrafficEncryption to true.",
    ],
    notes: [
        "enableInterContainerTrafficEncryption defaults to false, so an inline job definition without networkConfig, or with the flag unset, fails.",
        "A schedule that names a separate job definition (monitoringJobDefinitionName) is not checked here; sagemaker-data-quality-job-inter-container-encryption checks data-quality job definitions in the stack.",
        "Security Hub SageMaker.22 fails the same cases, including single-instance definitions; Security Hub applies an instance-count condition only to model bias job definitions (SageMaker.15), which have no resource in @pulumi/aws.",
    ],
    settings: [
        {
            path: "monitoringScheduleConfig.monitoringJobDefinition.networkConfig.enableInterContainerTrafficEncryption",
            expect: { kind: "oneOf", values: [true] },
            missing: { verdict: "violation", providerDefault: "false" },
            examples: { violating: false, compliant: true },
            onlyIf: { path: "monitoringScheduleConfig.monitoringJobDefinition" },
        },
    ],
    compliantExample: {
        monitoringScheduleConfig: {
            monitoringType: "DataQuality",
            scheduleConfig: { scheduleExpression: "cron(0 * ? * * *)" },
            monitoringJobDefinition: {
                roleArn: "arn:aws:iam::123456789012:role/monitor",
                monitoringAppSpecification: {
                    imageUri: "156813124566.dkr.ecr.us-east-1.amazonaws.com/sagemaker-model-monitor-analyzer",
                },
                monitoringInputs: {
                    endpointInput: { endpointName: "endpoint", localPath: "/opt/ml/processing/input" },
                },
                monitoringOutputConfig: {
                    kmsKeyId: "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
                    monitoringOutputs: {
                        s3Output: { s3Uri: "s3://monitoring/out", localPath: "/opt/ml/processing/output" },
                    },
                },
                monitoringResources: {
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
        },
    },
});
