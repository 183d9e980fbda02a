import type { PolicyDefinition } from "../../core/definition";
import { apigatewayPolicies } from "./apigateway";
import { apigatewayv2Policies } from "./apigatewayv2";
import { bedrockPolicies } from "./bedrock";
import { bedrockmodelPolicies } from "./bedrockmodel";
import { cloudtrailPolicies } from "./cloudtrail";
import { cloudwatchPolicies } from "./cloudwatch";
import { comprehendPolicies } from "./comprehend";
import { ec2Policies } from "./ec2";
import { ecrPolicies } from "./ecr";
import { eksPolicies } from "./eks";
import { elbPolicies } from "./elb";
import { iamPolicies } from "./iam";
import { kendraPolicies } from "./kendra";
import { kmsPolicies } from "./kms";
import { lambdaPolicies } from "./lambda";
import { organizationsPolicies } from "./organizations";
import { s3Policies } from "./s3";
import { sagemakerPolicies } from "./sagemaker";

export const awsPolicies: readonly PolicyDefinition[] = [
    ...sagemakerPolicies,
    ...s3Policies,
    ...ec2Policies,
    ...eksPolicies,
    ...bedrockPolicies,
    ...ecrPolicies,
    ...kmsPolicies,
    ...iamPolicies,
    ...apigatewayPolicies,
    ...apigatewayv2Policies,
    ...cloudtrailPolicies,
    ...comprehendPolicies,
    ...kendraPolicies,
    ...bedrockmodelPolicies,
    ...organizationsPolicies,
    ...lambdaPolicies,
    ...elbPolicies,
    ...cloudwatchPolicies,
];
