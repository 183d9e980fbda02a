import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { aiTags, requireRange } from "../../shared/validation";
import { ModelArtifactStore } from "../model-artifact-store";

const type = "aiguard:aws:BedrockInvocationLogging";

export interface BedrockInvocationLoggingArgs {
    /** Days to keep prompts and completions in CloudWatch Logs (1 to 3653). @default 365 */
    readonly retentionInDays?: number;
    /** ARN of a customer managed KMS key for the log group and the bucket. @default a new key with rotation on */
    readonly kmsKeyArn?: pulumi.Input<string>;
    /** Deliver image and embedding payloads too, not only text. @default true */
    readonly includeImagesAndEmbeddings?: boolean;
    readonly tags?: Readonly<Record<string, string>>;
}

export function validateBedrockInvocationLoggingArgs(args: BedrockInvocationLoggingArgs): void {
    if (args.retentionInDays !== undefined) {
        requireRange(type, "retentionInDays", args.retentionInDays, 1, 3653);
    }
}

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
        validateBedrockInvocationLoggingArgs(args);
        const tags = aiTags(args.tags);
        const identity = aws.getCallerIdentityOutput({}, { parent: this });
        const region = aws.getRegionOutput({}, { parent: this });

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
                                      Principal: { AWS: pulumi.interpolate`arn:aws:iam::${identity.accountId}:root` },
                                      Action: "kms:*",
                                      Resource: "*",
                                  },
                                  {
                                      Sid: "LogDelivery",
                                      Effect: "Allow" as const,
                                      Principal: { Service: pulumi.interpolate`logs.${region.region}.amazonaws.com` },
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
        const kmsKeyArn = args.kmsKeyArn ?? (key as aws.kms.Key).arn;

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

        const everything = args.includeImagesAndEmbeddings ?? true;
        this.configuration = new aws.bedrockmodel.InvocationLoggingConfiguration(
            name,
            {
                loggingConfig: {
                    textDataDeliveryEnabled: true,
                    imageDataDeliveryEnabled: everything,
                    embeddingDataDeliveryEnabled: everything,
                    cloudwatchConfig: { logGroupName: this.logGroup.name, roleArn: role.arn },
                    s3Config: { bucketName: this.store.bucketName, keyPrefix: "invocations/" },
                },
            },
            { parent: this },
        );
        this.registerOutputs({ logGroupName: this.logGroup.name, bucketName: this.store.bucketName });
    }
}
