import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { ArgumentError, aiTags, requireOneOf, requireRange, validateFor } from "../../shared/validation";
import type { ModelArtifactStore } from "../model-artifact-store";
import { awsPlace } from "../shared/place";
import { monitorImageFor } from "./monitor-image";

const type = "aiguard:aws:SageMakerInferenceEndpoint";

export interface SageMakerInferenceEndpointArgs {
    /** Inference container image URI. */
    readonly image: pulumi.Input<string>;
    /**
     * Where SageMaker pulls the image from: `"Vpc"`, a private registry reached through the model's VPC,
     * or `"Platform"`, Amazon ECR. Platform is flagged (advisory) as Security Hub SageMaker.16 does.
     * @default "Vpc"
     */
    readonly registryAccess?: "Vpc" | "Platform";
    /** Store that holds the weights and receives captured inputs and outputs. */
    readonly store: ModelArtifactStore;
    /** Key of the model archive in the store, e.g. `models/fraud/model.tar.gz`. */
    readonly modelDataKey: string;
    /** Private subnets for the model containers. */
    readonly subnetIds: pulumi.Input<pulumi.Input<string>[]>;
    /** Security groups for the model containers. */
    readonly securityGroupIds: pulumi.Input<pulumi.Input<string>[]>;
    /** Hosting instance type, `ml.<family>.<size>`. @default "ml.m5.large" */
    readonly instanceType?: pulumi.Input<string>;
    /** Instances behind the endpoint; 2 or more spreads them over zones. @default 2 */
    readonly instanceCount?: number;
    /** Share of requests whose input and output are captured (1 to 100). @default 100 */
    readonly captureSamplingPercentage?: number;
    /**
     * Model Monitor analyzer image for the hourly data-quality schedule over captured traffic.
     * @default the analyzer AWS publishes in the provider's region (required where AWS publishes none)
     */
    readonly monitorImage?: pulumi.Input<string>;
    /** Skip the data-quality monitoring schedule. Costs drift and abuse detection on captured traffic. @default false */
    readonly skipMonitoring?: boolean;
    /**
     * Let the model container reach the network (for containers that download weights at start-up).
     * Costs isolation: the container can exfiltrate data. @default false
     */
    readonly allowContainerNetworkAccess?: boolean;
    readonly tags?: Readonly<Record<string, string>>;
}

export function validateSageMakerInferenceEndpointArgs(args: SageMakerInferenceEndpointArgs): void {
    if (args.registryAccess !== undefined) {
        requireOneOf(type, "registryAccess", args.registryAccess, ["Vpc", "Platform"]);
    }
    if (args.instanceCount !== undefined) {
        requireRange(type, "instanceCount", args.instanceCount, 1, 100);
    }
    if (args.captureSamplingPercentage !== undefined) {
        requireRange(type, "captureSamplingPercentage", args.captureSamplingPercentage, 1, 100);
    }
    if (
        typeof args.instanceType === "string" &&
        !/^ml\.[a-z][a-z0-9-]*\.(\d*x?large|medium|small|\d+xlarge)$/.test(args.instanceType)
    ) {
        throw new ArgumentError(
            type,
            "instanceType",
            `is '${args.instanceType}'; allowed: a SageMaker hosting instance type such as 'ml.m5.large' or 'ml.g5.xlarge'`,
        );
    }
    if (args.modelDataKey.trim() === "" || args.modelDataKey.startsWith("/") || args.modelDataKey.startsWith("s3://")) {
        throw new ArgumentError(
            type,
            "modelDataKey",
            "must be a key inside the store, e.g. 'models/fraud/model.tar.gz'",
        );
    }
}

/**
 * A SageMaker real-time endpoint with a dedicated least-privilege execution role, a network-isolated
 * model in private subnets, a KMS-encrypted endpoint configuration, and capture of every model input
 * and output into the artifact store under its customer managed key.
 */
export class SageMakerInferenceEndpoint extends pulumi.ComponentResource {
    readonly role: aws.iam.Role;
    readonly model: aws.sagemaker.Model;
    readonly endpointConfiguration: aws.sagemaker.EndpointConfiguration;
    readonly endpoint: aws.sagemaker.Endpoint;
    readonly endpointName: pulumi.Output<string>;

