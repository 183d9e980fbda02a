// An AWS AI platform written straight from raw resources, the way teams often write it under
// deadline: a SageMaker training/inference stack, Bedrock agents with a RAG knowledge base,
// AgentCore runtimes and tools, and the API, search and NLP services around them.
//
// Every security setting is either left to the provider default or set to an insecure value, so
// that aiguard has something realistic to flag in each check. DO NOT DEPLOY THIS PROGRAM.
//
// Deliberately absent (their absence is itself a finding):
//  - S3 public access blocks and SSE-KMS configurations for the AI buckets;
//  - CloudTrail, Bedrock and most SageMaker VPC endpoints, SageMaker data capture.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

const ai = { "aiguard:system": "ai", app: "genai-platform" };
const business = { "aiguard:system": "business", app: "orders" };
const region = "us-east-1";
const caller = aws.getCallerIdentityOutput();

// ---------------------------------------------------------------------------------------------
// Network: a "public" subnet that hands out public IPs, an internet route, a peering into the
// business VPC, a security group open to the world (HTTPS, SSH, Jupyter) that also admits the
// business database tier, and one SageMaker endpoint without private DNS or an endpoint policy.
// ---------------------------------------------------------------------------------------------
const vpc = new aws.ec2.Vpc("ml-vpc", { cidrBlock: "10.30.0.0/16", enableDnsHostnames: true, tags: ai });

const subnet = new aws.ec2.Subnet("ml-public-a", {
    vpcId: vpc.id,
    cidrBlock: "10.30.1.0/24",
    availabilityZone: `${region}a`,
    mapPublicIpOnLaunch: true, // gap: every ENI in the AI subnet gets a public IP
    tags: ai,
});

// The business (orders) VPC, peered with the AI VPC so the agents can query the orders database.
const ordersVpc = new aws.ec2.Vpc("orders-vpc", { cidrBlock: "10.31.0.0/16", tags: business });
// gap: a peering that joins the AI VPC to a business VPC
const toOrders = new aws.ec2.VpcPeeringConnection("ml-to-orders", {
    vpcId: vpc.id,
    peerVpcId: ordersVpc.id,
    autoAccept: true,
    tags: ai,
});

const igw = new aws.ec2.InternetGateway("ml-igw", { vpcId: vpc.id, tags: ai });
const publicRoutes = new aws.ec2.RouteTable("ml-public-routes", {
    vpcId: vpc.id,
    routes: [
        { cidrBlock: "0.0.0.0/0", gatewayId: igw.id }, // gap: direct route to the internet
        { cidrBlock: "10.31.0.0/16", vpcPeeringConnectionId: toOrders.id }, // the whole orders VPC
    ],
    tags: ai,
});
new aws.ec2.RouteTableAssociation("ml-public-a-routes", { subnetId: subnet.id, routeTableId: publicRoutes.id });

// A business workload in the peered VPC: the orders database tier.
const ordersDbSg = new aws.ec2.SecurityGroup("orders-db-sg", {
    vpcId: ordersVpc.id,
    description: "Orders database tier",
    ingress: [{ protocol: "tcp", fromPort: 5432, toPort: 5432, cidrBlocks: ["10.30.0.0/16", "10.31.0.0/16"] }],
    egress: [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] }],
    tags: business,
});

const aiSg = new aws.ec2.SecurityGroup("ai-sg", {
    vpcId: vpc.id,
    description: "SageMaker, Bedrock and AgentCore workloads",
    ingress: [
        // gap: inference and notebooks reachable from anywhere
        { protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"], description: "HTTPS" },
        { protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["0.0.0.0/0"], description: "SSH for debugging" },
        // gap: the AI tier admits the business database tier (lateral movement path)
        { protocol: "-1", fromPort: 0, toPort: 0, securityGroups: [ordersDbSg.id], description: "orders tier" },
    ],
    egress: [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] }], // gap: unrestricted egress
    tags: ai,
});

// The only interface endpoint: SageMaker runtime, without private DNS (so the SDK still resolves
// the public endpoint) and with the default full-access endpoint policy.
new aws.ec2.VpcEndpoint("sagemaker-runtime", {
    vpcId: vpc.id,
    serviceName: `com.amazonaws.${region}.sagemaker.runtime`,
    vpcEndpointType: "Interface",
    privateDnsEnabled: false, // gap: traffic keeps going over the internet
    subnetIds: [subnet.id],
    securityGroupIds: [aiSg.id],
    // gap: no policy (Allow * to Principal * on *)
    tags: ai,
});

// gap: a standalone rule opening the Jupyter port to the internet as well
new aws.vpc.SecurityGroupIngressRule("ai-sg-jupyter", {
    securityGroupId: aiSg.id,
    ipProtocol: "tcp",
    fromPort: 8888,
    toPort: 8888,
    cidrIpv4: "0.0.0.0/0",
    tags: ai,
});

