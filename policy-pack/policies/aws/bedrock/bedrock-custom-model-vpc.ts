import { cite } from "../../../core/citations";
import { defineSettingsPolicy } from "../../../core/settings";

export default defineSettingsPolicy({
    id: "bedrock-custom-model-vpc",
    cloud: "aws",
    resourceTypes: ["aws:bedrock/customModel:CustomModel"],
    area: "network-isolation",
    layer: "fm-api",
    severity: "medium",
    enforcementLevel: "advisory",
    description:
        "Bedrock model customization jobs read their training data through a VPC with subnets and security groups.",
    controls: cite({
        "nist-800-53": {
            supports: ["SC-7"],
            why: "Customization jobs read training data through customer subnets and security groups.",
        },
        "mitre-atlas": {
            supports: ["AML.M0019"],
            why: "Training data is reached over the customer's network controls, not a public path.",
        },
        "iso-27001": {
            implements: ["A.8.22"],
            why: "Segregation of networks: the fine-tuning job's data access runs in a customer network segment.",
        },
    }),
    peers: [],
    remediation: [
        "Set vpcConfig.subnetIds to private subnets and vpcConfig.securityGroupIds to security groups of the customization job.",
        "Add an S3 gateway endpoint to the VPC and restrict the training bucket policy to it (aws:SourceVpce).",
    ],
    notes: [
        "Without vpcConfig, the customization job reads training and validation data from S3 over the AWS network outside the customer VPC. Subnet and security group ids unknown during preview count as set.",
        "No peer tool checks this; advisory because a VPC needs extra endpoints to work.",
    ],
    settings: [
        {
            path: "vpcConfig.subnetIds",
            expect: { kind: "present" },
            missing: { verdict: "violation", providerDefault: "no VPC" },
            examples: { violating: [], compliant: ["subnet-0a1b2c3d"] },
        },
        {
            path: "vpcConfig.securityGroupIds",
            expect: { kind: "present" },
            missing: { verdict: "violation", providerDefault: "no VPC" },
            examples: { violating: [], compliant: ["sg-0a1b2c3d"] },
        },
    ],
    compliantExample: {
        baseModelIdentifier: "arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-text-express-v1",
        customModelName: "tuned",
        jobName: "tune-1",
        roleArn: "arn:aws:iam::123456789012:role/agent",
        hyperparameters: { epochCount: "1" },
        outputDataConfig: { s3Uri: "s3://out/" },
        trainingDataConfig: { s3Uri: "s3://train/data.jsonl" },
        vpcConfig: { subnetIds: ["subnet-0a1b2c3d"], securityGroupIds: ["sg-0a1b2c3d"] },
    },
});
