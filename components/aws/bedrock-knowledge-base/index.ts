import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { ArgumentError, aiTags, requireOneOf, validateFor } from "../../shared/validation";
import { ModelArtifactStore } from "../model-artifact-store";
import { keyInRegion, requireKmsKeyArn } from "../shared/arns";
import { bedrockTrustPolicy, foundationModelArn, requireFoundationModelId } from "../shared/bedrock";
import { awsPlace } from "../shared/place";

const type = "aiguard:aws:BedrockKnowledgeBase";

export interface BedrockKnowledgeBaseArgs {
    /**
     * Store that holds the source documents. @default a new ModelArtifactStore (private, versioned,
     * SSE-KMS under this component's key, TLS only), created as a child
     */
    readonly documents?: ModelArtifactStore;
    /** Key prefix of the documents in the store; only objects under it are ingested. @default "documents/" */
    readonly documentsPrefix?: string;
    /** Bedrock embedding model id. @default "amazon.titan-embed-text-v2:0" */
    readonly embeddingModel?: string;
    /** Vector dimensions the embedding model produces: 256, 512 or 1024 for Titan Text Embeddings V2. @default 1024 */
    readonly dimensions?: 256 | 512 | 1024;
    /** Name of the S3 vector bucket (3 to 63 lowercase letters, digits and hyphens, unique in the account and region). @default "<name>-vectors" */
    readonly vectorBucketName?: string;
    /**
     * ARN of a customer managed KMS key for the vectors, the default document store and ingestion. Its key
     * policy must let `indexing.s3vectors.amazonaws.com` decrypt. @default a new key with rotation on and that grant
     */
    readonly kmsKeyArn?: pulumi.Input<string>;
    readonly description?: pulumi.Input<string>;
    /** Tags for every child; `aiguard:system=ai` is always added. */
    readonly tags?: Readonly<Record<string, string>>;
}

const vectorBucketShape = /^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/;

function defaultVectorBucketName(name: string): string {
    return `${name
        .toLowerCase()
        .replace(/[^a-z0-9-]/g, "-")
        .slice(0, 55)}-vectors`;
}

/** Checks every argument that is known at construction. Exported for tests. */
export function validateBedrockKnowledgeBaseArgs(args: BedrockKnowledgeBaseArgs, name = "kb"): void {
    if (args.documents !== undefined && !(args.documents instanceof ModelArtifactStore)) {
        throw new ArgumentError(
            type,
            "documents",
            "is not a ModelArtifactStore; allowed: a ModelArtifactStore, or none for a new one",
        );
    }
    const prefix = args.documentsPrefix ?? "documents/";
    if (prefix.trim() === "" || prefix.includes("*") || prefix.startsWith("/")) {
        throw new ArgumentError(
            type,
            "documentsPrefix",
            `is '${prefix}'; allowed: a non-empty key prefix without wildcards, e.g. 'documents/'`,
        );
    }
    if (args.embeddingModel !== undefined) {
        requireFoundationModelId(type, "embeddingModel", args.embeddingModel);
    }
    if (args.dimensions !== undefined) {
        requireOneOf(type, "dimensions", String(args.dimensions), ["256", "512", "1024"]);
    }
    const bucket = args.vectorBucketName ?? defaultVectorBucketName(name);
    if (!vectorBucketShape.test(bucket) || bucket.includes("--")) {
        throw new ArgumentError(
            type,
            "vectorBucketName",
            `is '${bucket}'${args.vectorBucketName === undefined ? " (from the component name)" : ""}; allowed: 3 to 63 lowercase letters, digits and single hyphens`,
        );
    }
    requireKmsKeyArn(type, "kmsKeyArn", args.kmsKeyArn);
}

/**
 * A Bedrock knowledge base for retrieval-augmented generation: documents in a hardened S3 store,
 * vectors in an S3 vector bucket and index encrypted under a customer managed key, ingestion data
 * encrypted under the same key, and a role of its own that Bedrock may assume for this account's
 * knowledge bases only, allowed to read the document prefix, call the embedding model and use the index.
 */
export class BedrockKnowledgeBase extends pulumi.ComponentResource {
    readonly role: aws.iam.Role;
    readonly documents: ModelArtifactStore;
    readonly vectorBucket: aws.s3.VectorsVectorBucket;
    readonly index: aws.s3.VectorsIndex;
    readonly knowledgeBase: aws.bedrock.AgentKnowledgeBase;
    readonly dataSource: aws.bedrock.AgentDataSource;
    readonly knowledgeBaseId: pulumi.Output<string>;
    readonly knowledgeBaseArn: pulumi.Output<string>;
    readonly kmsKeyArn: pulumi.Output<string>;

