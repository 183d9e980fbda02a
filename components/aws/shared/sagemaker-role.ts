import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { AwsPlace } from "./place";
import { type StoreAccess, storeAccessStatements } from "./store-access";

/**
 * A role only SageMaker can assume, for one component, with an inline policy of named actions on
 * named resources: its own log groups and the store prefixes it was granted (components add their
 * own policies beside it). Never a wildcard action, so sagemaker-exec-role-least-privilege decides
 * during preview.
 */
export function sagemakerRole(
    parent: pulumi.Resource,
    name: string,
    place: AwsPlace,
    logGroupPrefix: string,
    storeAccess: readonly StoreAccess[],
    tags: Record<string, string>,
): aws.iam.Role {
    const role = new aws.iam.Role(
        `${name}-execution`,
        {
            assumeRolePolicy: JSON.stringify({
                Version: "2012-10-17" as const,
                Statement: [
                    {
                        Effect: "Allow" as const,
                        Principal: { Service: "sagemaker.amazonaws.com" },
                        Action: "sts:AssumeRole",
                    },
                ],
            }),
            tags,
        },
        { parent },
    );
    new aws.iam.RolePolicy(
        `${name}-execution`,
        {
            role: role.name,
            policy: {
                Version: "2012-10-17" as const,
                Statement: [
                    {
                        Effect: "Allow" as const,
                        Action: ["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"],
                        Resource: pulumi.interpolate`arn:${place.partition}:logs:${place.region}:${place.accountId}:log-group:${logGroupPrefix}*`,
                    },
                    ...storeAccessStatements(storeAccess),
                ],
            },
        },
        { parent: role },
    );
    return role;
}
