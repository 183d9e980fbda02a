import { cite } from "../../../core/citations";
import { defineStackPolicy } from "../../../core/definition";
import { attachedDocuments, deniesInsecureTransport, parsePolicy, someStatement } from "../../../shared/iam-policy";

const bucketTypes: ReadonlySet<string> = new Set(["aws:s3/bucket:Bucket", "aws:s3/bucketV2:BucketV2"]);
const bucketPolicyType = "aws:s3/bucketPolicy:BucketPolicy";

export default defineStackPolicy({
    id: "ai-bucket-tls-only",
    cloud: "aws",
    resourceTypes: [...bucketTypes, bucketPolicyType],
    area: "model-storage",
    layer: "data-plane",
    severity: "medium",
    enforcementLevel: "advisory",
    description:
        'Every AI bucket has a bucket policy that denies all S3 actions to any principal when aws:SecureTransport is "false".',
    controls: cite({
        "nist-800-53": {
            implements: ["SC-8(1)"],
            supports: ["SC-8"],
            why: "The bucket policy denies every request made without TLS.",
        },
        "mitre-atlas": {
            supports: ["AML.M0012"],
            why: "Model and data objects are only ever transferred encrypted.",
        },
        "iso-27001": {
            supports: ["A.8.24"],
            why: "Use of cryptography: transport encryption is enforced by policy.",
        },
    }),
    peers: [{ tool: "prowler", id: "s3_bucket_secure_transport_policy" }],
    remediation: [
        'Add an aws.s3.BucketPolicy for the AI bucket with a statement { Effect: "Deny", Principal: "*", Action: "s3:*", Resource: [bucket ARN, bucket ARN + "/*"], Condition: { Bool: { "aws:SecureTransport": "false" } } }.',
    ],
    notes: [
        "A bucket counts as AI when the classification says so (tagged as AI, or referenced by an AI resource); business-tagged buckets are never checked.",
        'Every BucketPolicy whose bucket input depends on the bucket and the inline policy of Bucket and BucketV2 are read; one Deny statement for Principal "*" (or {AWS: "*"}) over "s3:*" or "*" with Bool aws:SecureTransport "false" is enough.',
        "The violation is reported on the BucketPolicy when there is one (its document must change), otherwise on the bucket. A document unknown during preview leaves the verdict to pulumi up.",
        "Advisory by default: S3 accepts plain HTTP unless a policy denies it, but most SDKs already use TLS.",
    ],
    validate(check) {
        for (const bucket of check.resources) {
            if (!bucketTypes.has(bucket.type) || !check.classification.isAi(bucket)) {
                continue;
            }
            const docs = attachedDocuments(bucket, check.resources, {
                attachmentType: bucketPolicyType,
                linkKey: "bucket",
                inlineKey: "policy",
            });
            const verdicts = docs.map((d) =>
                someStatement(parsePolicy(d.document), (s) => deniesInsecureTransport(s, "s3")),
            );
            if (verdicts.includes(true)) {
                continue;
            }
            const unknownAt = verdicts.indexOf("unknown");
            if (unknownAt >= 0) {
                const d = docs[unknownAt];
                if (d) {
                    check.undecided(d.owner, d.setting);
                }
                continue;
            }
            const target = docs.find((d) => d.owner !== bucket)?.owner ?? bucket;
            const why = check.classification.reason(bucket);
            check.fail(target, {
                setting: "policy",
                found: `${docs.length === 0 ? "missing: no bucket policy" : "a policy with no statement that"} denies requests without TLS to AI bucket '${bucket.name}'${why ? ` (${why})` : ""}`,
                expected: 'a Deny of "s3:*" to Principal "*" with Bool aws:SecureTransport "false"',
            });
        }
    },
});