// ---------------------------------------------------------------------------------------------
// Storage: the weights/training-data bucket has no public access block and no SSE-KMS, and a
// bucket policy readable by anyone. The business bucket holds customer orders.
// ---------------------------------------------------------------------------------------------
const mlData = new aws.s3.Bucket("ml-data", { forceDestroy: true, tags: ai });

new aws.s3.BucketPolicy("ml-data-policy", {
    bucket: mlData.id,
    // gap: anyone on the internet can read the weights and training data; plain HTTP is not denied
    policy: {
        Version: "2012-10-17",
        Statement: [
            {
                Sid: "PublicRead",
                Effect: "Allow",
                Principal: "*",
                Action: ["s3:GetObject", "s3:ListBucket"],
                Resource: [mlData.arn, pulumi.interpolate`${mlData.arn}/*`],
            },
        ],
    },
});

const ordersBucket = new aws.s3.Bucket("orders-exports", { tags: business });

const s3 = (key: string) => pulumi.interpolate`s3://${mlData.bucket}/${key}`;

// gap: a customer-managed key with rotation disabled, whose key policy lets any AWS principal use it
const aiKey = new aws.kms.Key("ai-key", {
    description: "AI platform key",
    enableKeyRotation: false,
    deletionWindowInDays: 7,
    policy: pulumi.jsonStringify({
        Version: "2012-10-17",
        Statement: [
            {
                Sid: "AccountAdmin",
                Effect: "Allow",
                Principal: { AWS: pulumi.interpolate`arn:aws:iam::${caller.accountId}:root` },
                Action: "kms:*",
                Resource: "*",
            },
            {
                Sid: "AllowServicesToUseTheKey",
                Effect: "Allow",
                Principal: { AWS: "*" },
                Action: ["kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey*", "kms:DescribeKey"],
                Resource: "*",
            },
        ],
    }),
    tags: ai,
});

// The business bucket is encrypted with the AI platform's key, so that key now guards both.
new aws.s3.BucketServerSideEncryptionConfiguration("orders-exports-sse", {
    bucket: ordersBucket.id,
    rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: aiKey.arn } }],
});

// gap: no KMS key and no retention: logs are kept forever, encrypted only with the service key
const agentLogs = new aws.cloudwatch.LogGroup("agent-logs", {
    name: "/aws/bedrock-agentcore/genai-platform",
    tags: ai,
});

// ---------------------------------------------------------------------------------------------
// IAM: broad managed policies, a "*" on "*" inline policy, AI roles reading business data, and a
// long-lived Bedrock API key for a human user.
// ---------------------------------------------------------------------------------------------
const assumedBy = (...services: string[]) =>
    JSON.stringify({
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Principal: { Service: services }, Action: "sts:AssumeRole" }],
    });

const sagemakerRole = new aws.iam.Role("sagemaker-role", {
    assumeRolePolicy: assumedBy("sagemaker.amazonaws.com"),
    tags: ai,
});
new aws.iam.RolePolicyAttachment("sagemaker-full-access", {
    role: sagemakerRole.name,
    policyArn: "arn:aws:iam::aws:policy/AmazonSageMakerFullAccess", // gap: broad managed policy
});
new aws.iam.RolePolicy("sagemaker-admin", {
    role: sagemakerRole.id,
    // gap: administrator access for the training and inference containers
    policy: JSON.stringify({
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }],
    }),
});

const bedrockRole = new aws.iam.Role("bedrock-role", {
    assumeRolePolicy: assumedBy("bedrock.amazonaws.com", "bedrock-agentcore.amazonaws.com"),
    tags: ai,
});
new aws.iam.RolePolicyAttachment("bedrock-full-access", {
    role: bedrockRole.name,
    policyArn: "arn:aws:iam::aws:policy/AmazonBedrockFullAccess", // gap: broad managed policy
});
new aws.iam.RolePolicy("bedrock-wildcard", {
    role: bedrockRole.id,
    // gap: the agents' role can do anything in S3, KMS and OpenSearch Serverless
    policy: JSON.stringify({
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Action: ["s3:*", "kms:*", "aoss:*"], Resource: "*" }],
    }),
});
new aws.iam.RolePolicy("bedrock-orders-access", {
    role: bedrockRole.id,
    // gap: the agents' role can read the business (orders) bucket
    policy: {
        Version: "2012-10-17",
        Statement: [
            {
                Effect: "Allow",
                Action: ["s3:GetObject", "s3:ListBucket"],
                Resource: [ordersBucket.arn, pulumi.interpolate`${ordersBucket.arn}/*`],
            },
        ],
    },
});

