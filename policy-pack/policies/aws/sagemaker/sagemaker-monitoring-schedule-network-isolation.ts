import { defineSettingsPolicy } from "../../../core/settings";

export default defineSettingsPolicy({
    id: "sagemaker-monitoring-schedule-network-isolation",
    cloud: "aws",
    resourceTypes: ["aws:sagemaker/monitoringSchedule:MonitoringSchedule"],
    area: "network-isolation",
    layer: "paas",
    severity: "medium",
    enforcementLevel: "mandatory",
    description: "SageMaker monitoring schedules with an inline job definition run it with network isolation enabled.",
    controls: [
        { framework: "nist-800-53", id: "SC-7" },
        { framework: "nist-800-53", id: "SC-7(5)" },
        { framework: "nist-800-53", id: "AC-4" },
        { framework: "mitre-atlas", id: "AML.M0019" },
        { framework: "mitre-atlas", id: "AML.T0025" },
        { framework: "nist-ai-rmf", id: "MEASURE 2.7" },
        { framework: "iso-27001", id: "A.8.20" },
        { framework: "iso-27001", id: "A.8.22" },
        { framework: "iso-42001", id: "A.4.5" },
        { framework: "owasp-llm", id: "LLM02" },
    ],
    peers: [{ tool: "aws-securityhub", id: "SageMaker.14" }],
    remediation: ["Set monitoringScheduleConfig.monitoringJobDefinition.networkConfig.enableNetworkIsolation to true."],
    notes: [
        "enableNetworkIsolation defaults to false, so an inline job definition without networkConfig, or with the flag unset, fails.",
        "A schedule that names a separate job definition (monitoringJobDefinitionName) has no inline definition and is not checked here; sagemaker-data-quality-job-network-isolation checks data-quality job definitions in the stack.",
        "The value is a literal in programs, so the check decides during preview; a computed unknown value or an unknown inline definition is decided at pulumi up.",
    ],
    settings: [
        {
            path: "monitoringScheduleConfig.monitoringJobDefinition.networkConfig.enableNetworkIsolation",
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
