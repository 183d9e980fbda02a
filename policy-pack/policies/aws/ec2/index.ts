import type { PolicyDefinition } from "../../../core/definition";
import aiComputeImdsv2 from "./ai-compute-imdsv2";
import aiInstanceEbsCmk from "./ai-instance-ebs-cmk";
import aiInstanceNoPublicIp from "./ai-instance-no-public-ip";
import aiLaunchTemplateEbsCmk from "./ai-launch-template-ebs-cmk";
import aiLaunchTemplateNoPublicIp from "./ai-launch-template-no-public-ip";
import aiSgEgressRestricted from "./ai-sg-egress-restricted";
import aiSgNoBusinessSgReference from "./ai-sg-no-business-sg-reference";
import aiSgNoPublicIngress from "./ai-sg-no-public-ingress";
import aiSubnetPrivate from "./ai-subnet-private";
import aiVpcEndpointPolicyScoped from "./ai-vpc-endpoint-policy-scoped";
import aiVpcPeeringRestricted from "./ai-vpc-peering-restricted";
import bedrockPrivateConnectivity from "./bedrock-private-connectivity";
import sagemakerPrivateConnectivity from "./sagemaker-private-connectivity";

export const ec2Policies: readonly PolicyDefinition[] = [
    aiSgNoPublicIngress,
    aiSgEgressRestricted,
    aiSgNoBusinessSgReference,
    aiVpcPeeringRestricted,
    aiSubnetPrivate,
    bedrockPrivateConnectivity,
    sagemakerPrivateConnectivity,
    aiVpcEndpointPolicyScoped,
    aiComputeImdsv2,
    aiInstanceNoPublicIp,
    aiLaunchTemplateNoPublicIp,
    aiInstanceEbsCmk,
    aiLaunchTemplateEbsCmk,
];
