import { cite } from "../../../core/citations";
import { defineStackPolicy, type Finding, type StackResource } from "../../../core/definition";
import { displayPath } from "../../../core/settings";
import { arrayOf, describe, field, isNonEmptyString, type Value } from "../../../core/values";

const bucketType = "aws:s3/bucket:Bucket";
const bucketV2Type = "aws:s3/bucketV2:BucketV2";
const sseTypes: ReadonlySet<string> = new Set([
    "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
    "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2",
]);
const kmsAlgorithms: ReadonlySet<string> = new Set(["aws:kms", "aws:kms:dsse"]);
const expectedAlgorithm = '"aws:kms" or "aws:kms:dsse"';

/** Outcome of one encryption rule, or of a resource's set of rules. */
type Verdict =
    | { readonly kind: "ok" }
    | { readonly kind: "unknown"; readonly path: string }
    | { readonly kind: "fail"; readonly finding: Finding };

const ok: Verdict = { kind: "ok" };

/** The key is the AWS managed key for S3, which gives no customer control. */
function isAwsManagedS3Key(key: Value): boolean {
    return key.state === "known" && typeof key.value === "string" && /(^|[:/])alias\/aws\/s3$/.test(key.value.trim());
}

/**
 * Judges one rule object found at `base`. `block` is where the rule keeps its default encryption:
 * `applyServerSideEncryptionByDefault` everywhere except the inline rules of a BucketV2, which the
 * SDK gives as a list, `applyServerSideEncryptionByDefaults`, whose first element holds it.
 */
function judgeRule(rule: unknown, base: string, block = "applyServerSideEncryptionByDefault"): Verdict {
    const algPath = `${block}.sseAlgorithm`;
    const alg = field(rule, algPath);
    if (alg.state === "unknown") {
        return { kind: "unknown", path: alg.path ? `${base}.${alg.path}` : base };
    }
    if (!(alg.state === "known" && typeof alg.value === "string" && kmsAlgorithms.has(alg.value))) {
        return {
            kind: "fail",
            finding: {
                setting: displayPath(`${base}.${algPath}`),
                found: alg.state === "missing" ? "not set (AWS default SSE-S3, AES256)" : describe(alg),
                expected: expectedAlgorithm,
            },
        };
    }
    const keyPath = `${block}.kmsMasterKeyId`;
    const key = field(rule, keyPath);
    // Unknown counts as present: the key is usually `key.arn`, unknown until the key exists.
    if (key.state === "unknown" || (isNonEmptyString(key) && !isAwsManagedS3Key(key))) {
        return ok;
    }
    return {
        kind: "fail",
        finding: {
            setting: displayPath(`${base}.${keyPath}`),
            found: isAwsManagedS3Key(key)
                ? "the AWS managed key aws/s3"
                : key.state === "missing"
                  ? "not set (S3 uses the AWS managed key aws/s3)"
                  : describe(key),
            expected: "the ARN or id of a customer managed KMS key",
        },
    };
}

/** Any compliant rule passes; otherwise an unknown defers the verdict; otherwise the first failure. */
function judgeRules(rules: Value, base: string, block?: string): Verdict {
    if (rules.state === "unknown") {
        return { kind: "unknown", path: base };
    }
    const list = arrayOf(rules);
    if (!list || list.length === 0) {
        return {
            kind: "fail",
            finding: {
                setting: base,
                found: rules.state === "missing" ? "not set (AWS default SSE-S3, AES256)" : describe(rules),
                expected: `a rule with sseAlgorithm ${expectedAlgorithm} and a customer managed kmsMasterKeyId`,
            },
        };
    }
    const verdicts = list.map((rule, i) => judgeRule(rule, `${base}[${i}]`, block));
    return (
        verdicts.find((v) => v.kind === "ok") ?? verdicts.find((v) => v.kind === "unknown") ?? (verdicts[0] as Verdict)
    );
}

/** Judges a separate encryption configuration resource. */
function judgeConfigResource(config: StackResource): Verdict {
    return judgeRules(config.get("rules"), "rules");
}

