// Ordinary stacks with no AI system in them, run through the whole pack with every policy at its
// default level: the pack must stay silent. Inputs are typed with the SDKs' own argument types.
import type * as aws from "@pulumi/aws";
import type * as azure from "@pulumi/azure-native";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PackSession } from "../harness/engine";
import type { WireObject } from "../harness/model";
import { type FixtureResource, openPack, resource, snapshots } from "./support/pack";

const wire = (args: object): WireObject => args as WireObject;

let pack: PackSession;
beforeAll(async () => {
    pack = await openPack();
});
afterAll(async () => {
    await pack?.close();
});

async function diagnosticsOf(resources: readonly FixtureResource[]) {
    const result = await pack.run({ resources: snapshots(resources), dryRun: true });
    return result.diagnostics.map((d) => `${d.policy} ${d.name}: ${d.message.split("\n")[0]}`);
}

const ecrCache: FixtureResource[] = [
    resource(
        "aws:ecr/repository:Repository",
        "cache-ubuntu",
        wire({ name: "cache/ubuntu", imageTagMutability: "MUTABLE" } satisfies aws.ecr.RepositoryArgs),
    ),
    resource(
        "aws:ecr/pullThroughCacheRule:PullThroughCacheRule",
        "docker-hub",
        wire({
            ecrRepositoryPrefix: "cache",
            upstreamRegistryUrl: "registry-1.docker.io",
        } satisfies aws.ecr.PullThroughCacheRuleArgs),
    ),
    resource(
        "aws:ecr/repositoryPolicy:RepositoryPolicy",
        "cache-ubuntu-policy",
        wire({
            repository: "cache/ubuntu",
            policy: JSON.stringify({
                Version: "2012-10-17",
                Statement: [{ Effect: "Allow", Principal: "*", Action: ["ecr:BatchGetImage"] }],
            }),
        } satisfies aws.ecr.RepositoryPolicyArgs),
        { propertyDependencies: { repository: ["cache-ubuntu"] } },
    ),
];