const nlpRole = new aws.iam.Role("nlp-role", {
    assumeRolePolicy: assumedBy("comprehend.amazonaws.com", "kendra.amazonaws.com"),
    tags: ai,
});
new aws.iam.RolePolicy("nlp-wildcard", {
    role: nlpRole.id,
    policy: JSON.stringify({
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Action: ["s3:*", "logs:*", "cloudwatch:*"], Resource: "*" }],
    }),
});

// gap: a human user with a long-lived Bedrock API key (service-specific credential)
const mlEngineer = new aws.iam.User("ml-engineer", { tags: ai });
new aws.iam.UserPolicyAttachment("ml-engineer-bedrock", {
    user: mlEngineer.name,
    policyArn: "arn:aws:iam::aws:policy/AmazonBedrockFullAccess",
});
new aws.iam.ServiceSpecificCredential("ml-engineer-bedrock-key", {
    serviceName: "bedrock.amazonaws.com",
    userName: mlEngineer.name,
});

// ---------------------------------------------------------------------------------------------
// Container images: mutable tags, no scan on push, AES256 rather than KMS.
// ---------------------------------------------------------------------------------------------
const images = new aws.ecr.Repository("ml-images", {
    imageTagMutability: "MUTABLE",
    imageScanningConfiguration: { scanOnPush: false },
    encryptionConfigurations: [{ encryptionType: "AES256" }],
    forceDelete: true,
    tags: ai,
});
const inferenceImage = pulumi.interpolate`${images.repositoryUrl}:latest`;

// gap: anyone with an AWS account can pull the model-serving images (and the weights baked in)
new aws.ecr.RepositoryPolicy("ml-images-policy", {
    repository: images.name,
    policy: JSON.stringify({
        Version: "2012-10-17",
        Statement: [
            {
                Sid: "PartnersCanPull",
                Effect: "Allow",
                Principal: "*",
                Action: ["ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage", "ecr:BatchCheckLayerAvailability"],
            },
        ],
    }),
});

// ---------------------------------------------------------------------------------------------
// SageMaker notebooks and Studio: direct internet access, root access, no KMS, and a lifecycle
// script carrying hard-coded AWS keys.
// ---------------------------------------------------------------------------------------------
const onStart = `#!/bin/bash
set -e
# configure the CLI for the shared data-science account
export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE
export AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
aws configure set aws_access_key_id "$AWS_ACCESS_KEY_ID"
aws configure set aws_secret_access_key "$AWS_SECRET_ACCESS_KEY"
pip install --upgrade jupyterlab-git
`;

const lifecycle = new aws.sagemaker.NotebookInstanceLifecycleConfiguration("notebook-setup", {
    name: "genai-notebook-setup",
    onStart: Buffer.from(onStart).toString("base64"), // gap: plaintext credentials in the script
    tags: ai,
});

new aws.sagemaker.NotebookInstance("research-notebook", {
    roleArn: sagemakerRole.arn,
    instanceType: "ml.t3.medium",
    lifecycleConfigName: lifecycle.name,
    directInternetAccess: "Enabled", // gap: bypasses the VPC
    rootAccess: "Enabled", // gap: users are root
    // gap: no kmsKeyId, no subnetId / securityGroups, IMDSv1 allowed
    tags: ai,
});

const studio = new aws.sagemaker.Domain("studio", {
    domainName: "genai-studio",
    authMode: "IAM",
    vpcId: vpc.id,
    subnetIds: [subnet.id],
    // gap: appNetworkAccessType left at PublicInternetOnly, no kmsKeyId for the home EFS volume
    defaultUserSettings: {
        executionRole: sagemakerRole.arn,
        securityGroups: [aiSg.id],
        sharingSettings: { notebookOutputOption: "Allowed", s3OutputPath: s3("studio-shares") },
    },
    tags: ai,
});

new aws.sagemaker.UserProfile("data-scientist", {
    domainId: studio.id,
    userProfileName: "data-scientist",
    userSettings: { executionRole: sagemakerRole.arn }, // gap: every user gets the admin role
    tags: ai,
});

// ---------------------------------------------------------------------------------------------
// SageMaker training and inference: no network isolation, no VPC, no KMS, no data capture.
// ---------------------------------------------------------------------------------------------
new aws.sagemaker.TrainingJob("fine-tune", {
    trainingJobName: "genai-fine-tune-001",
    roleArn: sagemakerRole.arn,
    algorithmSpecification: { trainingImage: inferenceImage, trainingInputMode: "File" },
    inputDataConfigs: [
        {
            channelName: "train",
            dataSource: { s3DataSource: { s3DataType: "S3Prefix", s3Uri: s3("datasets/train/") } },
        },
    ],
    outputDataConfig: { s3OutputPath: s3("models/") }, // gap: no kmsKeyId
    resourceConfig: { instanceCount: 2, instanceType: "ml.g5.xlarge", volumeSizeInGb: 100 }, // gap: no volume KMS
    stoppingCondition: { maxRuntimeInSeconds: 86400 },
    // gap: no vpcConfig, no network isolation, no inter-container traffic encryption
    enableNetworkIsolation: false,
    enableInterContainerTrafficEncryption: false,
    tags: ai,
});

