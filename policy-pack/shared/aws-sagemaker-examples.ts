// Compliant SageMaker inputs shared by the checks of one resource type: each check mutates its own
// settings of the same baseline in the shared settings test.
import type { JsonValue } from "../core/settings";

/** A data-quality job definition with every setting the SageMaker job-definition checks look at. */
export const compliantDataQualityJobDefinition: Readonly<Record<string, JsonValue>> = {
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
};

/** A SageMaker model with network isolation and a VPC. */
export const compliantModel: Readonly<Record<string, JsonValue>> = {
    executionRoleArn: "arn:aws:iam::123456789012:role/model",
    primaryContainer: {
        image: "123456789012.dkr.ecr.us-east-1.amazonaws.com/inference:1.0",
        modelDataUrl: "s3://models/model.tar.gz",
    },
    enableNetworkIsolation: true,
    vpcConfig: { subnets: ["subnet-0123456789abcdef0"], securityGroupIds: ["sg-0123456789abcdef0"] },
};

/** A monitoring schedule with an inline job definition that passes every schedule check. */
export const compliantMonitoringSchedule: Readonly<Record<string, JsonValue>> = {
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
};
