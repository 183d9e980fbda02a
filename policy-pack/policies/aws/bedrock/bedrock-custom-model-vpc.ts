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
    controls: [
        { framework: "nist-800-53", id: "SC-7" },
        { framework: "nist-800-53", id: "SC-7(5)" },
        { framework: "nist-800-53", id: "SC-7(10)" },
        { framework: "nist-800-53", id: "AC-4" },
        { framework: "mitre-atlas", id: "AML.M0019" },
        { framework: "mitre-atlas", id: "AML.T0025" },
        { framework: "nist-ai-rmf", id: "MEASURE 2.7" },
        { framework: "iso-27001", id: "A.8.20" },
        { framework: "iso-42001", id: "A.4.5" },
        { framework: "owasp-llm", id: "LLM02" },
        { framework: "mitre-atlas", id: "AML.T0020" },
    ],
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
