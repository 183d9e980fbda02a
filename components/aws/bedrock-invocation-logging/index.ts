import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { ArgumentError, aiTags, requireRange, validateFor } from "../../shared/validation";
import { ModelArtifactStore } from "../model-artifact-store";
import { keyInRegion, requireKmsKeyArn } from "../shared/arns";
import { awsPlace } from "../shared/place";

const type = "aiguard:aws:BedrockInvocationLogging";

export interface BedrockInvocationLoggingArgs {
    /** Days to keep prompts and completions in CloudWatch Logs (1 to 3653). @default 365 */
    readonly retentionInDays?: number;
    /** ARN of a customer managed KMS key for the log group and the bucket. @default a new key with rotation on */
    readonly kmsKeyArn?: pulumi.Input<string>;
    readonly tags?: Readonly<Record<string, string>>;
}

export function validateBedrockInvocationLoggingArgs(args: BedrockInvocationLoggingArgs): void {
    if (args.retentionInDays !== undefined) {
        requireRange(type, "retentionInDays", args.retentionInDays, 1, 3653);
    }
    requireKmsKeyArn(type, "kmsKeyArn", args.kmsKeyArn);
}

/**
 * Instances per account and region in this program. Bedrock keeps one logging configuration per
 * account and region, so a second one would silently replace the first at `pulumi up`.
 */
const configured = new Map<string, string>();

/**
 * Bedrock model invocation logging for the account and region, with protected sinks: prompts and
 * completions go to a KMS-encrypted CloudWatch log group with retention and to a private,
 * KMS-encrypted, versioned S3 store.
 */
export class BedrockInvocationLogging extends pulumi.ComponentResource {
    readonly logGroup: aws.cloudwatch.LogGroup;
    readonly store: ModelArtifactStore;
    readonly configuration: aws.bedrockmodel.InvocationLoggingConfiguration;

    constructor(name: string, args: BedrockInvocationLoggingArgs = {}, opts?: pulumi.ComponentResourceOptions) {
        super(type, name, {}, opts);
        validateFor(name, () => validateBedrockInvocationLoggingArgs(args));
        const tags = aiTags(args.tags);
        const place = awsPlace(this);
        const identity = { accountId: place.accountId };

        const key =
            args.kmsKeyArn === undefined
                ? new aws.kms.Key(
                      `${name}-key`,
                      {
                          description: `Encrypts Bedrock invocation logs (${name})`,
                          enableKeyRotation: true,
                          deletionWindowInDays: 30,
                          policy: pulumi.jsonStringify({
                              Version: "2012-10-17" as const,
                              Statement: [
                                  {
                                      Sid: "AccountAdministration",
                                      Effect: "Allow" as const,
                                      Principal: {
                                          AWS: pulumi.interpolate`arn:${place.partition}:iam::${identity.accountId}:root`,
                                      },
                                      Action: "kms:*",
                                      Resource: "*",
                                  },
                                  {
                                      Sid: "LogDelivery",
                                      Effect: "Allow" as const,
                                      Principal: {
                                          Service: pulumi.interpolate`logs.${place.region}.${place.dnsSuffix}`,
                                      },
                                      Action: ["kms:Encrypt", "kms:Decrypt", "kms:GenerateDataKey*", "kms:DescribeKey"],
                                      Resource: "*",
                                      Condition: { StringEquals: { "aws:SourceAccount": identity.accountId } },
                                  },
                                  {
                                      Sid: "BedrockDelivery",
                                      Effect: "Allow" as const,
                                      Principal: { Service: "bedrock.amazonaws.com" },
                                      Action: ["kms:GenerateDataKey", "kms:Decrypt"],
                                      Resource: "*",
                                      Condition: { StringEquals: { "aws:SourceAccount": identity.accountId } },
                                  },
                              ],
                          }),
                          tags,
                      },
                      { parent: this },
                  )
                : undefined;
        const kmsKeyArn =
            args.kmsKeyArn === undefined
                ? (key as aws.kms.Key).arn
                : keyInRegion(type, name, "kmsKeyArn", args.kmsKeyArn, place.region, place.partition);

        this.logGroup = new aws.cloudwatch.LogGroup(
            `${name}-logs`,
            { retentionInDays: args.retentionInDays ?? 365, kmsKeyId: kmsKeyArn, tags },
            { parent: this },
        );
        this.store = new ModelArtifactStore(
            `${name}-store`,
            {
                kmsKeyArn,
                serviceWriters: [{ service: "bedrock.amazonaws.com", prefix: "invocations/" }],
                tags: args.tags,
            },
            { parent: this },
        );

        const role = new aws.iam.Role(
            `${name}-delivery`,
            {
                assumeRolePolicy: pulumi.jsonStringify({
                    Version: "2012-10-17" as const,
                    Statement: [
                        {
                            Effect: "Allow" as const,
                            Principal: { Service: "bedrock.amazonaws.com" },
                            Action: "sts:AssumeRole",
                            Condition: { StringEquals: { "aws:SourceAccount": identity.accountId } },
                        },
                    ],
                }),
                tags,
            },
            { parent: this },
        );
        new aws.iam.RolePolicy(
            `${name}-delivery`,
            {
                role: role.name,
                policy: {
                    Version: "2012-10-17" as const,
                    Statement: [
                        {
                            Effect: "Allow" as const,
                            Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
                            Resource: pulumi.interpolate`${this.logGroup.arn}:*`,
                        },
                    ],
                },
            },
            { parent: role },
        );

        const account = pulumi.all([place.accountId, place.region]).apply(([accountId, region]) => {
            const key = `${accountId}/${region}`;
            const other = configured.get(key);
            if (other !== undefined && other !== name) {
                throw new ArgumentError(
                    type,
                    "(instance)",
                    `is a second invocation logging configuration for account ${accountId} in ${region}, after '${other}'; allowed: one per account and region`,
                    name,
                );
            }
            configured.set(key, name);
            return region;
        });
        this.configuration = new aws.bedrockmodel.InvocationLoggingConfiguration(
            name,
            {
                region: account,
                loggingConfig: {
                    textDataDeliveryEnabled: true,
                    // Image and embedding payloads are logged too: leaving them out hides what a
                    // multimodal or retrieval call sent, and no policy could tell it apart.
                    imageDataDeliveryEnabled: true,
                    embeddingDataDeliveryEnabled: true,
                    cloudwatchConfig: { logGroupName: this.logGroup.name, roleArn: role.arn },
                    s3Config: { bucketName: this.store.bucketName, keyPrefix: "invocations/" },
                },
            },
            { parent: this },
        );
        this.registerOutputs({ logGroupName: this.logGroup.name, bucketName: this.store.bucketName });
    }
}
