// The approved model access shape in wire form, typed by the SDK, with one weakening at a time: a
// business caller's security group admitted on 443 to an AI security group that guards only an
// Interface VPC endpoint, whose policy names the caller's role, the action and the model, and a grant
// on the role conditioned on aws:SourceVpce. ApprovedModelAccess builds the same shape.
import type * as aws from "@pulumi/aws";
import type { WireObject } from "../../harness/model";
import { type FixtureResource, resource, unknown } from "./pack";

const ai = { "aiguard:system": "ai" };
const business = { "aiguard:system": "business" };
export const modelArn = "arn:aws:bedrock:eu-central-1::foundation-model/anthropic.claude-3-5-haiku-20241022-v1:0";
const callerArn = "arn:aws:iam::123456789012:role/orders-service";

export interface ShapeOptions {
    /** The endpoint policy: scoped to caller, action and model; open to `*` in one part; or unknown. */
    readonly endpointPolicy?: "scoped" | "any-principal" | "any-resource" | "unknown";
    /** A second ingress rule from the caller on other ports. */
    readonly extraIngress?: { readonly fromPort: number; readonly toPort: number };
    /** The caller's grant: with the aws:SourceVpce condition, without it, or without it on a non-invoke action. */
    readonly grant?: "conditioned" | "unconditioned" | "unconditioned-describe";
    /** An egress rule on the caller's security group to the access group. */
    readonly callerEgress?: { readonly fromPort: number; readonly toPort: number };
    /** The access group also guards a SageMaker model's network interfaces. */
    readonly alsoOnModel?: boolean;
}

const statement = (o: ShapeOptions) => ({
    Effect: "Allow",
    Principal: { AWS: o.endpointPolicy === "any-principal" ? "*" : callerArn },
    Action: ["bedrock:InvokeModel"],
    Resource: o.endpointPolicy === "any-resource" ? "*" : modelArn,
});

const rule443 = { ipProtocol: "tcp", fromPort: 443, toPort: 443 };