const httpApiWithLambda: FixtureResource[] = [
    resource(
        "aws:iam/role:Role",
        "orders-fn-role",
        wire({
            assumeRolePolicy: JSON.stringify({
                Version: "2012-10-17",
                Statement: [
                    { Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" },
                ],
            }),
        } satisfies aws.iam.RoleArgs),
    ),
    resource(
        "aws:lambda/function:Function",
        "orders-fn",
        wire({
            role: "arn:aws:iam::123456789012:role/orders-fn-role",
            runtime: "nodejs20.x",
            handler: "index.handler",
            environment: { variables: { TABLE: "orders" } },
        } satisfies aws.lambda.FunctionArgs),
        { propertyDependencies: { role: ["orders-fn-role"] } },
    ),
    resource(
        "aws:apigatewayv2/api:Api",
        "orders-api",
        wire({ protocolType: "HTTP", name: "orders" } satisfies aws.apigatewayv2.ApiArgs),
    ),
    resource(
        "aws:apigatewayv2/integration:Integration",
        "orders-integration",
        wire({
            apiId: "a1b2c3",
            integrationType: "AWS_PROXY",
            integrationUri: "arn:aws:lambda:us-east-1:123456789012:function:orders-fn",
        } satisfies aws.apigatewayv2.IntegrationArgs),
        { propertyDependencies: { apiId: ["orders-api"], integrationUri: ["orders-fn"] } },
    ),
    resource(
        "aws:apigatewayv2/route:Route",
        "orders-route",
        wire({
            apiId: "a1b2c3",
            routeKey: "POST /orders",
            authorizationType: "NONE",
        } satisfies aws.apigatewayv2.RouteArgs),
        { propertyDependencies: { apiId: ["orders-api"] } },
    ),
    resource(
        "aws:apigatewayv2/stage:Stage",
        "orders-stage",
        wire({ apiId: "a1b2c3", name: "$default", autoDeploy: true } satisfies aws.apigatewayv2.StageArgs),
        { propertyDependencies: { apiId: ["orders-api"] } },
    ),
    resource(
        "aws:s3/bucketV2:BucketV2",
        "orders-exports",
        wire({ bucket: "orders-exports" } satisfies aws.s3.BucketV2Args),
    ),
    resource(
        "aws:ec2/securityGroup:SecurityGroup",
        "web-sg",
        wire({
            ingress: [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"] }],
        } satisfies aws.ec2.SecurityGroupArgs),
    ),
    resource(
        "aws:kms/key:Key",
        "orders-key",
        wire({ description: "orders", enableKeyRotation: false } satisfies aws.kms.KeyArgs),
    ),
];

const azureWebApp: FixtureResource[] = [
    resource(
        "azure-native:storage:StorageAccount",
        "webassets",
        wire({
            resourceGroupName: "rg",
            kind: "StorageV2",
            sku: { name: "Standard_LRS" },
            allowBlobPublicAccess: true,
            minimumTlsVersion: "TLS1_0",
        } satisfies azure.storage.StorageAccountArgs),
    ),
    resource(
        "azure-native:web:AppServicePlan",
        "web-plan",
        wire({ resourceGroupName: "rg", sku: { name: "B1", tier: "Basic" } } satisfies azure.web.AppServicePlanArgs),
    ),
    resource(
        "azure-native:web:WebApp",
        "shop",
        wire({
            resourceGroupName: "rg",
            serverFarmId: "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Web/serverfarms/web-plan",
            siteConfig: { appSettings: [{ name: "DB_HOST", value: "shop-db.postgres.database.azure.com" }] },
        } satisfies azure.web.WebAppArgs),
        { propertyDependencies: { serverFarmId: ["web-plan"] } },
    ),
    resource(
        "azure-native:dbforpostgresql:Server",
        "shop-db",
        wire({
            resourceGroupName: "rg",
            version: "16",
            sku: { name: "Standard_B1ms", tier: "Burstable" },
        } satisfies azure.dbforpostgresql.ServerArgs),
    ),
    resource(
        "azure-native:keyvault:Vault",
        "shop-kv",
        wire({
            resourceGroupName: "rg",
            properties: { tenantId: "t", sku: { family: "A", name: "standard" } },
        } satisfies azure.keyvault.VaultArgs),
    ),
    resource(
        "azure-native:network:NetworkSecurityGroup",
        "web-nsg",
        wire({
            resourceGroupName: "rg",
            securityRules: [
                {
                    name: "https",
                    priority: 100,
                    direction: "Inbound",
                    access: "Allow",
                    protocol: "Tcp",
                    sourceAddressPrefix: "Internet",
                    sourcePortRange: "*",
                    destinationAddressPrefix: "*",
                    destinationPortRange: "443",
                },
            ],
        } satisfies azure.network.NetworkSecurityGroupArgs),
    ),
];

const aksWithoutGpu: FixtureResource[] = [
    resource(
        "azure-native:containerservice:ManagedCluster",
        "apps-aks",
        wire({
            resourceGroupName: "rg",
            dnsPrefix: "apps",
            agentPoolProfiles: [{ name: "system", count: 3, vmSize: "Standard_D4s_v5", mode: "System" }],
            apiServerAccessProfile: { enablePrivateCluster: false },
        } satisfies azure.containerservice.ManagedClusterArgs),
    ),
    resource(
        "azure-native:containerregistry:Registry",
        "appsacr",
        wire({
            resourceGroupName: "rg",
            sku: { name: "Basic" },
            adminUserEnabled: true,
        } satisfies azure.containerregistry.RegistryArgs),
    ),
];

describe("stacks without an AI system", () => {
    it("an ECR pull-through cache gets no finding", async () => {
        expect(await diagnosticsOf(ecrCache)).toEqual([]);
    });

    it("an HTTP API with a Lambda function, a bucket, a key and a public web security group gets no finding", async () => {
        expect(await diagnosticsOf(httpApiWithLambda)).toEqual([]);
    });

    it("an Azure web app with a database, a storage account, a key vault and an NSG gets no finding", async () => {
        expect(await diagnosticsOf(azureWebApp)).toEqual([]);
    });

    it("an AKS cluster without GPU node pools and its registry get no finding", async () => {
        expect(await diagnosticsOf(aksWithoutGpu)).toEqual([]);
    });

    it("the same ECR repository is judged once a SageMaker model runs its image", async () => {
        const withModel = [
            ...ecrCache,
            resource(
                "aws:sagemaker/model:Model",
                "fraud-model",
                wire({
                    executionRoleArn: "arn:aws:iam::123456789012:role/sm",
                    primaryContainer: { image: "123456789012.dkr.ecr.us-east-1.amazonaws.com/cache/ubuntu:1" },
                } satisfies aws.sagemaker.ModelArgs),
                { propertyDependencies: { primaryContainer: ["cache-ubuntu"] } },
            ),
        ];
        const found = await diagnosticsOf(withModel);
        expect(
            found.filter((d) => d.startsWith("model-image-repo-policy-not-public cache-ubuntu-policy")),
        ).toHaveLength(1);
        expect(found.filter((d) => d.startsWith("model-image-repo-scan-on-push cache-ubuntu"))).toHaveLength(1);
    });
});