    constructor(name: string, args: BedrockKnowledgeBaseArgs = {}, opts?: pulumi.ComponentResourceOptions) {
        super(type, name, {}, opts);
        validateFor(name, () => validateBedrockKnowledgeBaseArgs(args, name));
        const tags = aiTags(args.tags);
        const place = awsPlace(this);
        const prefix = args.documentsPrefix ?? "documents/";
        const dimensions = args.dimensions ?? 1024;

        const root = pulumi.interpolate`arn:${place.partition}:iam::${place.accountId}:root`;
        const key =
            args.kmsKeyArn === undefined
                ? new aws.kms.Key(
                      `${name}-key`,
                      {
                          description: `Encrypts knowledge base ${name}`,
                          enableKeyRotation: true,
                          deletionWindowInDays: 30,
                          // S3 Vectors indexes in the background with its own service identity.
                          policy: pulumi.jsonStringify({
                              Version: "2012-10-17",
                              Statement: [
                                  {
                                      Sid: "AccountAdministration",
                                      Effect: "Allow",
                                      Principal: { AWS: root },
                                      Action: "kms:*",
                                      Resource: "*",
                                  },
                                  {
                                      Sid: "S3VectorsIndexing",
                                      Effect: "Allow",
                                      Principal: { Service: "indexing.s3vectors.amazonaws.com" },
                                      Action: "kms:Decrypt",
                                      Resource: "*",
                                      Condition: { StringEquals: { "aws:SourceAccount": place.accountId } },
                                  },
                              ],
                          }),
                          tags,
                      },
                      { parent: this },
                  )
                : undefined;
        this.kmsKeyArn = key
            ? key.arn
            : keyInRegion(
                  type,
                  name,
                  "kmsKeyArn",
                  args.kmsKeyArn as pulumi.Input<string>,
                  place.region,
                  place.partition,
              );

        this.documents =
            args.documents ??
            new ModelArtifactStore(
                `${name}-documents`,
                { kmsKeyArn: this.kmsKeyArn, tags: args.tags },
                { parent: this },
            );
        const encryption = [{ sseType: "aws:kms", kmsKeyArn: this.kmsKeyArn }];
        this.vectorBucket = new aws.s3.VectorsVectorBucket(
            `${name}-vectors`,
            {
                vectorBucketName: args.vectorBucketName ?? defaultVectorBucketName(name),
                encryptionConfigurations: encryption,
                tags,
            },
            { parent: this },
        );
        this.index = new aws.s3.VectorsIndex(
            `${name}-index`,
            {
                vectorBucketName: this.vectorBucket.vectorBucketName,
                indexName: "chunks",
                dataType: "float32",
                dimension: dimensions,
                distanceMetric: "cosine",
                encryptionConfigurations: encryption,
                // Bedrock stores chunk text and metadata there; large values must not be filterable.
                metadataConfiguration: {
                    nonFilterableMetadataKeys: ["AMAZON_BEDROCK_TEXT", "AMAZON_BEDROCK_METADATA"],
                },
                tags,
            },
            { parent: this.vectorBucket },
        );

        const embeddingModel = foundationModelArn(place, args.embeddingModel ?? "amazon.titan-embed-text-v2:0");
        this.role = new aws.iam.Role(
            `${name}-kb`,
            { assumeRolePolicy: bedrockTrustPolicy(place, "knowledge-base"), tags },
            { parent: this },
        );
        const permissions = new aws.iam.RolePolicy(
            `${name}-kb`,
            {
                role: this.role.name,
                policy: {
                    Version: "2012-10-17" as const,
                    Statement: [
                        { Effect: "Allow" as const, Action: ["bedrock:InvokeModel"], Resource: embeddingModel },
                        {
                            Effect: "Allow" as const,
                            Action: ["s3:GetObject"],
                            Resource: pulumi.interpolate`${this.documents.bucketArn}/${prefix}*`,
                        },
                        {
                            Effect: "Allow" as const,
                            Action: ["s3:ListBucket"],
                            Resource: this.documents.bucketArn,
                            Condition: { StringLike: { "s3:prefix": [`${prefix}*`] } },
                        },
                        {
                            Effect: "Allow" as const,
                            Action: [
                                "s3vectors:GetIndex",
                                "s3vectors:PutVectors",
                                "s3vectors:GetVectors",
                                "s3vectors:DeleteVectors",
                                "s3vectors:QueryVectors",
                            ],
                            Resource: this.index.indexArn,
                        },
                        {
                            Effect: "Allow" as const,
                            Action: ["kms:Decrypt", "kms:GenerateDataKey"],
                            Resource: [this.kmsKeyArn, this.documents.kmsKeyArn],
                        },
                    ],
                },
            },
            { parent: this.role },
        );

        this.knowledgeBase = new aws.bedrock.AgentKnowledgeBase(
            name,
            {
                roleArn: this.role.arn,
                description: args.description,
                knowledgeBaseConfiguration: {
                    type: "VECTOR",
                    vectorKnowledgeBaseConfiguration: {
                        embeddingModelArn: embeddingModel,
                        embeddingModelConfiguration: {
                            bedrockEmbeddingModelConfiguration: { dimensions, embeddingDataType: "FLOAT32" },
                        },
                    },
                },
                storageConfiguration: { type: "S3_VECTORS", s3VectorsConfiguration: { indexArn: this.index.indexArn } },
                tags,
            },
            { parent: this, dependsOn: [permissions] },
        );
        this.dataSource = new aws.bedrock.AgentDataSource(
            `${name}-documents`,
            {
                knowledgeBaseId: this.knowledgeBase.id,
                dataDeletionPolicy: "DELETE",
                dataSourceConfiguration: {
                    type: "S3",
                    s3Configuration: { bucketArn: this.documents.bucketArn, inclusionPrefixes: [prefix] },
                },
                serverSideEncryptionConfiguration: { kmsKeyArn: this.kmsKeyArn },
            },
            { parent: this.knowledgeBase },
        );
        this.knowledgeBaseId = this.knowledgeBase.id;
        this.knowledgeBaseArn = this.knowledgeBase.arn;
        this.registerOutputs({
            knowledgeBaseId: this.knowledgeBaseId,
            knowledgeBaseArn: this.knowledgeBaseArn,
            dataSourceId: this.dataSource.dataSourceId,
            documentsBucketName: this.documents.bucketName,
            vectorIndexArn: this.index.indexArn,
            roleArn: this.role.arn,
            kmsKeyArn: this.kmsKeyArn,
        });
    }
}