/** Judges the deprecated inline encryption setting of a bucket. */
function judgeInline(bucket: StackResource, why: string): Verdict {
    if (bucket.type === bucketType) {
        const base = "serverSideEncryptionConfiguration";
        const config = bucket.get(base);
        // A real preview reports this provider-computed output as unknown even when the program
        // never set it; then the AWS default applies.
        const unset = config.state === "missing" || (config.state === "unknown" && bucket.setByProgram(base) === false);
        if (config.state === "unknown" && !unset) {
            return { kind: "unknown", path: config.path };
        }
        if (unset) {
            return {
                kind: "fail",
                finding: {
                    setting: "server-side encryption",
                    found: `not configured: no BucketServerSideEncryptionConfiguration references this AI bucket${why} and serverSideEncryptionConfiguration is not set (AWS default SSE-S3, AES256)`,
                    expected: `SSE-KMS: sseAlgorithm ${expectedAlgorithm} with a customer managed kmsMasterKeyId`,
                },
            };
        }
        const rule = bucket.get(`${base}.rule`);
        if (rule.state === "unknown") {
            return { kind: "unknown", path: rule.path };
        }
        return judgeRule(rule.state === "known" ? rule.value : undefined, `${base}.rule`);
    }
    // BucketV2 keeps a list of configurations, each with a list of rules.
    const base = "serverSideEncryptionConfigurations";
    const configs = bucket.get(base);
    if (configs.state === "unknown" && bucket.setByProgram(base) !== false) {
        return { kind: "unknown", path: configs.path };
    }
    const list = arrayOf(configs);
    if (!list || list.length === 0) {
        return {
            kind: "fail",
            finding: {
                setting: "server-side encryption",
                found: `not configured: no BucketServerSideEncryptionConfiguration references this AI bucket${why} and serverSideEncryptionConfigurations is not set (AWS default SSE-S3, AES256)`,
                expected: `SSE-KMS: sseAlgorithm ${expectedAlgorithm} with a customer managed kmsMasterKeyId`,
            },
        };
    }
    const verdicts = list.map((c, i) =>
        judgeRules(field(c, "rules"), `${base}[${i}].rules`, "applyServerSideEncryptionByDefaults.0"),
    );
    return (
        verdicts.find((v) => v.kind === "ok") ?? verdicts.find((v) => v.kind === "unknown") ?? (verdicts[0] as Verdict)
    );
}

export default defineStackPolicy({
    id: "ai-bucket-sse-kms",
    cloud: "aws",
    resourceTypes: [bucketType, bucketV2Type, ...sseTypes],
    area: "model-storage",
    layer: "data-plane",
    severity: "high",
    enforcementLevel: "mandatory",
    description:
        "Every S3 bucket of the AI system encrypts objects by default with SSE-KMS under a customer managed KMS key.",
    controls: cite({
        "nist-800-53": {
            implements: ["SC-28(1)"],
            supports: ["SC-12"],
            why: "Encrypted at rest under a customer managed key, whose use the customer controls and can revoke: every object in AI S3 buckets.",
        },
        "mitre-atlas": {
            implements: ["AML.M0012"],
            mitigates: ["AML.T0035"],
            why: "Encryption under a customer key (AML.M0012) leaves a stolen copy of every object in AI S3 buckets unreadable without use of the key.",
        },
        "iso-27001": {
            implements: ["A.8.24"],
            why: "Use of cryptography: the check requires encryption at rest with a customer managed key.",
        },
    }),
    peers: [
        { tool: "checkov", id: "CKV_AWS_145" },
        { tool: "prowler", id: "s3_bucket_kms_encryption" },
        { tool: "trivy", id: "AWS-0132" },
    ],
    remediation: [
        "Create a customer managed aws.kms.Key for the AI data.",
        'Add an aws.s3.BucketServerSideEncryptionConfiguration with bucket set to the bucket\'s id and a rule whose applyServerSideEncryptionByDefault has sseAlgorithm "aws:kms" (or "aws:kms:dsse") and kmsMasterKeyId set to the key\'s ARN.',
    ],
    notes: [
        "A bucket counts as AI when the classification says so: tagged as part of the AI system, or referenced by a SageMaker, Bedrock or other AI resource. Other buckets are not checked, and a bucket tagged as a business system never is.",
        "An encryption configuration resource is matched to its bucket through the property dependencies of its bucket input, never by name, because bucket names are unknown during preview. When none references the bucket, the deprecated inline serverSideEncryptionConfiguration of the bucket is read instead.",
        "With no encryption configured, AWS encrypts with SSE-S3 (AES256), which this check fails because no customer key controls access. A kmsMasterKeyId left unset or naming alias/aws/s3 selects the AWS managed key and fails too.",
        "kmsMasterKeyId that is unknown during preview (typically key.arn) counts as set, so the check still decides during preview. An sseAlgorithm or encryption block that is unknown leaves the verdict to pulumi up.",
        "Checkov CKV_AWS_145 and Prowler s3_bucket_kms_encryption accept the AWS managed key; this check requires a customer managed key.",
    ],
    validate(check) {
        const { resources, classification } = check;
        const configs = resources.filter((r) => sseTypes.has(r.type));
        const reported = new Set<StackResource>();
        for (const bucket of resources) {
            if ((bucket.type !== bucketType && bucket.type !== bucketV2Type) || !classification.isAi(bucket)) {
                continue;
            }
            const linked = configs.filter((c) => (c.propertyDependencies.bucket ?? []).includes(bucket));
            if (linked.length === 0) {
                const why = classification.reason(bucket);
                const v = judgeInline(bucket, why ? ` (${why})` : "");
                if (v.kind === "fail") {
                    check.fail(bucket, v.finding);
                } else if (v.kind === "unknown") {
                    check.undecided(bucket, v.path);
                }
                continue;
            }
            const verdicts = linked.map((c) => [c, judgeConfigResource(c)] as const);
            if (verdicts.some(([, v]) => v.kind === "ok")) {
                continue;
            }
            for (const [config, v] of verdicts) {
                if (reported.has(config)) {
                    continue;
                }
                reported.add(config);
                if (v.kind === "fail") {
                    check.fail(config, v.finding);
                } else if (v.kind === "unknown") {
                    check.undecided(config, v.path);
                }
            }
        }
    },
});