/** The shape: `ml` (AI VPC, subnet `ml-a`), access group `access`, endpoint `endpoint`, caller `caller` in VPC `erp`. */
export function accessShape(o: ShapeOptions = {}): FixtureResource[] {
    const out: FixtureResource[] = [
        resource("aws:ec2/vpc:Vpc", "ml", {
            cidrBlock: "10.40.0.0/16",
            tags: ai,
        } satisfies aws.ec2.VpcArgs as WireObject),
        resource(
            "aws:ec2/subnet:Subnet",
            "ml-a",
            { vpcId: unknown, cidrBlock: "10.40.0.0/20", tags: ai } satisfies aws.ec2.SubnetArgs as WireObject,
            { propertyDependencies: { vpcId: ["ml"] } },
        ),
        resource(
            "aws:ec2/securityGroup:SecurityGroup",
            "access",
            { vpcId: unknown, description: "access", tags: ai } satisfies aws.ec2.SecurityGroupArgs as WireObject,
            { propertyDependencies: { vpcId: ["ml"] } },
        ),
        resource(
            "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
            "from-caller",
            {
                securityGroupId: unknown,
                referencedSecurityGroupId: unknown,
                ...rule443,
            } satisfies aws.vpc.SecurityGroupIngressRuleArgs as WireObject,
            { propertyDependencies: { securityGroupId: ["access"], referencedSecurityGroupId: ["caller"] } },
        ),
        resource(
            "aws:ec2/vpcEndpoint:VpcEndpoint",
            "endpoint",
            {
                vpcId: unknown,
                serviceName: "com.amazonaws.eu-central-1.bedrock-runtime",
                vpcEndpointType: "Interface",
                privateDnsEnabled: false,
                subnetIds: [unknown],
                securityGroupIds: [unknown],
                policy:
                    o.endpointPolicy === "unknown"
                        ? unknown
                        : JSON.stringify({ Version: "2012-10-17", Statement: [statement(o)] }),
                tags: ai,
            } satisfies aws.ec2.VpcEndpointArgs as WireObject,
            {
                propertyDependencies: {
                    vpcId: ["ml"],
                    subnetIds: ["ml-a"],
                    securityGroupIds: ["access"],
                    policy: ["caller-role"],
                },
            },
        ),
        resource("aws:ec2/vpc:Vpc", "erp", {
            cidrBlock: "10.60.0.0/16",
            tags: business,
        } satisfies aws.ec2.VpcArgs as WireObject),
        resource(
            "aws:ec2/securityGroup:SecurityGroup",
            "caller",
            { vpcId: unknown, description: "orders", tags: business } satisfies aws.ec2.SecurityGroupArgs as WireObject,
            { propertyDependencies: { vpcId: ["erp"] } },
        ),
        resource("aws:iam/role:Role", "caller-role", {
            name: "orders-service",
            assumeRolePolicy: JSON.stringify({
                Version: "2012-10-17",
                Statement: [
                    { Effect: "Allow", Principal: { Service: "ecs-tasks.amazonaws.com" }, Action: "sts:AssumeRole" },
                ],
            }),
            tags: business,
        } satisfies aws.iam.RoleArgs as WireObject),
        resource(
            "aws:iam/rolePolicy:RolePolicy",
            "grant",
            {
                role: unknown,
                policy: JSON.stringify({
                    Version: "2012-10-17",
                    Statement: [
                        {
                            Effect: "Allow",
                            Action: [
                                o.grant === "unconditioned-describe"
                                    ? "bedrock:GetFoundationModel"
                                    : "bedrock:InvokeModel",
                            ],
                            Resource: modelArn,
                            ...(o.grant === "unconditioned" || o.grant === "unconditioned-describe"
                                ? {}
                                : { Condition: { StringEquals: { "aws:SourceVpce": "vpce-0123456789abcdef0" } } }),
                        },
                    ],
                }),
            } satisfies aws.iam.RolePolicyArgs as WireObject,
            {
                propertyDependencies: {
                    role: ["caller-role"],
                    policy: o.grant === "unconditioned" || o.grant === "unconditioned-describe" ? [] : ["endpoint"],
                },
            },
        ),
    ];
    if (o.extraIngress) {
        out.push(
            resource(
                "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
                "extra-from-caller",
                {
                    securityGroupId: unknown,
                    referencedSecurityGroupId: unknown,
                    ipProtocol: "tcp",
                    ...o.extraIngress,
                } satisfies aws.vpc.SecurityGroupIngressRuleArgs as WireObject,
                { propertyDependencies: { securityGroupId: ["access"], referencedSecurityGroupId: ["caller"] } },
            ),
        );
    }
    if (o.callerEgress) {
        out.push(
            resource(
                "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule",
                "caller-to-access",
                {
                    securityGroupId: unknown,
                    referencedSecurityGroupId: unknown,
                    ipProtocol: "tcp",
                    ...o.callerEgress,
                } satisfies aws.vpc.SecurityGroupEgressRuleArgs as WireObject,
                { propertyDependencies: { securityGroupId: ["caller"], referencedSecurityGroupId: ["access"] } },
            ),
        );
    }
    if (o.alsoOnModel) {
        out.push(
            resource(
                "aws:sagemaker/model:Model",
                "model",
                {
                    executionRoleArn: "arn:aws:iam::123456789012:role/sm",
                    enableNetworkIsolation: true,
                    vpcConfig: { subnets: [unknown], securityGroupIds: [unknown] },
                } satisfies aws.sagemaker.ModelArgs as WireObject,
                { propertyDependencies: { vpcConfig: ["ml-a", "access"] } },
            ),
        );
    }
    return out;
}

/** A SageMaker notebook in the AI subnet: a management plane a business path must not reach. */
export const notebook = resource(
    "aws:sagemaker/notebookInstance:NotebookInstance",
    "research",
    {
        instanceType: "ml.t3.medium",
        roleArn: "arn:aws:iam::123456789012:role/nb",
        subnetId: unknown,
        directInternetAccess: "Disabled",
    } satisfies aws.sagemaker.NotebookInstanceArgs as WireObject,
    { propertyDependencies: { subnetId: ["ml-a"] } },
);