    constructor(name: string, args: SageMakerInferenceEndpointArgs, opts?: pulumi.ComponentResourceOptions) {
        super(type, name, {}, opts);
        validateFor(name, () => validateSageMakerInferenceEndpointArgs(args));
        const tags = aiTags(args.tags);
        const modelPrefix = args.modelDataKey.includes("/")
            ? args.modelDataKey.slice(0, args.modelDataKey.lastIndexOf("/") + 1)
            : "";
        const capturePrefix = `capture/${name}/`;
        const place = awsPlace(this);

        this.role = new aws.iam.Role(
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
            { parent: this },
        );
        new aws.iam.RolePolicy(
            `${name}-execution`,
            {
                role: this.role.name,
                policy: {
                    Version: "2012-10-17" as const,
                    Statement: [
                        {
                            Effect: "Allow" as const,
                            Action: ["s3:GetObject"],
                            Resource: pulumi.interpolate`${args.store.bucketArn}/${modelPrefix}*`,
                        },
                        {
                            Effect: "Allow" as const,
                            Action: ["s3:PutObject"],
                            Resource: pulumi.interpolate`${args.store.bucketArn}/${capturePrefix}*`,
                        },
                        {
                            Effect: "Allow" as const,
                            Action: ["kms:Decrypt", "kms:GenerateDataKey"],
                            Resource: args.store.kmsKeyArn,
                        },
                        {
                            Effect: "Allow" as const,
                            Action: ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer", "ecr:GetAuthorizationToken"],
                            Resource: "*",
                        },
                        {
                            Effect: "Allow" as const,
                            Action: ["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"],
                            Resource: pulumi.interpolate`arn:${place.partition}:logs:${place.region}:${place.accountId}:log-group:/aws/sagemaker/Endpoints/*`,
                        },
                        {
                            Effect: "Allow" as const,
                            Action: [
                                "ec2:CreateNetworkInterface",
                                "ec2:CreateNetworkInterfacePermission",
                                "ec2:DeleteNetworkInterface",
                                "ec2:DeleteNetworkInterfacePermission",
                                "ec2:DescribeNetworkInterfaces",
                                "ec2:DescribeVpcs",
                                "ec2:DescribeDhcpOptions",
                                "ec2:DescribeSubnets",
                                "ec2:DescribeSecurityGroups",
                            ],
                            Resource: "*",
                        },
                    ],
                },
            },
            { parent: this.role },
        );

        this.model = new aws.sagemaker.Model(
            name,
            {
                executionRoleArn: this.role.arn,
                enableNetworkIsolation: !(args.allowContainerNetworkAccess ?? false),
                primaryContainer: {
                    image: args.image,
                    modelDataUrl: args.store.uri(args.modelDataKey),
                    imageConfig: { repositoryAccessMode: args.registryAccess ?? "Vpc" },
                },
                vpcConfig: { subnets: args.subnetIds, securityGroupIds: args.securityGroupIds },
                tags,
            },
            { parent: this },
        );
        this.endpointConfiguration = new aws.sagemaker.EndpointConfiguration(
            name,
            {
                kmsKeyArn: args.store.kmsKeyArn,
                productionVariants: [
                    {
                        variantName: "primary",
                        modelName: this.model.name,
                        instanceType: args.instanceType ?? "ml.m5.large",
                        initialInstanceCount: args.instanceCount ?? 2,
                    },
                ],
                dataCaptureConfig: {
                    enableCapture: true,
                    initialSamplingPercentage: args.captureSamplingPercentage ?? 100,
                    destinationS3Uri: args.store.uri(capturePrefix),
                    kmsKeyId: args.store.kmsKeyArn,
                    captureOptions: [{ captureMode: "Input" }, { captureMode: "Output" }],
                },
                tags,
            },
            { parent: this },
        );
        this.endpoint = new aws.sagemaker.Endpoint(
            name,
            { endpointConfigName: this.endpointConfiguration.name, tags },
            { parent: this },
        );
        this.endpointName = this.endpoint.name;

        if (!(args.skipMonitoring ?? false)) {
            const definition = new aws.sagemaker.DataQualityJobDefinition(
                `${name}-data-quality`,
                {
                    roleArn: this.role.arn,
                    dataQualityAppSpecification: {
                        imageUri:
                            args.monitorImage ??
                            pulumi.all([place.region, place.dnsSuffix]).apply(([region, dnsSuffix]) => {
                                const image = monitorImageFor(region, dnsSuffix);
                                if (image === undefined) {
                                    throw new ArgumentError(
                                        type,
                                        "monitorImage",
                                        `is not given and AWS publishes no Model Monitor analyzer in ${region}; pass the analyzer image to use, or skipMonitoring: true`,
                                        name,
                                    );
                                }
                                return image;
                            }),
                    },
                    dataQualityJobInput: { endpointInput: { endpointName: this.endpoint.name } },
                    dataQualityJobOutputConfig: {
                        kmsKeyId: args.store.kmsKeyArn,
                        monitoringOutputs: { s3Output: { s3Uri: args.store.uri(`monitoring/${name}/`) } },
                    },
                    jobResources: {
                        clusterConfig: {
                            instanceCount: 1,
                            instanceType: "ml.m5.large",
                            volumeSizeInGb: 20,
                            volumeKmsKeyId: args.store.kmsKeyArn,
                        },
                    },
                    networkConfig: {
                        enableNetworkIsolation: true,
                        enableInterContainerTrafficEncryption: true,
                        vpcConfig: { subnets: args.subnetIds, securityGroupIds: args.securityGroupIds },
                    },
                    tags,
                },
                { parent: this },
            );
            new aws.sagemaker.MonitoringSchedule(
                `${name}-data-quality`,
                {
                    monitoringScheduleConfig: {
                        monitoringJobDefinitionName: definition.name,
                        monitoringType: "DataQuality",
                        scheduleConfig: { scheduleExpression: "cron(0 * ? * * *)" },
                    },
                    tags,
                },
                { parent: definition },
            );
        }
        this.registerOutputs({ endpointName: this.endpointName, roleArn: this.role.arn, modelName: this.model.name });
    }
}
