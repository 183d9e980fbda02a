// The hardened components pass the whole pack by construction, each loosening option yields the
// finding it should, and bad arguments fail at construction naming the argument and allowed values.
import * as path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { validateBedrockGuardrailArgs } from "../components/aws/bedrock-guardrail";
import { validateBedrockInvocationLoggingArgs } from "../components/aws/bedrock-invocation-logging";
import { validateModelArtifactStoreArgs } from "../components/aws/model-artifact-store";
import { validatePrivateAiNetworkArgs } from "../components/aws/private-ai-network";
import { validateSageMakerInferenceEndpointArgs } from "../components/aws/sagemaker-inference-endpoint";
import { ArgumentError, validateFor } from "../components/shared/validation";
import { captureProgram } from "../harness/capture/capture";
import { type Diagnostic, PackSession } from "../harness/engine";
import type { ResourceSnapshot } from "../harness/model";
import { packDir, projectRoot } from "./support/pack";

async function preview(dir: string): Promise<Diagnostic[]> {
    // A shared machine can take more than the CLI's default 120 s to type-check and run a program.
    const captured = await captureProgram(dir, { stack: "dev", timeoutMs: 280_000 });
    const session = await PackSession.open({ packDir, project: captured.program.project, stack: "dev", dryRun: true });
    try {
        const result = await session.run({ resources: captured.resources, dryRun: true, config: captured.config });
        return [...result.diagnostics];
    } finally {
        await session.close();
    }
}

const describeFinding = (d: Diagnostic) => `${d.policy} on ${d.name}${d.undecided ? " (undecided)" : ""}`;

describe("examples/aws-secure, built from the AWS components with defaults", () => {
    let diagnostics: Diagnostic[];
    beforeAll(async () => {
        diagnostics = await preview(path.join(projectRoot, "examples", "aws-secure"));
    }, 300_000);

    it("has no violation and nothing left undecided under the full pack", () => {
        expect(diagnostics.map(describeFinding)).toEqual([]);
    });
});

describe("AWS components with a default loosened", () => {
    let diagnostics: Diagnostic[];
    beforeAll(async () => {
        diagnostics = await preview(path.join(__dirname, "fixtures", "programs", "aws-loosened"));
    }, 300_000);

    it.each([
        ["versioning: false", "ai-bucket-versioning", "unversioned-store"],
        ["allowContainerNetworkAccess: true", "sagemaker-model-network-isolation", "networked-model"],
        ['registryAccess: "Platform"', "sagemaker-model-private-registry", "ecr-platform-model"],
        ["captureSamplingPercentage: 20", "sagemaker-endpoint-data-capture", "sampled-capture"],
        ["instanceCount: 1", "sagemaker-endpoint-multi-instance", "single-instance"],
        ["skipMonitoring: true", "sagemaker-model-monitoring-scheduled", "unmonitored"],
        ['contentFilterStrength: "LOW"', "bedrock-guardrail-content-filters", "low-filters"],
        ["retentionInDays: 30", "bedrock-invocation-logs-protected", "short-retention-logs"],
    ])("%s is flagged by %s", (_, policy, resource) => {
        expect(diagnostics.filter((d) => !d.undecided).map((d) => `${d.policy} on ${d.name}`)).toContain(
            `${policy} on ${resource}`,
        );
    });

    it("leaves the components that keep their defaults clean", () => {
        const defaults = (name: string) => ["net", "store"].some((c) => name === c || name.startsWith(`${c}-`));
        const byDefault = diagnostics.filter((d) => defaults(d.name));
        expect(byDefault.map(describeFinding)).toEqual([]);
    });
});