const model = new aws.sagemaker.Model("genai-model", {
    executionRoleArn: sagemakerRole.arn,
    primaryContainer: {
        image: inferenceImage,
        modelDataUrl: s3("models/genai-fine-tune-001/output/model.tar.gz"),
        environment: { HF_TOKEN: "hf_exampleexampleexampleexample0000" }, // gap: secret in container env
    },
    // gap: enableNetworkIsolation unset and no vpcConfig
    tags: ai,
});

const endpointConfig = new aws.sagemaker.EndpointConfiguration("genai-config", {
    // gap: no kmsKeyArn, no dataCaptureConfig, a single instance
    productionVariants: [
        { variantName: "primary", modelName: model.name, initialInstanceCount: 1, instanceType: "ml.m5.2xlarge" },
    ],
    tags: ai,
});

const endpoint = new aws.sagemaker.Endpoint("genai-endpoint", {
    endpointConfigName: endpointConfig.name,
    tags: ai,
});

// gap: a staging copy of the endpoint that no monitoring schedule watches
new aws.sagemaker.Endpoint("genai-endpoint-staging", {
    endpointConfigName: endpointConfig.name,
    tags: { ...ai, stage: "staging" },
});

// Model monitoring exists, but its outputs and volumes are unencrypted and not network-isolated.
const dataQuality = new aws.sagemaker.DataQualityJobDefinition("genai-data-quality", {
    roleArn: sagemakerRole.arn,
    dataQualityAppSpecification: {
        imageUri: "156813124566.dkr.ecr.us-east-1.amazonaws.com/sagemaker-model-monitor-analyzer",
    },
    dataQualityJobInput: { endpointInput: { endpointName: endpoint.name, localPath: "/opt/ml/processing/input" } },
    dataQualityJobOutputConfig: {
        monitoringOutputs: {
            s3Output: { s3Uri: s3("monitoring/data-quality"), localPath: "/opt/ml/processing/output" },
        },
    },
    jobResources: { clusterConfig: { instanceCount: 1, instanceType: "ml.m5.large", volumeSizeInGb: 20 } },
    tags: ai,
});

new aws.sagemaker.MonitoringSchedule("genai-monitoring", {
    monitoringScheduleConfig: {
        monitoringJobDefinitionName: dataQuality.name,
        monitoringType: "DataQuality",
        scheduleConfig: { scheduleExpression: "cron(0 * ? * * *)" },
    },
    tags: ai,
});

// A second schedule written with an inline job definition: same gaps, no networkConfig at all.
new aws.sagemaker.MonitoringSchedule("genai-monitoring-inline", {
    monitoringScheduleConfig: {
        monitoringType: "DataQuality",
        scheduleConfig: { scheduleExpression: "cron(0 0 ? * * *)" },
        monitoringJobDefinition: {
            roleArn: sagemakerRole.arn,
            monitoringAppSpecification: {
                imageUri: "156813124566.dkr.ecr.us-east-1.amazonaws.com/sagemaker-model-monitor-analyzer",
            },
            monitoringInputs: {
                endpointInput: { endpointName: endpoint.name, localPath: "/opt/ml/processing/input" },
            },
            monitoringOutputConfig: {
                // gap: no kmsKeyId
                monitoringOutputs: {
                    s3Output: { s3Uri: s3("monitoring/daily"), localPath: "/opt/ml/processing/output" },
                },
            },
            monitoringResources: {
                clusterConfig: { instanceCount: 1, instanceType: "ml.m5.large", volumeSizeInGb: 20 }, // gap: no volumeKmsKeyId
            },
        },
    },
    tags: ai,
});

// gap: the online store is on, with no KMS key for either store
new aws.sagemaker.FeatureGroup("customer-features", {
    featureGroupName: "customer-features",
    recordIdentifierFeatureName: "customer_id",
    eventTimeFeatureName: "event_time",
    roleArn: sagemakerRole.arn,
    featureDefinitions: [
        { featureName: "customer_id", featureType: "String" },
        { featureName: "event_time", featureType: "String" },
        { featureName: "email", featureType: "String" },
        { featureName: "lifetime_value", featureType: "Fractional" },
    ],
    onlineStoreConfig: { enableOnlineStore: true },
    offlineStoreConfig: { s3StorageConfig: { s3Uri: s3("feature-store/") } },
    tags: ai,
});

