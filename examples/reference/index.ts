// A small but real AI system on AWS: a SageMaker inference endpoint serving weights from S3, inside
// a VPC, plus a data-science notebook. It is written the way teams often write it, with gaps that
// aiguard finds:
//  - the weights bucket uses the default SSE-S3 encryption, not a customer-managed key;
//  - the endpoint configuration captures no model input or output;
//  - the notebook keeps the provider default of direct internet access;
//  - the inference security group admits HTTPS from anywhere.
import * as aws from "@pulumi/aws";

const tags = { "aiguard:system": "ai", app: "fraud-scoring" };

const vpc = new aws.ec2.Vpc("ml-vpc", { cidrBlock: "10.20.0.0/16", enableDnsHostnames: true, tags });
const subnet = new aws.ec2.Subnet("ml-private-a", {
    vpcId: vpc.id,
    cidrBlock: "10.20.1.0/24",
    availabilityZone: "us-east-1a",
    tags,
});

const inferenceSg = new aws.ec2.SecurityGroup("inference-sg", {
    vpcId: vpc.id,
    description: "SageMaker inference containers",
    ingress: [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"] }],
    egress: [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: [vpc.cidrBlock] }],
    tags,
});

const modelKey = new aws.kms.Key("model-key", { enableKeyRotation: true, deletionWindowInDays: 30, tags });

const weights = new aws.s3.Bucket("model-weights", { forceDestroy: false, tags });
new aws.s3.BucketPublicAccessBlock("model-weights-pab", {
    bucket: weights.id,
    blockPublicAcls: true,
    blockPublicPolicy: true,
    ignorePublicAcls: true,
    restrictPublicBuckets: true,
});
new aws.s3.BucketServerSideEncryptionConfiguration("model-weights-sse", {
    bucket: weights.id,
    rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }],
});

const role = new aws.iam.Role("inference-role", {
    assumeRolePolicy: JSON.stringify({
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Principal: { Service: "sagemaker.amazonaws.com" }, Action: "sts:AssumeRole" }],
    }),
    tags,
});

const model = new aws.sagemaker.Model("fraud-model", {
    executionRoleArn: role.arn,
    enableNetworkIsolation: true,
    primaryContainer: {
        image: "763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-inference:2.3.0-cpu-py311",
        modelDataUrl: weights.bucket.apply((b) => `s3://${b}/fraud/model.tar.gz`),
    },
    vpcConfig: { subnets: [subnet.id], securityGroupIds: [inferenceSg.id] },
    tags,
});

const endpointConfig = new aws.sagemaker.EndpointConfiguration("fraud-config", {
    kmsKeyArn: modelKey.arn,
    productionVariants: [
        { variantName: "primary", modelName: model.name, initialInstanceCount: 1, instanceType: "ml.m5.large" },
    ],
    tags,
});

const endpoint = new aws.sagemaker.Endpoint("fraud-endpoint", { endpointConfigName: endpointConfig.name, tags });

const notebook = new aws.sagemaker.NotebookInstance("research-notebook", {
    roleArn: role.arn,
    instanceType: "ml.t3.medium",
    kmsKeyId: modelKey.arn,
    subnetId: subnet.id,
    securityGroups: [inferenceSg.id],
    tags,
});

export const endpointName = endpoint.name;
export const notebookName = notebook.name;
