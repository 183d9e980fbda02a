import { cite } from "../../../core/citations";
import type { ResourcePolicyDefinition } from "../../../core/definition";
import { defineSettingsPolicy, type SettingRule, type SettingsPolicyDefinition } from "../../../core/settings";
import { equalsIgnoreCase } from "../../../core/values";

const keyArn = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";

const offlineKey: SettingRule = {
    path: "offlineStoreConfig.s3StorageConfig.kmsKeyId",
    expect: { kind: "present" },
    missing: { verdict: "violation", providerDefault: "an AWS managed key" },
    examples: { violating: "", compliant: keyArn },
    onlyIf: { path: "offlineStoreConfig" },
};

const onlineKey: SettingRule = {
    path: "onlineStoreConfig.securityConfig.kmsKeyId",
    expect: { kind: "present" },
    missing: { verdict: "violation", providerDefault: "an AWS owned key" },
    examples: { violating: "", compliant: keyArn },
    onlyIf: { path: "onlineStoreConfig.enableOnlineStore", oneOf: [true] },
};

const definition: Omit<SettingsPolicyDefinition, "settings"> = {
    id: "sagemaker-feature-store-kms",
    cloud: "aws",
    resourceTypes: ["aws:sagemaker/featureGroup:FeatureGroup"],
    area: "model-storage",
    layer: "paas",
    severity: "medium",
    enforcementLevel: "mandatory",
    description:
        "SageMaker feature groups encrypt the offline store and a Standard online store with customer managed KMS keys.",
    controls: cite({
        "nist-800-53": {
            implements: ["SC-28(1)"],
            supports: ["SC-12"],
            why: "Encrypted at rest under a customer managed key, whose use the customer controls and can revoke: feature group offline and online stores.",
        },
        "mitre-atlas": {
            implements: ["AML.M0012"],
            mitigates: ["AML.T0036"],
            why: "Encryption under a customer key (AML.M0012) leaves a stolen copy of feature group offline and online stores unreadable without use of the key.",
        },
        "iso-27001": {
            implements: ["A.8.24"],
            why: "Use of cryptography: the check requires encryption at rest with a customer managed key.",
        },
    }),
    peers: [
        { tool: "aws-securityhub", id: "SageMaker.17" },
        { tool: "aws-securityhub", id: "SageMaker.18" },
    ],
    remediation: [
        "When offlineStoreConfig is set, set offlineStoreConfig.s3StorageConfig.kmsKeyId to the ARN of a customer managed KMS key.",
        "When the online store is enabled with Standard storage, set onlineStoreConfig.securityConfig.kmsKeyId to the ARN of a customer managed KMS key.",
    ],
    notes: [
        "Feature stores hold training features, often personal data. Each store is checked only when it is configured; the online store only when enableOnlineStore is true.",
        'An online store with storageType "InMemory" is exempt from the online key, as in Security Hub SageMaker.18, which applies to Standard storage only; an unset storageType means Standard.',
        "Key ARNs are usually unknown during preview; the check tests presence, so an unknown key counts as set. An unknown enableOnlineStore is decided at pulumi up; an unknown storageType counts as Standard.",
    ],
    compliantExample: {
        featureGroupName: "customers",
        recordIdentifierFeatureName: "id",
        eventTimeFeatureName: "ts",
        roleArn: "arn:aws:iam::123456789012:role/features",
        featureDefinitions: [
            { featureName: "id", featureType: "String" },
            { featureName: "ts", featureType: "String" },
        ],
        offlineStoreConfig: { s3StorageConfig: { s3Uri: "s3://features/offline", kmsKeyId: keyArn } },
        onlineStoreConfig: { enableOnlineStore: true, storageType: "Standard", securityConfig: { kmsKeyId: keyArn } },
    },
};

const full = defineSettingsPolicy({ ...definition, settings: [offlineKey, onlineKey] });
const offlineOnly = defineSettingsPolicy({ ...definition, settings: [offlineKey] });

const policy: ResourcePolicyDefinition & Pick<typeof full, "settings" | "compliantExample"> = {
    ...full,
    validate(group, check) {
        const inMemory = equalsIgnoreCase(group.get("onlineStoreConfig.storageType"), "InMemory");
        (inMemory ? offlineOnly : full).validate(group, check);
    },
};

export default policy;
