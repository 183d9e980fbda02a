import type { PolicyDefinition } from "../../../core/definition";
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
];