describe("examples/azure-secure, built from the Azure components with defaults", () => {
    let diagnostics: Diagnostic[];
    beforeAll(async () => {
        diagnostics = await preview(path.join(projectRoot, "examples", "azure-secure"));
    }, 300_000);

    it("has no violation under the full pack", () => {
        expect(diagnostics.filter((d) => !d.undecided).map(describeFinding)).toEqual([]);
    });

    it("leaves only the checks on azure-native object inputs that hold a key created in the same program to pulumi up", () => {
        // azure-native turns an AI account's properties (or a storage account's encryption) into one
        // unknown during preview when any value inside is unknown, such as a key URI created here.
        const undecided = diagnostics.filter((d) => d.undecided);
        expect(undecided.every((d) => /can't be known during preview/.test(d.message))).toBe(true);
        expect(new Set(undecided.map((d) => d.type))).toEqual(
            new Set(["azure-native:cognitiveservices:Account", "azure-native:storage:StorageAccount"]),
        );
    });
});

describe("Azure components with a default loosened", () => {
    let diagnostics: Diagnostic[];
    beforeAll(async () => {
        diagnostics = await preview(path.join(__dirname, "fixtures", "programs", "azure-loosened"));
    }, 300_000);

    it("yields exactly the violations each option names, and nothing else", () => {
        const found = new Set(diagnostics.map((d) => `${d.policy} on ${d.name}`));
        expect([...found].sort()).toEqual(
            [
                "ai-account-cmk on ms-keys-account",
                "ai-account-local-auth-disabled on local-auth-account",
                "ai-account-network-acls-deny on public-account",
                "ai-account-public-network-disabled on public-account",
                "ai-storage-account-cmk on mskeysmlst",
                "ai-storage-account-cmk on mskeysstoragest",
                "ai-storage-account-network-restricted on publicstoragest",
                "ai-storage-account-shared-key-disabled on accountkeysmlst",
                "ai-storage-account-shared-key-disabled on sharedkeystoragest",
                "ml-online-deployment-data-collection on no-collection-endpoint-blue",
                "ml-online-deployment-egress-disabled on public-egress-endpoint-blue",
                "ml-online-endpoint-keyless-auth on key-auth-endpoint",
                "ml-online-endpoint-public-network-disabled on public-endpoint",
                "ml-workspace-cmk on ms-keys-ml",
                "ml-workspace-identity-datastore-auth on account-keys-ml",
                "ml-workspace-managed-network-approved-outbound on open-egress-ml",
                "ml-workspace-public-network-disabled on public-ml",
                "openai-outbound-restricted on open-outbound-account",
            ].sort(),
        );
    });
});

describe("component arguments", () => {
    it.each([
        [
            "ModelArtifactStore",
            () => validateModelArtifactStoreArgs({ grants: [{ roleName: "r", prefix: "*" }] }),
            /argument 'grants\[0\]\.prefix' must be a non-empty key prefix/,
        ],
        [
            "ModelArtifactStore",
            () => validateModelArtifactStoreArgs({ serviceWriters: [{ service: "bedrock", prefix: "x/" }] }),
            /argument 'serviceWriters\[0\]\.service' is 'bedrock'; allowed: an AWS service principal/,
        ],
        [
            "PrivateAiNetwork",
            () => validatePrivateAiNetworkArgs({ cidrBlock: "10.0.0.0/8" }),
            /argument 'cidrBlock' is '10\.0\.0\.0\/8'; allowed: an IPv4 range from \/16 to \/24/,
        ],
        [
            "PrivateAiNetwork",
            () => validatePrivateAiNetworkArgs({ availabilityZones: [] }),
            /argument 'availabilityZones' has 0 zones; allowed: 1 to 6/,
        ],
        [
            "BedrockGuardrail",
            () => validateBedrockGuardrailArgs({ contentFilterStrength: "NONE" as "LOW" }),
            /argument 'contentFilterStrength' is 'NONE'; allowed: 'LOW', 'MEDIUM', 'HIGH'/,
        ],
        [
            "BedrockGuardrail",
            () => validateBedrockGuardrailArgs({ groundingThreshold: 1 }),
            /argument 'groundingThreshold' is 1; allowed: a number from 0\.5 to 0\.99/,
        ],
        [
            "BedrockGuardrail",
            () => validateBedrockGuardrailArgs({ groundingThreshold: 0.1 }),
            /argument 'groundingThreshold' is 0\.1; allowed: a number from 0\.5 to 0\.99/,
        ],
        [
            "BedrockGuardrail",
            () => validateBedrockGuardrailArgs({ piiEntities: ["EMAIL", "SSN"] }),
            /argument 'piiEntities\[1\]' is 'SSN'; allowed: 'ADDRESS', 'AGE', /,
        ],
        [
            "BedrockGuardrail",
            () => validateBedrockGuardrailArgs({ piiEntities: [] }),
            /argument 'piiEntities' is empty; allowed: at least one PII entity type/,
        ],
        [
            "BedrockGuardrail",
            () => validateBedrockGuardrailArgs({ kmsKeyArn: "my-key" }),
            /argument 'kmsKeyArn' is 'my-key'; allowed: a KMS key ARN/,
        ],
        [
            "BedrockInvocationLogging",
            () => validateBedrockInvocationLoggingArgs({ kmsKeyArn: "arn:aws:s3:::not-a-key" }),
            /argument 'kmsKeyArn' is 'arn:aws:s3:::not-a-key'; allowed: a KMS key ARN/,
        ],
        [
            "ModelArtifactStore",
            () => validateModelArtifactStoreArgs({ kmsKeyArn: "arn:aws:kms:eu-central-1:111122223333:garbage" }),
            /argument 'kmsKeyArn' is 'arn:aws:kms:eu-central-1:111122223333:garbage'; allowed: a KMS key ARN/,
        ],
        [
            "ModelArtifactStore",
            () =>
                validateModelArtifactStoreArgs({
                    grants: [{ roleName: "arn:aws:iam::111122223333:role/ml/trainer", prefix: "models/" }],
                }),
            /argument 'grants\[0\]\.roleName' is the ARN 'arn:aws:iam::111122223333:role\/ml\/trainer'; allowed: the role name, here 'trainer'/,
        ],
        [
            "ModelArtifactStore",
            () =>
                validateModelArtifactStoreArgs({
                    grants: [{ roleName: "r", prefix: "m/", access: "write" as "read" }],
                }),
            /argument 'grants\[0\]\.access' is 'write'; allowed: 'read', 'read-write'/,
        ],
        [
            "PrivateAiNetwork",
            () => validatePrivateAiNetworkArgs({ availabilityZones: ["euc1-az1"] }),
            /argument 'availabilityZones\[0\]' is 'euc1-az1'; allowed: a zone name such as 'eu-central-1a'/,
        ],
        [
            "PrivateAiNetwork",
            () => validatePrivateAiNetworkArgs({ availabilityZones: ["eu-central-1a", "eu-central-1a"] }),
            /argument 'availabilityZones' names a zone twice/,
        ],
        [
            "PrivateAiNetwork",
            () => validatePrivateAiNetworkArgs({ interfaceServices: ["com.amazonaws.eu-central-1.bedrock"] }),
            /argument 'interfaceServices\[0\]' is 'com\.amazonaws\.eu-central-1\.bedrock'; allowed: the service part/,
        ],
        [
            "SageMakerInferenceEndpoint",
            () =>
                validateSageMakerInferenceEndpointArgs({
                    image: "i",
                    store: undefined as never,
                    modelDataKey: "m/model.tar.gz",
                    subnetIds: [],
                    securityGroupIds: [],
                    instanceType: "m5.large",
                }),
            /argument 'instanceType' is 'm5\.large'; allowed: a SageMaker hosting instance type/,
        ],
        [
            "SageMakerInferenceEndpoint",
            () =>
                validateSageMakerInferenceEndpointArgs({
                    image: "i",
                    store: undefined as never,
                    modelDataKey: "m/model.tar.gz",
                    subnetIds: [],
                    securityGroupIds: [],
                    captureSamplingPercentage: 0,
                }),
            /argument 'captureSamplingPercentage' is 0; allowed: a number from 1 to 100/,
        ],
        [
            "BedrockInvocationLogging",
            () => validateBedrockInvocationLoggingArgs({ retentionInDays: 0 }),
            /argument 'retentionInDays' is 0; allowed: a number from 1 to 3653/,
        ],
        [
            "SageMakerInferenceEndpoint",
            () =>
                validateSageMakerInferenceEndpointArgs({
                    image: "i",
                    store: undefined as never,
                    modelDataKey: "s3://bucket/model.tar.gz",
                    subnetIds: [],
                    securityGroupIds: [],
                }),
            /argument 'modelDataKey' must be a key inside the store/,
        ],
        [
            "SageMakerInferenceEndpoint",
            () =>
                validateSageMakerInferenceEndpointArgs({
                    image: "i",
                    store: undefined as never,
                    modelDataKey: "m/model.tar.gz",
                    subnetIds: [],
                    securityGroupIds: [],
                    registryAccess: "Public" as "Vpc",
                }),
            /argument 'registryAccess' is 'Public'; allowed: 'Vpc', 'Platform'/,
        ],
    ])("%s rejects a bad argument by name", (component, validate, message) => {
        let error: unknown;
        try {
            validate();
        } catch (e) {
            error = e;
        }
        expect(error).toBeInstanceOf(ArgumentError);
        expect((error as Error).message).toMatch(new RegExp(`^aiguard:aws:${component}: `));
        expect((error as Error).message).toMatch(message);
    });
});

describe("argument errors name the component instance", () => {
    it("prefixes the instance a constructor validates for", () => {
        expect(() => validateFor("ml", () => validatePrivateAiNetworkArgs({ cidrBlock: "10.0.0.0/8" }))).toThrow(
            /^aiguard:aws:PrivateAiNetwork 'ml': argument 'cidrBlock' is '10\.0\.0\.0\/8'/,
        );
    });

    // Errors that only the provider's region (or the whole program) reveals fail the preview.
    it.each([
        [
            "zone-of-another-region",
            "aiguard:aws:PrivateAiNetwork 'net': argument 'availabilityZones[0]' is 'us-east-1a'; allowed: a zone of the provider's region eu-central-1",
        ],
        [
            "store-key-of-another-region",
            "aiguard:aws:ModelArtifactStore 'store': argument 'kmsKeyArn' is a key in us-east-1 (aws); allowed: a key in the provider's region eu-central-1 (aws)",
        ],
        [
            "guardrail-key-of-another-region",
            "aiguard:aws:BedrockGuardrail 'assistant': argument 'kmsKeyArn' is a key in us-east-1 (aws)",
        ],
        [
            "logging-key-of-another-region",
            "aiguard:aws:BedrockInvocationLogging 'invocations': argument 'kmsKeyArn' is a key in us-east-1 (aws)",
        ],
        [
            "two-logging-configurations",
            "aiguard:aws:BedrockInvocationLogging 'second': argument '(instance)' is a second invocation logging configuration for account",
        ],
        [
            "no-monitor-image-in-region",
            "aiguard:aws:SageMakerInferenceEndpoint 'model': argument 'monitorImage' is not given and AWS publishes no Model Monitor analyzer in eu-south-2",
        ],
    ])("%s", async (name, message) => {
        const error = await captureProgram(path.join(__dirname, "fixtures", "programs", "aws-argument-errors"), {
            stack: "dev",
            typeCheck: false,
            config: { "aws-argument-errors:case": name },
        }).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(Error);
        expect((error as Error).message).toMatch(/aws-argument-errors\/index\.ts: the program failed: /);
        expect((error as Error).message).toContain(message);
    });
});

/** The few inputs the region checks read. */
interface CapturedInputs {
    readonly availabilityZone?: string;
    readonly serviceName?: string;
    readonly policy?: unknown;
    readonly dataQualityAppSpecification?: { readonly imageUri?: string };
}

describe("AWS components take region and partition from the provider they run under", () => {
    const program = path.join(__dirname, "fixtures", "programs", "aws-regions");
    const inputsOf = (resources: readonly ResourceSnapshot[], type: string, prefix: string) =>
        resources.filter((r) => r.type === type && r.name.startsWith(prefix)).map((r) => r.inputs as CapturedInputs);

    it.each([
        ["eu-central-1", "com.amazonaws", "amazonaws.com", "aws", "048819808253"],
        ["cn-north-1", "cn.com.amazonaws", "amazonaws.com.cn", "aws-cn", "453000072557"],
    ])(
        "an explicit provider in %s, beside the stack's us-east-1",
        async (region, reverseDns, dnsSuffix, partition, registry) => {
            const { resources } = await captureProgram(program, {
                stack: "dev",
                typeCheck: false,
                config: { "aws-regions:explicitRegion": region },
            });
            for (const [prefix, r, rev, dns, part, reg] of [
                ["explicit-", region, reverseDns, dnsSuffix, partition, registry],
                ["default-", "us-east-1", "com.amazonaws", "amazonaws.com", "aws", "156813124566"],
            ] as const) {
                const zones = inputsOf(resources, "aws:ec2/subnet:Subnet", prefix).map((i) => i.availabilityZone);
                expect(zones).toEqual([`${r}a`, `${r}b`]);
                const services = inputsOf(resources, "aws:ec2/vpcEndpoint:VpcEndpoint", prefix).map(
                    (i) => i.serviceName,
                );
                expect(services).toContain(`${rev}.${r}.s3`);
                expect(services).toContain(`${rev}.${r}.sagemaker.runtime`);
                expect(services.every((s) => s?.startsWith(`${rev}.${r}.`))).toBe(true);
                const [monitor] = inputsOf(
                    resources,
                    "aws:sagemaker/dataQualityJobDefinition:DataQualityJobDefinition",
                    prefix,
                );
                expect(monitor?.dataQualityAppSpecification?.imageUri).toBe(
                    `${reg}.dkr.ecr.${r}.${dns}/sagemaker-model-monitor-analyzer`,
                );
                const policies = inputsOf(resources, "aws:iam/rolePolicy:RolePolicy", `${prefix}model`).map(
                    (i) => i.policy,
                );
                expect(JSON.stringify(policies)).toContain(`arn:${part}:logs:${r}:`);
                const [key] = inputsOf(resources, "aws:kms/key:Key", `${prefix}logging`);
                expect(key?.policy).toContain(`arn:${part}:iam::`);
                expect(key?.policy).toContain(`logs.${r}.${dns}`);
            }
        },
    );
});