// Human review through the public (Mechanical Turk) workforce, with unencrypted output.
const reviewUi = new aws.sagemaker.HumanTaskUI("review-ui", {
    humanTaskUiName: "genai-review-ui",
    uiTemplate: {
        content:
            '<script src="https://assets.crowd.aws/crowd-html-elements.js"></script><crowd-form><crowd-classifier name="ok" categories="[\'ok\',\'bad\']" header="Is this answer acceptable?"><classification-target>{{ task.input.text }}</classification-target></crowd-classifier></crowd-form>',
    },
    tags: ai,
});

new aws.sagemaker.FlowDefinition("answer-review", {
    flowDefinitionName: "genai-answer-review",
    roleArn: sagemakerRole.arn,
    humanLoopConfig: {
        humanTaskUiArn: reviewUi.arn,
        taskCount: 1,
        taskDescription: "Review model answers (may contain customer data)",
        taskTitle: "Review model answers",
        // gap: customer data sent to the public crowd workforce
        workteamArn: `arn:aws:sagemaker:${region}:394669845002:workteam/public-crowd/default`,
        publicWorkforceTaskPrice: { amountInUsd: { cents: 1, tenthFractionsOfACent: 2 } },
    },
    outputConfig: { s3OutputPath: s3("human-review/") }, // gap: no kmsKeyId
    tags: ai,
});

// gap: the model registry is shared with every AWS principal
const registry = new aws.sagemaker.ModelPackageGroup("genai-registry", {
    modelPackageGroupName: "genai-models",
    tags: ai,
});
new aws.sagemaker.ModelPackageGroupPolicy("genai-registry-policy", {
    modelPackageGroupName: registry.modelPackageGroupName,
    resourcePolicy: pulumi.jsonStringify({
        Version: "2012-10-17",
        Statement: [
            {
                Sid: "ShareModels",
                Effect: "Allow",
                Principal: "*",
                Action: ["sagemaker:DescribeModelPackage", "sagemaker:ListModelPackages", "sagemaker:CreateModel"],
                Resource: registry.arn,
            },
        ],
    }),
});

// ---------------------------------------------------------------------------------------------
// Bedrock: a fine-tuned model without KMS or VPC, an agent with no guardrail and no CMK, a RAG
// knowledge base on a publicly reachable vector store, and a weak guardrail nobody attaches.
// ---------------------------------------------------------------------------------------------
new aws.bedrock.CustomModel("support-model", {
    customModelName: "support-titan",
    jobName: "support-titan-ft-001",
    baseModelIdentifier: `arn:aws:bedrock:${region}::foundation-model/amazon.titan-text-express-v1`,
    customizationType: "FINE_TUNING",
    roleArn: bedrockRole.arn,
    hyperparameters: { epochCount: "2", batchSize: "1", learningRate: "0.00001", learningRateWarmupSteps: "0" },
    trainingDataConfig: { s3Uri: s3("bedrock/train.jsonl") },
    outputDataConfig: { s3Uri: s3("bedrock/output/") },
    // gap: no customModelKmsKeyId, no vpcConfig
    tags: ai,
});

new aws.bedrock.AgentAgent("support-agent", {
    agentName: "support-agent",
    agentResourceRoleArn: bedrockRole.arn,
    foundationModel: "anthropic.claude-3-5-sonnet-20240620-v1:0",
    instruction: "You are a helpful support agent. Answer any question about customer orders using the tools you have.",
    idleSessionTtlInSeconds: 3600,
    // gap: no customerEncryptionKeyArn, no guardrailConfigurations
    tags: ai,
});

// gap: a second agent reusing the same role, so each agent can do whatever the other can
new aws.bedrock.AgentAgent("orders-agent", {
    agentName: "orders-agent",
    agentResourceRoleArn: bedrockRole.arn,
    foundationModel: "anthropic.claude-3-haiku-20240307-v1:0",
    instruction: "Look up order status and issue refunds when customers ask.",
    tags: ai,
});

// The vector store: an OpenSearch Serverless collection reachable from the internet.
const vectorEncryption = new aws.opensearch.ServerlessSecurityPolicy("kb-encryption", {
    name: "genai-kb-encryption",
    type: "encryption",
    policy: JSON.stringify({
        Rules: [{ ResourceType: "collection", Resource: ["collection/genai-kb"] }],
        AWSOwnedKey: true, // gap: AWS-owned key rather than a CMK
    }),
});
new aws.opensearch.ServerlessSecurityPolicy("kb-network", {
    name: "genai-kb-network",
    type: "network",
    policy: JSON.stringify([
        {
            Rules: [
                { ResourceType: "collection", Resource: ["collection/genai-kb"] },
                { ResourceType: "dashboard", Resource: ["collection/genai-kb"] },
            ],
            AllowFromPublic: true, // gap: public endpoint
        },
    ]),
});
const vectorStore = new aws.opensearch.ServerlessCollection(
    "genai-kb",
    { name: "genai-kb", type: "VECTORSEARCH", tags: ai },
    { dependsOn: [vectorEncryption] },
);

