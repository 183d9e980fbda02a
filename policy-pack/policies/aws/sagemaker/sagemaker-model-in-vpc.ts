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
