import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { ArgumentError, aiTags, validateFor } from "../../shared/validation";
import { keyInRegion, requireKmsKeyArn, requireRoleName } from "../shared/arns";
import { awsPlace } from "../shared/place";
import type { ArtifactGrant, ModelArtifactStoreArgs } from "./args";

export type { ArtifactGrant, ModelArtifactStoreArgs } from "./args";

const type = "aiguard:aws:ModelArtifactStore";

/** Checks arguments that decide what is created. Exported for tests. */
export function validateModelArtifactStoreArgs(args: ModelArtifactStoreArgs): void {
    for (const [i, w] of (args.serviceWriters ?? []).entries()) {
        if (!/^[a-z0-9.-]+\.amazonaws\.com$/.test(w.service)) {
            throw new ArgumentError(
                type,
                `serviceWriters[${i}].service`,
                `is '${w.service}'; allowed: an AWS service principal such as 'bedrock.amazonaws.com'`,
            );
        }
        if (w.prefix.trim() === "" || w.prefix.includes("*")) {
            throw new ArgumentError(
                type,
                `serviceWriters[${i}].prefix`,
                "must be a non-empty key prefix without wildcards",
            );
        }
    }
    for (const [i, g] of (args.grants ?? []).entries()) {
        if (g.prefix.trim() === "" || g.prefix.includes("*")) {
            throw new ArgumentError(
                type,
                `grants[${i}].prefix`,
                "must be a non-empty key prefix without wildcards, e.g. 'models/fraud/'",
            );
        }
        if (g.access !== undefined && g.access !== "read" && g.access !== "read-write") {
            throw new ArgumentError(type, `grants[${i}].access`, `is '${g.access}'; allowed: 'read', 'read-write'`);
        }
        requireRoleName(type, `grants[${i}].roleName`, g.roleName);
    }
    requireKmsKeyArn(type, "kmsKeyArn", args.kmsKeyArn);
}

/**
 * An S3 store for model weights, training data and captured inference data: bucket owner enforced,
 * all four public-access blocks on, SSE-KMS under a customer managed key, versioning, a TLS-only
 * bucket policy, and grants limited to a prefix for named roles.
 */
export class ModelArtifactStore extends pulumi.ComponentResource {
    readonly bucket: aws.s3.Bucket;
    readonly kmsKeyArn: pulumi.Output<string>;
    readonly bucketName: pulumi.Output<string>;
    readonly bucketArn: pulumi.Output<string>;

    constructor(name: string, args: ModelArtifactStoreArgs = {}, opts?: pulumi.ComponentResourceOptions) {
        super(type, name, {}, opts);
        validateFor(name, () => validateModelArtifactStoreArgs(args));
        const tags = aiTags(args.tags);
        const parent = { parent: this };

        const key =
            args.kmsKeyArn === undefined
                ? new aws.kms.Key(
                      `${name}-key`,
                      {
                          description: `Encrypts the ${name} model artifact store`,
                          enableKeyRotation: true,
                          deletionWindowInDays: 30,
                          tags,
                      },
                      parent,
                  )
                : undefined;
        const place = awsPlace(this);
        this.kmsKeyArn =
            args.kmsKeyArn === undefined
                ? (key as aws.kms.Key).arn
                : keyInRegion(type, name, "kmsKeyArn", args.kmsKeyArn, place.region, place.partition);

        const accountId = place.accountId;
        this.bucket = new aws.s3.Bucket(name, { forceDestroy: args.forceDestroy ?? false, tags }, parent);
        const bucketOpts = { parent: this.bucket };
        new aws.s3.BucketOwnershipControls(
            `${name}-ownership`,
            { bucket: this.bucket.id, rule: { objectOwnership: "BucketOwnerEnforced" } },
            bucketOpts,
        );
        new aws.s3.BucketPublicAccessBlock(
            `${name}-public-access-block`,
            {
                bucket: this.bucket.id,
                blockPublicAcls: true,
                blockPublicPolicy: true,
                ignorePublicAcls: true,
                restrictPublicBuckets: true,
            },
            bucketOpts,
        );
        new aws.s3.BucketServerSideEncryptionConfiguration(
            `${name}-encryption`,
            {
                bucket: this.bucket.id,
                rules: [
                    {
                        applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: this.kmsKeyArn },
                        bucketKeyEnabled: true,
                    },
                ],
            },
            bucketOpts,
        );
        if (args.versioning ?? true) {
            new aws.s3.BucketVersioning(
                `${name}-versioning`,
                { bucket: this.bucket.id, versioningConfiguration: { status: "Enabled" } },
                bucketOpts,
            );
        }
        new aws.s3.BucketPolicy(
            `${name}-tls-only`,
            {
                bucket: this.bucket.id,
                policy: {
                    Version: "2012-10-17" as const,
                    Statement: [
                        ...(args.serviceWriters ?? []).map((w) => ({
                            Sid: `Allow${w.service.split(".")[0]}Delivery`,
                            Effect: "Allow" as const,
                            Principal: { Service: w.service },
                            Action: "s3:PutObject",
                            Resource: pulumi.interpolate`${this.bucket.arn}/${w.prefix}*`,
                            Condition: { StringEquals: { "aws:SourceAccount": accountId } },
                        })),
                        {
                            Sid: "DenyInsecureTransport",
                            Effect: "Deny" as const,
                            Principal: "*",
                            Action: "s3:*",
                            Resource: [this.bucket.arn, pulumi.interpolate`${this.bucket.arn}/*`],
                            Condition: { Bool: { "aws:SecureTransport": "false" } },
                        },
                    ],
                },
            },
            bucketOpts,
        );
        for (const [i, g] of (args.grants ?? []).entries()) {
            this.grant(`${name}-grant-${i}`, g);
        }

        this.bucketName = this.bucket.bucket;
        this.bucketArn = this.bucket.arn;
        this.registerOutputs({ bucketName: this.bucketName, bucketArn: this.bucketArn, kmsKeyArn: this.kmsKeyArn });
    }

    /** `s3://bucket/prefix` for a key prefix, for data capture destinations and model URLs. */
    uri(prefix: string): pulumi.Output<string> {
        return pulumi.interpolate`s3://${this.bucket.bucket}/${prefix}`;
    }

    private grant(name: string, g: ArtifactGrant): void {
        const actions = g.access === "read-write" ? ["s3:GetObject", "s3:PutObject"] : ["s3:GetObject"];
        const kmsActions = g.access === "read-write" ? ["kms:Decrypt", "kms:GenerateDataKey"] : ["kms:Decrypt"];
        new aws.iam.RolePolicy(
            name,
            {
                role: g.roleName,
                policy: {
                    Version: "2012-10-17" as const,
                    Statement: [
                        {
                            Effect: "Allow" as const,
                            Action: actions,
                            Resource: pulumi.interpolate`${this.bucket.arn}/${g.prefix}*`,
                        },
                        {
                            Effect: "Allow" as const,
                            Action: "s3:ListBucket",
                            Resource: this.bucket.arn,
                            Condition: { StringLike: { "s3:prefix": [`${g.prefix}*`] } },
                        },
                        { Effect: "Allow" as const, Action: kmsActions, Resource: this.kmsKeyArn },
                    ],
                },
            },
            { parent: this },
        );
    }
}
