import { cite } from "../../../core/citations";
import type { ResourcePolicyDefinition, Subject } from "../../../core/definition";
import { defineSettingsPolicy, type SettingRule, type SettingsPolicyDefinition } from "../../../core/settings";
import { arrayOf, field } from "../../../core/values";

type Config = { localStorageInstanceFamilies?: readonly string[] };

const keyArn = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";

/** Instance families with local NVMe instance storage, for which SageMaker rejects a volume key. */
export const defaultLocalStorageFamilies: readonly string[] = [
    "ml.c5d",
    "ml.m5d",
    "ml.r5d",
    "ml.c6id",
    "ml.m6id",
    "ml.r6id",
    "ml.g4dn",
    "ml.g5",
    "ml.g6",
    "ml.g6e",
    "ml.gr6",
    "ml.p3dn",
    "ml.p4d",
    "ml.p4de",
    "ml.p5",
    "ml.p5e",
    "ml.p5en",
    "ml.trn1",
    "ml.trn1n",
];

const volumeKey: SettingRule = {
    path: "kmsKeyArn",
    expect: { kind: "present" },
    missing: { verdict: "violation", providerDefault: "an AWS managed key" },
    examples: { violating: "", compliant: keyArn },
};

const payloadKeys: readonly SettingRule[] = [
    {
        path: "asyncInferenceConfig.outputConfig.kmsKeyId",
        expect: { kind: "present" },
        missing: { verdict: "violation", providerDefault: "SSE-S3 / the bucket default" },
        examples: { violating: "", compliant: keyArn },
        onlyIf: { path: "asyncInferenceConfig" },
    },
    {
        path: "dataCaptureConfig.kmsKeyId",
        expect: { kind: "present" },
        missing: { verdict: "violation", providerDefault: "SSE-S3 / the bucket default" },
        examples: { violating: "", compliant: keyArn },
        onlyIf: { path: "dataCaptureConfig" },
    },
];

const definition: Omit<SettingsPolicyDefinition<Config>, "settings"> = {
    id: "sagemaker-endpoint-config-kms-cmk",
    cloud: "aws",
    resourceTypes: ["aws:sagemaker/endpointConfiguration:EndpointConfiguration"],
    area: "model-storage",
    layer: "paas",
    severity: "high",
    enforcementLevel: "mandatory",
    description:
        "SageMaker endpoint configurations encrypt the instance storage volume, asynchronous inference output and captured inference data with customer managed KMS keys.",
    controls: cite({
        "nist-800-53": {
            implements: ["SC-28(1)"],
            supports: ["SC-12"],
            why: "Encrypted at rest under a customer managed key, whose use the customer controls and can revoke: endpoint instance storage, async inference output and captured inference data.",
        },
        "mitre-atlas": {
            implements: ["AML.M0012"],
            mitigates: ["AML.T0035"],
            why: "Encryption under a customer key (AML.M0012) leaves a stolen copy of endpoint instance storage, async inference output and captured inference data unreadable without use of the key.",
        },
        "iso-27001": {
            implements: ["A.8.24"],
            why: "Use of cryptography: the check requires encryption at rest with a customer managed key.",
        },
    }),
    peers: [
        { tool: "checkov", id: "CKV_AWS_98" },
        { tool: "kics", id: "58b35504-0287-4154-bf69-02c0573deab8" },
        { tool: "prowler", id: "sagemaker_endpoint_config_kms_encryption_enabled" },
    ],
    remediation: [
        "Set kmsKeyArn to the ARN of a customer managed KMS key (not possible for instance types with local NVMe storage).",
        "When asyncInferenceConfig is set, set asyncInferenceConfig.outputConfig.kmsKeyId to a customer managed key.",
        "When dataCaptureConfig is set, set dataCaptureConfig.kmsKeyId to a customer managed key.",
    ],
    notes: [
        "kmsKeyArn encrypts the ML storage volume of the endpoint instances. SageMaker rejects it when a variant uses an instance type with local NVMe storage (for example ml.g5 or ml.p4d); such configurations are checked only for the asynchronous output and capture keys. The families are configurable with localStorageInstanceFamilies; an unknown instance type or variant list counts as not local storage, so the volume key is required.",
        "Inference payloads (prompts and outputs) land in the asynchronous output and data capture buckets, so those keys are required whenever the feature is configured. This extends Checkov CKV_AWS_98 and Prowler, which test only kmsKeyArn.",
        "Key ARNs are usually unknown during preview; the check tests presence, so an unknown key counts as set and the check decides during preview.",
    ],
    configSchema: {
        properties: {
            localStorageInstanceFamilies: {
                type: "array",
                items: { type: "string" },
                default: defaultLocalStorageFamilies,
                description:
                    'Instance families (for example "ml.g5") with local NVMe storage, for which kmsKeyArn is not required because SageMaker rejects it.',
            },
        },
    },
    compliantExample: {
        kmsKeyArn: keyArn,
        productionVariants: [
            { variantName: "main", modelName: "m", instanceType: "ml.m5.large", initialInstanceCount: 2 },
        ],
        asyncInferenceConfig: { outputConfig: { s3OutputPath: "s3://inference/async", kmsKeyId: keyArn } },
        dataCaptureConfig: {
            enableCapture: true,
            initialSamplingPercentage: 100,
            destinationS3Uri: "s3://inference/capture",
            kmsKeyId: keyArn,
            captureOptions: [{ captureMode: "InputAndOutput" }],
        },
    },
};

const full = defineSettingsPolicy<Config>({ ...definition, settings: [volumeKey, ...payloadKeys] });
const payloadOnly = defineSettingsPolicy<Config>({ ...definition, settings: payloadKeys });

function usesLocalStorage(config: Subject, families: readonly string[]): boolean {
    const wanted = new Set(families.filter((f) => typeof f === "string").map((f) => f.toLowerCase()));
    const types = [
        ...(arrayOf(config.get("productionVariants")) ?? []),
        ...(arrayOf(config.get("shadowProductionVariants")) ?? []),
    ].map((v) => field(v, "instanceType"));
    return types.some(
        (t) =>
            t.state === "known" &&
            typeof t.value === "string" &&
            wanted.has(t.value.toLowerCase().split(".").slice(0, 2).join(".")),
    );
}

const policy: ResourcePolicyDefinition<Config> & Pick<typeof full, "settings" | "compliantExample"> = {
    ...full,
    validate(config, check) {
        const configured = check.config?.localStorageInstanceFamilies;
        const families = Array.isArray(configured) ? configured : defaultLocalStorageFamilies;
        (usesLocalStorage(config, families) ? payloadOnly : full).validate(config, check);
    },
};

export default policy;
