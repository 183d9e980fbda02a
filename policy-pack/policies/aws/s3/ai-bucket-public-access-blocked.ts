import { cite } from "../../../core/citations";
import { defineStackPolicy, type StackResource } from "../../../core/definition";
import { describe, type Value } from "../../../core/values";

const bucketTypes: ReadonlySet<string> = new Set(["aws:s3/bucket:Bucket", "aws:s3/bucketV2:BucketV2"]);
const bucketBlockType = "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock";
const accountBlockType = "aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock";
const flags = ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"] as const;

interface BlockState {
    /** Flags known not to be `true` (false, unset, or not a boolean), with their rendered values. */
    readonly notTrue: readonly { flag: string; value: Value }[];
    /** Flags whose value is unknown during preview. */
    readonly unknown: readonly string[];
}

function blockState(block: StackResource): BlockState {
    const notTrue: { flag: string; value: Value }[] = [];
    const unknown: string[] = [];
    for (const flag of flags) {
        const v = block.get(flag);
        if (v.state === "unknown") {
            unknown.push(flag);
        } else if (!(v.state === "known" && v.value === true)) {
            notTrue.push({ flag, value: v });
        }
    }
    return { notTrue, unknown };
}

const allTrue = (s: BlockState) => s.notTrue.length === 0 && s.unknown.length === 0;

/** `blockPublicAcls false, blockPublicPolicy and ignorePublicAcls not set (provider default false)` */
function rendered(notTrue: BlockState["notTrue"]): string {
    const unset = notTrue.filter((n) => n.value.state === "missing").map((n) => n.flag);
    const parts = notTrue.filter((n) => n.value.state !== "missing").map((n) => `${n.flag} ${describe(n.value)}`);
    if (unset.length > 0) {
        const names = unset.length === 1 ? unset[0] : `${unset.slice(0, -1).join(", ")} and ${unset[unset.length - 1]}`;
        parts.push(`${names} not set (provider default false)`);
    }
    return parts.join(", ");
}

export default defineStackPolicy({
    id: "ai-bucket-public-access-blocked",
    cloud: "aws",
    resourceTypes: [...bucketTypes, bucketBlockType, accountBlockType],
    area: "model-storage",
    layer: "data-plane",
    severity: "high",
    enforcementLevel: "mandatory",
    description:
        "Every S3 bucket of the AI system has all four S3 Block Public Access settings on, at bucket or account level.",
    controls: cite({
        "nist-800-53": {
            implements: ["AC-3"],
            supports: ["AC-22"],
            why: "All four Block Public Access settings override any ACL or policy that would make an AI bucket public.",
        },
        "mitre-atlas": {
            implements: ["AML.M0005"],
            mitigates: ["AML.T0035", "AML.T0036"],
            why: "Weights and datasets in the bucket cannot be exposed to anonymous access by a mistaken ACL or policy.",
        },
        "iso-27001": {
            implements: ["A.8.3"],
            why: "Information access restriction: public access to AI data is blocked at the bucket or account.",
        },
    }),
    peers: [
        { tool: "checkov", id: "CKV_AWS_53" },
        { tool: "checkov", id: "CKV_AWS_54" },
        { tool: "checkov", id: "CKV_AWS_55" },
        { tool: "checkov", id: "CKV_AWS_56" },
        { tool: "checkov", id: "CKV2_AWS_6" },
        { tool: "prowler", id: "s3_bucket_level_public_access_block" },
        { tool: "prowler", id: "s3_account_level_public_access_blocks" },
        { tool: "trivy", id: "AWS-0086" },
        { tool: "trivy", id: "AWS-0087" },
        { tool: "trivy", id: "AWS-0091" },
        { tool: "trivy", id: "AWS-0093" },
        { tool: "trivy", id: "AWS-0094" },
    ],
    remediation: [
        "Give each AI bucket an aws.s3.BucketPublicAccessBlock with bucket set to the bucket's id (an output, so the link is tracked) and blockPublicAcls, blockPublicPolicy, ignorePublicAcls and restrictPublicBuckets all true,",
        "or manage an aws.s3.AccountPublicAccessBlock with all four settings true in this stack.",
    ],
    notes: [
        "A bucket counts as AI when the classification says so: tagged as part of the AI system, or referenced by a SageMaker, Bedrock or other AI resource. Other buckets are not checked, and a bucket tagged as a business system never is.",
        "A BucketPublicAccessBlock is matched to its bucket through the property dependencies of its bucket input, never by name: bucket names are generated and unknown during preview. A block whose bucket is given as a literal name is not matched, so that bucket fails for want of a block.",
        "An unset flag takes the provider default false and fails. A flag that is unknown during preview leaves the verdict to pulumi up. The findings name the block resource when one of its flags is not true, and the bucket when no block covers it.",
        "An AccountPublicAccessBlock with all four settings true covers every bucket, as AWS applies the most restrictive of the account and bucket settings. An account block owned by another stack is not visible here; Prowler s3_account_level_public_access_blocks reads the live account instead.",
        "Checkov CKV_AWS_53 to 56 test one flag each and CKV2_AWS_6 tests that a block exists for every bucket; this check tests both, but only for AI buckets.",
    ],
    validate(check) {
        const { resources, classification } = check;

        // Account-level blocks: any one with all four flags true covers every bucket.
        const accountBlocks = resources.filter((r) => r.type === accountBlockType);
        const accountStates = accountBlocks.map((b) => [b, blockState(b)] as const);
        if (accountStates.some(([, s]) => allTrue(s))) {
            return;
        }
        // An account block that may still turn out all true (no flag known false) decides the outcome.
        const pendingAccount = accountStates.filter(([, s]) => s.notTrue.length === 0 && s.unknown.length > 0);
        if (pendingAccount.length > 0) {
            for (const [block, s] of pendingAccount) {
                check.undecided(block, s.unknown[0] as string);
            }
            return;
        }

        const bucketBlocks = resources.filter((r) => r.type === bucketBlockType);
        const reported = new Set<StackResource>();
        for (const bucket of resources) {
            if (!bucketTypes.has(bucket.type) || !classification.isAi(bucket)) {
                continue;
            }
            const linked = bucketBlocks.filter((b) => (b.propertyDependencies.bucket ?? []).includes(bucket));
            if (linked.length === 0) {
                const why = classification.reason(bucket);
                check.fail(bucket, {
                    setting: "public access block",
                    found: `missing: no BucketPublicAccessBlock references this AI bucket${why ? ` (${why})` : ""}`,
                    expected:
                        "a BucketPublicAccessBlock on this bucket, or an AccountPublicAccessBlock, with blockPublicAcls, blockPublicPolicy, ignorePublicAcls and restrictPublicBuckets true",
                });
                continue;
            }
            const states = linked.map((b) => [b, blockState(b)] as const);
            if (states.some(([, s]) => allTrue(s))) {
                continue;
            }
            for (const [block, s] of states) {
                if (reported.has(block)) {
                    continue;
                }
                reported.add(block);
                if (s.notTrue.length > 0) {
                    check.fail(block, {
                        setting: s.notTrue.map((n) => n.flag).join(", "),
                        found: `not true: ${rendered(s.notTrue)}`,
                        expected: "true for all four flags",
                    });
                } else {
                    check.undecided(block, s.unknown[0] as string);
                }
            }
        }
    },
});
