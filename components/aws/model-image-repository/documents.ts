import * as pulumi from "@pulumi/pulumi";

/** Expire untagged images after some days and, when asked, everything beyond a count. */
export function lifecyclePolicy(untaggedExpiryDays: number, maxImages: number | undefined): string {
    const rules: object[] = [
        {
            rulePriority: 1,
            description: `Expire untagged images ${untaggedExpiryDays} days after push`,
            selection: {
                tagStatus: "untagged",
                countType: "sinceImagePushed",
                countUnit: "days",
                countNumber: untaggedExpiryDays,
            },
            action: { type: "expire" },
        },
    ];
    if (maxImages !== undefined) {
        // A rule on tagStatus "any" must have the highest priority number of the policy.
        rules.push({
            rulePriority: 2,
            description: `Keep the ${maxImages} most recent images`,
            selection: { tagStatus: "any", countType: "imageCountMoreThan", countNumber: maxImages },
            action: { type: "expire" },
        });
    }
    return JSON.stringify({ rules });
}

const pullActions = ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer", "ecr:BatchCheckLayerAvailability"];
const pushActions = [
    "ecr:BatchCheckLayerAvailability",
    "ecr:InitiateLayerUpload",
    "ecr:UploadLayerPart",
    "ecr:CompleteLayerUpload",
    "ecr:PutImage",
];

/** Pull and push grants to named principals only; no statement ever names `*`. */
export function repositoryPolicy(pull: readonly pulumi.Input<string>[], push: readonly pulumi.Input<string>[]) {
    return {
        Version: "2012-10-17" as const,
        Statement: [
            {
                Sid: "PullByNamedPrincipals",
                Effect: "Allow" as const,
                Principal: { AWS: [...pull] },
                Action: pullActions,
            },
            ...(push.length > 0
                ? [
                      {
                          Sid: "PushByNamedPrincipals",
                          Effect: "Allow" as const,
                          Principal: { AWS: [...push] },
                          Action: pushActions,
                      },
                  ]
                : []),
        ],
    };
}

/** The account root ARN, the principal for "anyone this account's IAM policies allow". */
export function accountRoot(partition: pulumi.Input<string>, accountId: pulumi.Input<string>): pulumi.Output<string> {
    return pulumi.interpolate`arn:${partition}:iam::${accountId}:root`;
}