const knowledgeBase = new aws.bedrock.AgentKnowledgeBase("support-kb", {
    name: "support-kb",
    roleArn: bedrockRole.arn,
    knowledgeBaseConfiguration: {
        type: "VECTOR",
        vectorKnowledgeBaseConfiguration: {
            embeddingModelArn: `arn:aws:bedrock:${region}::foundation-model/amazon.titan-embed-text-v2:0`,
        },
    },
    storageConfiguration: {
        type: "OPENSEARCH_SERVERLESS",
        opensearchServerlessConfiguration: {
            collectionArn: vectorStore.arn,
            vectorIndexName: "bedrock-knowledge-base-default-index",
            fieldMapping: { vectorField: "vector", textField: "text", metadataField: "metadata" },
        },
    },
    tags: ai,
});

new aws.bedrock.AgentDataSource("support-kb-docs", {
    name: "support-docs",
    knowledgeBaseId: knowledgeBase.id,
    dataDeletionPolicy: "RETAIN",
    dataSourceConfiguration: {
        type: "S3",
        s3Configuration: { bucketArn: mlData.arn, inclusionPrefixes: ["kb/"] }, // the public bucket
    },
    // gap: no serverSideEncryptionConfiguration for transient ingestion data
});

new aws.bedrock.AgentPrompt("support-prompt", {
    name: "support-prompt",
    defaultVariant: "default",
    variants: [
        {
            name: "default",
            templateType: "TEXT",
            modelId: "anthropic.claude-3-5-sonnet-20240620-v1:0",
            templateConfiguration: {
                text: {
                    text: "Answer the customer: {{question}}",
                    inputVariables: [{ name: "question" }],
                },
            },
        },
    ],
    // gap: no customerEncryptionKeyArn
    tags: ai,
});

new aws.bedrock.AgentFlow("support-flow", {
    name: "support-flow",
    executionRoleArn: bedrockRole.arn,
    // gap: no customerEncryptionKeyArn
    tags: ai,
});

// gap: a weak guardrail: LOW strengths, no PROMPT_ATTACK filter, no PII filters; and no agent uses it
new aws.bedrock.Guardrail("support-guardrail", {
    name: "support-guardrail",
    blockedInputMessaging: "Sorry, I can't help with that.",
    blockedOutputsMessaging: "Sorry, I can't help with that.",
    // gap: no kmsKeyArn either
    contentPolicyConfig: {
        filtersConfigs: [
            { type: "HATE", inputStrength: "LOW", outputStrength: "LOW" },
            { type: "VIOLENCE", inputStrength: "LOW", outputStrength: "LOW" },
            { type: "INSULTS", inputStrength: "LOW", outputStrength: "NONE" },
        ],
    },
    tags: ai,
});

// Model invocation logging is "on", but without the prompts and completions (text delivery off),
// into a log group with no KMS key and a one-week retention.
const invocationLogs = new aws.cloudwatch.LogGroup("bedrock-invocations", {
    name: "/aws/bedrock/model-invocations",
    retentionInDays: 7, // gap: too short to investigate an incident
    tags: ai,
});
new aws.bedrockmodel.InvocationLoggingConfiguration("bedrock-invocation-logging", {
    loggingConfig: {
        textDataDeliveryEnabled: false, // gap: prompts and completions are not logged "to save cost"
        embeddingDataDeliveryEnabled: false,
        imageDataDeliveryEnabled: false,
        cloudwatchConfig: { logGroupName: invocationLogs.name, roleArn: bedrockRole.arn },
    },
});

// ---------------------------------------------------------------------------------------------
// Bedrock AgentCore: unauthenticated MCP gateway, public runtimes and tools, no CMKs, and
// secrets in the runtime environment.
// ---------------------------------------------------------------------------------------------
new aws.bedrock.AgentcoreMemory("support-memory", {
    name: "support_memory",
    eventExpiryDuration: 365, // gap: a year of conversation history, with no encryptionKeyArn
    tags: ai,
});

new aws.bedrock.AgentcoreGateway("tools-gateway", {
    name: "genai-tools",
    roleArn: bedrockRole.arn,
    authorizerType: "NONE", // gap: anyone can call the tools
    protocolType: "MCP",
    exceptionLevel: "DEBUG", // gap: detailed errors returned to callers
    tags: ai,
});

