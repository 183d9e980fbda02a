// Multi-hop stacks for the path policies, typed by the SDK: two business VPCs joined through the AI
// VPC, and a role chain from a model front door into a business table.
import type * as aws from "@pulumi/aws";
import type { WireObject } from "../../harness/model";
import { type FixtureResource, resource, unknown } from "./pack";

const ai = { "aiguard:system": "ai" };
const business = { "aiguard:system": "business" };

const vpc = (name: string, cidrBlock: string, tags: Record<string, string>) =>
    resource("aws:ec2/vpc:Vpc", name, { cidrBlock, tags } satisfies aws.ec2.VpcArgs as WireObject);
const subnet = (name: string, vpcName: string, cidrBlock: string) =>
    resource("aws:ec2/subnet:Subnet", name, { vpcId: unknown, cidrBlock } satisfies aws.ec2.SubnetArgs as WireObject, {
        propertyDependencies: { vpcId: [vpcName] },
    });
export const peering = (name: string, a: string, b: string) =>
    resource(
        "aws:ec2/vpcPeeringConnection:VpcPeeringConnection",
        name,
        {
            vpcId: unknown,
            peerVpcId: unknown,
            autoAccept: true,
        } satisfies aws.ec2.VpcPeeringConnectionArgs as WireObject,
        { propertyDependencies: { vpcId: [a], peerVpcId: [b] } },
    );

/** A SageMaker endpoint and a Lambda function in `subnetName` whose environment names it: a front door. */
export function frontDoorIn(p: string, subnetName: string): FixtureResource[] {
    return [
        resource("aws:sagemaker/endpoint:Endpoint", `${p}-endpoint`, { endpointConfigName: unknown }),
        resource(
            "aws:lambda/function:Function",
            `${p}-fn`,
            {
                role: "arn:aws:iam::123456789012:role/fn",
                runtime: "python3.12",
                handler: "app.handler",
                environment: { variables: { ENDPOINT_NAME: unknown } },
                vpcConfig: { subnetIds: [unknown], securityGroupIds: [] },
            } satisfies aws.lambda.FunctionArgs as WireObject,
            { propertyDependencies: { environment: [`${p}-endpoint`], vpcConfig: [subnetName] } },
        ),
    ];
}

/** erp (business) ⇄ ml (AI) ⇄ crm (business), with a front door in the AI VPC. */
export function twoBusinessVpcsThroughAi(): FixtureResource[] {
    return [
        vpc("erp", "10.1.0.0/16", business),
        vpc("crm", "10.2.0.0/16", business),
        vpc("ml", "10.9.0.0/16", ai),
        subnet("ml-a", "ml", "10.9.1.0/24"),
        peering("erp-ml", "erp", "ml"),
        peering("ml-crm", "ml", "crm"),
        ...frontDoorIn("chat", "ml-a"),
    ];
}

const doc = (statements: { Action: string[]; resource: string }[]) =>
    JSON.stringify({
        Version: "2012-10-17",
        Statement: statements.map((s) => ({ Effect: "Allow", Action: s.Action, Resource: s.resource })),
    });

/**
 * chat-fn (front door) runs as chat-role, whose inline policy lets it assume erp-role, whose attached
 * policy reads the business table orders.
 */
export function roleChain(): FixtureResource[] {
    const trust = JSON.stringify({
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Action: "sts:AssumeRole", Principal: { Service: "lambda.amazonaws.com" } }],
    });
    return [
        resource("aws:sagemaker/endpoint:Endpoint", "chat-endpoint", { endpointConfigName: unknown }),
        resource("aws:iam/role:Role", "chat-role", {
            assumeRolePolicy: trust,
        } satisfies aws.iam.RoleArgs as WireObject),
        resource(
            "aws:lambda/function:Function",
            "chat-fn",
            {
                role: unknown,
                runtime: "python3.12",
                handler: "app.handler",
                environment: { variables: { ENDPOINT_NAME: unknown } },
            } satisfies aws.lambda.FunctionArgs as WireObject,
            { propertyDependencies: { role: ["chat-role"], environment: ["chat-endpoint"] } },
        ),
        resource("aws:iam/role:Role", "erp-role", { assumeRolePolicy: trust } satisfies aws.iam.RoleArgs as WireObject),
        resource(
            "aws:iam/rolePolicy:RolePolicy",
            "chat-assume",
            {
                role: unknown,
                policy: doc([{ Action: ["sts:AssumeRole"], resource: "arn:aws:iam::123456789012:role/erp-role" }]),
            } satisfies aws.iam.RolePolicyArgs as WireObject,
            { propertyDependencies: { role: ["chat-role"], policy: ["erp-role"] } },
        ),
        resource("aws:dynamodb/table:Table", "orders", {
            hashKey: "id",
            attributes: [{ name: "id", type: "S" }],
            billingMode: "PAY_PER_REQUEST",
            tags: business,
        } satisfies aws.dynamodb.TableArgs as WireObject),
        resource(
            "aws:iam/policy:Policy",
            "erp-data",
            {
                policy: doc([
                    { Action: ["dynamodb:GetItem", "dynamodb:Query"], resource: "arn:aws:dynamodb:::table/orders" },
                ]),
            } satisfies aws.iam.PolicyArgs as WireObject,
            { propertyDependencies: { policy: ["orders"] } },
        ),
        resource(
            "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
            "erp-role-data",
            { role: unknown, policyArn: unknown } satisfies aws.iam.RolePolicyAttachmentArgs as WireObject,
            { propertyDependencies: { role: ["erp-role"], policyArn: ["erp-data"] } },
        ),
    ];
}
