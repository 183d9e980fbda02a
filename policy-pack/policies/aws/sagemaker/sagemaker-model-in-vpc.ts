import { cite } from "../../../core/citations";
import { defineSettingsPolicy } from "../../../core/settings";
import { compliantModel } from "../../../shared/aws-sagemaker-examples";

export default defineSettingsPolicy({
    id: "sagemaker-model-in-vpc",
    cloud: "aws",
    resourceTypes: ["aws:sagemaker/model:Model"],
    area: "network-isolation",
    layer: "paas",
    severity: "medium",
    enforcementLevel: "mandatory",
    description: "SageMaker models attach their inference containers to VPC subnets and security groups.",
    controls: cite({
        "nist-800-53": {
            supports: ["SC-7"],
            why: "Model inference containers are placed in customer subnets behind security groups, so boundary controls apply to their traffic.",
        },
        "mitre-atlas": {
            supports: ["AML.M0019"],
            why: "Inference containers call out only through the customer's subnets and security groups.",
        },
        "iso-27001": {
            implements: ["A.8.22"],
            why: "Segregation of networks: the workload runs in a customer-controlled network segment.",
        },
    }),
    peers: [{ tool: "prowler", id: "sagemaker_models_vpc_settings_configured" }],
    remediation: [
        "Set vpcConfig.subnets to private subnets of the AI VPC.",
        "Set vpcConfig.securityGroupIds to security groups that admit only the traffic the model needs.",
    ],
    notes: [
        "Without vpcConfig the containers reach S3, ECR and other services through the SageMaker-managed network, so missing subnets or security groups fail.",
        "Subnet and security group ids are usually unknown during preview; the check tests presence, so unknown lists count as set.",
        "Models served only by serverless endpoints cannot use a VPC; disable the policy for them with a documented exception.",
    ],
    settings: [
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
    compliantExample: compliantModel,
});