new aws.bedrock.AgentcoreAgentRuntime("support-runtime", {
    agentRuntimeName: "support_runtime",
    roleArn: bedrockRole.arn,
    agentRuntimeArtifact: { containerConfiguration: { containerUri: inferenceImage } },
    networkConfiguration: { networkMode: "PUBLIC" }, // gap: not in the VPC
    environmentVariables: {
        LOG_GROUP: agentLogs.name,
        ORDERS_DB_PASSWORD: "Summer2024!", // gap: secret in plain text
    },
    tags: ai,
});

new aws.bedrock.AgentcoreBrowser("research-browser", {
    name: "research_browser",
    networkConfiguration: { networkMode: "PUBLIC" }, // gap: public browsing, no session recording
    tags: ai,
});

new aws.bedrock.AgentcoreCodeInterpreter("analysis-sandbox", {
    name: "analysis_sandbox",
    executionRoleArn: bedrockRole.arn,
    networkConfiguration: { networkMode: "PUBLIC" }, // gap: generated code can reach the internet
    tags: ai,
});

// ---------------------------------------------------------------------------------------------
// APIs in front of the model: no authorization, no access logs, full request/response logging.
// ---------------------------------------------------------------------------------------------
const restApi = new aws.apigateway.RestApi("genai-api", {
    description: "Public inference API",
    tags: ai,
});
const invoke = new aws.apigateway.Resource("genai-invoke", {
    restApi: restApi.id,
    parentId: restApi.rootResourceId,
    pathPart: "invoke",
});
const invokeMethod = new aws.apigateway.Method("genai-invoke-post", {
    restApi: restApi.id,
    resourceId: invoke.id,
    httpMethod: "POST",
    authorization: "NONE", // gap: unauthenticated
    apiKeyRequired: false,
});
const invokeIntegration = new aws.apigateway.Integration("genai-invoke-sagemaker", {
    restApi: restApi.id,
    resourceId: invoke.id,
    httpMethod: invokeMethod.httpMethod,
    type: "AWS",
    integrationHttpMethod: "POST",
    uri: pulumi.interpolate`arn:aws:apigateway:${region}:runtime.sagemaker:path//endpoints/${endpoint.name}/invocations`,
    credentials: sagemakerRole.arn,
});
const deployment = new aws.apigateway.Deployment(
    "genai-deployment",
    { restApi: restApi.id },
    { dependsOn: [invokeIntegration] },
);
const stage = new aws.apigateway.Stage("genai-prod", {
    restApi: restApi.id,
    deployment: deployment.id,
    stageName: "prod",
    // gap: no accessLogSettings, no X-Ray, no WAF, no client certificate
    tags: ai,
});
new aws.apigateway.MethodSettings("genai-prod-all", {
    restApi: restApi.id,
    stageName: stage.stageName,
    methodPath: "*/*",
    settings: {
        loggingLevel: "INFO",
        dataTraceEnabled: true, // gap: prompts and completions written to execution logs
        metricsEnabled: true,
    },
});
// gap: execution logging switched off for the busiest method "to save cost"
new aws.apigateway.MethodSettings("genai-prod-invoke", {
    restApi: restApi.id,
    stageName: stage.stageName,
    methodPath: "invoke/POST",
    settings: { loggingLevel: "OFF", metricsEnabled: false },
});

const httpApi = new aws.apigatewayv2.Api("agent-http-api", {
    protocolType: "HTTP",
    corsConfiguration: { allowOrigins: ["*"], allowMethods: ["*"], allowHeaders: ["*"] }, // gap: any origin
    tags: ai,
});
const httpIntegration = new aws.apigatewayv2.Integration("agent-http-proxy", {
    apiId: httpApi.id,
    integrationType: "HTTP_PROXY",
    integrationMethod: "ANY",
    integrationUri: "https://agents.example.com/{proxy}",
});
new aws.apigatewayv2.Route("agent-http-route", {
    apiId: httpApi.id,
    routeKey: "ANY /{proxy+}",
    target: pulumi.interpolate`integrations/${httpIntegration.id}`,
    authorizationType: "NONE", // gap: unauthenticated
});
new aws.apigatewayv2.Stage("agent-http-default", {
    apiId: httpApi.id,
    name: "$default",
    autoDeploy: true,
    // gap: no accessLogSettings, no throttling
    tags: ai,
});

// A WebSocket API streaming chat tokens, with full payload tracing on every route.
const chatSocket = new aws.apigatewayv2.Api("chat-stream", {
    protocolType: "WEBSOCKET",
    routeSelectionExpression: "$request.body.action",
    tags: ai,
});
new aws.apigatewayv2.Stage("chat-stream-prod", {
    apiId: chatSocket.id,
    name: "prod",
    autoDeploy: true,
    defaultRouteSettings: {
        loggingLevel: "INFO",
        dataTraceEnabled: true, // gap: prompts and streamed completions written to logs
        throttlingBurstLimit: 5000,
        throttlingRateLimit: 10000,
    },
    // gap: no accessLogSettings
    tags: ai,
});

