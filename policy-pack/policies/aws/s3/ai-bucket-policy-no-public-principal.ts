import { cite } from "../../../core/citations";
import { defineStackPolicy } from "../../../core/definition";
import { allowsPublicPrincipal, attachedDocuments, FindingSink, parsePolicy } from "../../../shared/iam-policy";

const bucketTypes: ReadonlySet<string> = new Set(["aws:s3/bucket:Bucket", "aws:s3/bucketV2:BucketV2"]);
const bucketPolicyType = "aws:s3/bucketPolicy:BucketPolicy";

export default defineStackPolicy({
    id: "ai-bucket-policy-no-public-principal",
    cloud: "aws",
    resourceTypes: [...bucketTypes, bucketPolicyType],
    area: "model-storage",
    layer: "data-plane",
    severity: "high",
    enforcementLevel: "mandatory",
    description:
        'Bucket policies of AI buckets allow nothing to the principal "*" unless a condition ties the caller to an organization, account, VPC or VPC endpoint.',
    controls: cite({
        "nist-800-53": {
            implements: ["AC-3"],
            supports: ["AC-22"],
            why: "The bucket policy grants nothing to the public principal without a constraining condition.",
        },
        "mitre-atlas": {
            implements: ["AML.M0005"],
            mitigates: ["AML.T0035", "AML.T0020"],
            why: "A public grant would let anyone read the weights or write into the training data.",
        },
        "iso-27001": {
            implements: ["A.5.15"],
            why: "Access control: the bucket policy names no public principal.",
        },
    }),
    peers: [
        { tool: "checkov", id: "CKV_AWS_70" },
        { tool: "prowler", id: "s3_bucket_policy_public_write_access" },
        { tool: "prowler", id: "s3_bucket_cross_account_access" },
    ],
    remediation: [
        'Replace Principal "*" in Allow statements of the AI bucket\'s policy with the ARNs of the roles that need access.',
        "If access must stay open to a principal pattern, add a condition such as StringEquals aws:PrincipalOrgID, aws:PrincipalAccount, aws:SourceVpce or aws:SourceVpc.",
    ],
    notes: [
        "A bucket counts as AI when the classification says so: tagged as part of the AI system, or referenced by a SageMaker, Bedrock or other AI resource. Business-tagged buckets are never checked.",
        'BucketPolicy resources are matched to the bucket through the property dependencies of their bucket input; the inline policy of Bucket and BucketV2 is read too. Principal "*", {AWS: "*"} and NotPrincipal in an Allow count as public.',
        'A condition counts as constraining when a positive operator (StringEquals, StringLike, ArnEquals, ArnLike, IpAddress, Bool) without IfExists tests aws:PrincipalOrgID, aws:PrincipalOrgPaths, aws:PrincipalAccount, aws:PrincipalArn, aws:SourceVpce, aws:SourceVpc, aws:SourceAccount, aws:SourceArn or aws:SourceOrgID with a value other than "*". An unknown value of such a key counts as constraining.',
        "A policy built with pulumi.jsonStringify over unknown ARNs is unknown during preview, so the verdict waits for pulumi up. A public access block with restrictPublicBuckets limits a public policy at run time; this check still fails it, as Checkov CKV_AWS_70 does.",
    ],
    validate(check) {
        const sink = new FindingSink();
        for (const bucket of check.resources) {
            if (!bucketTypes.has(bucket.type) || !check.classification.isAi(bucket)) {
                continue;
            }
            const why = check.classification.reason(bucket);
            for (const source of attachedDocuments(bucket, check.resources, {
                attachmentType: bucketPolicyType,
                linkKey: "bucket",
                inlineKey: "policy",
            })) {
                const parsed = parsePolicy(source.document);
                if (parsed.state === "unknown") {
                    sink.undecided(source.owner, source.setting);
                    continue;
                }
                if (parsed.state !== "parsed") {
                    continue;
                }
                for (const s of parsed.statements) {
                    const pub = allowsPublicPrincipal(s);
                    if (pub === true) {
                        sink.fail(source.owner, {
                            setting: `${source.setting} Statement[${s.index}]`,
                            found: `an Allow to any principal without a constraining condition${
                                source.owner === bucket ? "" : ` on AI bucket '${bucket.name}'`
                            }${why ? ` (${why})` : ""}`,
                            expected:
                                'named principals, or Principal "*" with an aws:PrincipalOrgID, aws:PrincipalAccount, aws:SourceVpce or aws:SourceVpc condition',
                        });
                    } else if (pub === "unknown") {
                        sink.undecided(source.owner, `${source.setting}.Statement[${s.index}]`);
                    }
                }
            }
        }
        sink.report(check);
    },
});