// ---------------------------------------------------------------------------------------------
// NLP and enterprise search: no KMS, no VPC, no per-user access control.
// ---------------------------------------------------------------------------------------------
new aws.comprehend.EntityRecognizer("pii-recognizer", {
    name: "customer-pii",
    dataAccessRoleArn: nlpRole.arn,
    languageCode: "en",
    inputDataConfig: {
        entityTypes: [{ type: "ACCOUNT_NUMBER" }, { type: "LOYALTY_ID" }],
        documents: { s3Uri: s3("comprehend/documents/") },
        entityList: { s3Uri: s3("comprehend/entities.csv") },
    },
    // gap: no modelKmsKeyId, no volumeKmsKeyId, no vpcConfig
    tags: ai,
});

new aws.comprehend.DocumentClassifier("ticket-classifier", {
    name: "support-ticket-classifier",
    dataAccessRoleArn: nlpRole.arn,
    languageCode: "en",
    mode: "MULTI_CLASS",
    inputDataConfig: { s3Uri: s3("comprehend/tickets.csv") },
    outputDataConfig: { s3Uri: s3("comprehend/classifier-output/") }, // gap: no kmsKeyId
    // gap: no modelKmsKeyId, no volumeKmsKeyId, no vpcConfig
    tags: ai,
});

new aws.kendra.Index("enterprise-search", {
    name: "genai-enterprise-search",
    roleArn: nlpRole.arn,
    edition: "DEVELOPER_EDITION",
    // gap: no serverSideEncryptionConfiguration, no userTokenConfigurations (every user sees every document)
    tags: ai,
});

// ---------------------------------------------------------------------------------------------
// Self-hosted models (iaas): an EKS cluster whose GPU node group serves an open-weights model, and
// a GPU instance running an inference server. Neither is tagged: the accelerated instance types
// put them in the AI system.
// ---------------------------------------------------------------------------------------------
const clusterRole = new aws.iam.Role("model-cluster-role", { assumeRolePolicy: assumedBy("eks.amazonaws.com") });
const modelCluster = new aws.eks.Cluster("model-cluster", {
    roleArn: clusterRole.arn,
    // gap: the API server is public and open to 0.0.0.0/0 (the defaults), and secrets use an AWS owned key
    vpcConfig: { subnetIds: [subnet.id] },
});
const gpuNodeRole = new aws.iam.Role("gpu-node-role", { assumeRolePolicy: assumedBy("ec2.amazonaws.com") });
new aws.eks.NodeGroup("gpu-nodes", {
    clusterName: modelCluster.name,
    nodeRoleArn: gpuNodeRole.arn,
    subnetIds: [subnet.id],
    instanceTypes: ["g5.2xlarge"],
    amiType: "AL2023_x86_64_NVIDIA",
    scalingConfig: { desiredSize: 1, maxSize: 2, minSize: 0 },
    remoteAccess: { ec2SshKey: "ops" }, // gap: SSH from anywhere (no sourceSecurityGroupIds)
});

new aws.ec2.Instance("vllm-server", {
    ami: "ami-0123456789abcdef0",
    instanceType: "g6e.xlarge",
    subnetId: subnet.id,
    vpcSecurityGroupIds: [aiSg.id],
    associatePublicIpAddress: true, // gap: the model server has a public IP
    // gap: no metadataOptions (IMDSv1 allowed), and an unencrypted root volume
    rootBlockDevice: { volumeSize: 500, volumeType: "gp3" },
    tags: { Name: "vllm-server" },
});

// A front door: the chat API calls the endpoint from a Lambda function anyone on the internet can
// reach through its function URL.
const chatRole = new aws.iam.Role("chat-api-role", { assumeRolePolicy: assumedBy("lambda.amazonaws.com") });
const chatApi = new aws.lambda.Function("chat-api", {
    role: chatRole.arn,
    runtime: "python3.12",
    handler: "app.handler",
    code: new pulumi.asset.AssetArchive({ "app.py": new pulumi.asset.StringAsset("def handler(e, c):\n    pass\n") }),
    environment: { variables: { ENDPOINT_NAME: endpoint.name } },
});
new aws.lambda.FunctionUrl("chat-api-url", {
    functionName: chatApi.name,
    authorizationType: "NONE", // gap: anonymous callers reach the model
    cors: { allowOrigins: ["*"] }, // gap: any web page can call it from a browser
});
// The function's own log group, where its code logs prompts and the model's answers.
new aws.cloudwatch.LogGroup("chat-api-logs", {
    name: pulumi.interpolate`/aws/lambda/${chatApi.name}`,
    retentionInDays: 7, // gap: a week of logs, and no kmsKeyId (a CloudWatch Logs service key)
});
