import { cite } from "../../../core/citations";
import { defineStackPolicy, type StackResource } from "../../../core/definition";
import { describe, equalsIgnoreCase } from "../../../core/values";

const bucketTypes: ReadonlySet<string> = new Set(["aws:s3/bucket:Bucket", "aws:s3/bucketV2:BucketV2"]);
const versioningTypes: ReadonlySet<string> = new Set([
    "aws:s3/bucketVersioning:BucketVersioning",
    "aws:s3/bucketVersioningV2:BucketVersioningV2",
]);

type Verdict = { kind: "on" } | { kind: "off"; found: string; setting: string } | { kind: "unknown"; path: string };

function judgeResource(v: StackResource): Verdict {
    const status = v.get("versioningConfiguration.status");
    if (status.state === "unknown") {
        return { kind: "unknown", path: "versioningConfiguration.status" };
    }
    return equalsIgnoreCase(status, "Enabled")
        ? { kind: "on" }
        : {
              kind: "off",
              setting: "versioningConfiguration.status",
              found: describe(status),
          };
}

/** Inline versioning: a `versioning` block on Bucket, a `versionings` list on the deprecated BucketV2. */
function judgeInline(bucket: StackResource): Verdict {
    const prop = bucket.type === "aws:s3/bucketV2:BucketV2" ? "versionings" : "versioning";
    const path = prop === "versionings" ? "versionings.0.enabled" : "versioning.enabled";
    const enabled = bucket.get(path);
    if (enabled.state === "unknown" && bucket.setByProgram(prop) !== false) {
        return { kind: "unknown", path };
    }
    return enabled.state === "known" && enabled.value === true
        ? { kind: "on" }
        : {
              kind: "off",
              setting: "versioning",
              found: "off (no BucketVersioning references this AI bucket and inline versioning is not enabled)",
          };
}

export default defineStackPolicy({
    id: "ai-bucket-versioning",
    cloud: "aws",
    resourceTypes: [...bucketTypes, ...versioningTypes],
    area: "model-storage",
    layer: "data-plane",
    severity: "medium",
    enforcementLevel: "advisory",
    description:
        "Every S3 bucket of the AI system keeps object versions, so overwritten or poisoned weights and datasets can be detected and rolled back.",
    controls: cite({
        "nist-800-53": {
            supports: ["CP-9", "SI-7"],
            why: "Versioning keeps earlier object versions, so an overwritten weight file or dataset can be detected and restored.",
        },
        "mitre-atlas": {
            mitigates: ["AML.T0020", "AML.T0059"],
            why: "Changes to training data and weights leave a history that shows tampering and allows roll-back.",
        },
        "iso-27001": {
            implements: ["A.8.13"],
            why: "Information backup: prior versions of objects are retained.",
        },
        "iso-42001": {
            supports: ["A.7.5"],
            why: "Data provenance: object versions record how AI datasets changed over time.",
        },
        "owasp-llm": {
            mitigates: ["LLM04"],
            why: "Poisoned training data or weights can be compared with, and rolled back to, a prior version.",
        },
    }),
    peers: [
        { tool: "checkov", id: "CKV_AWS_21" },
        { tool: "prowler", id: "s3_bucket_object_versioning" },
    ],
    remediation: [
        'Add an aws.s3.BucketVersioning with bucket set to the bucket\'s id and versioningConfiguration.status "Enabled".',
        "Consider S3 Object Lock for training data and released weights that must not change.",
    ],
    notes: [
        "A BucketVersioning resource belongs to a bucket when its bucket input depends on it (property dependencies), so the check decides during preview although bucket names are unknown.",
        "Only buckets the classification puts in the AI system are judged; the advisory level reflects that versioning adds storage cost.",
    ],
    validate(check) {
        const versioningOf = new Map<StackResource, StackResource[]>();
        for (const r of check.resources) {
            if (versioningTypes.has(r.type)) {
                for (const b of r.propertyDependencies.bucket ?? []) {
                    versioningOf.set(b, [...(versioningOf.get(b) ?? []), r]);
                }
            }
        }
        for (const bucket of check.resources) {
            if (!bucketTypes.has(bucket.type) || !check.classification.isAi(bucket)) {
                continue;
            }
            const attached = versioningOf.get(bucket) ?? [];
            const verdicts =
                attached.length > 0
                    ? attached.map((v) => [v, judgeResource(v)] as const)
                    : [[bucket, judgeInline(bucket)] as const];
            if (verdicts.some(([, v]) => v.kind === "on")) {
                continue;
            }
            const unknown = verdicts.find(([, v]) => v.kind === "unknown");
            if (unknown) {
                check.undecided(unknown[0], (unknown[1] as { path: string }).path);
                continue;
            }
            for (const [r, v] of verdicts) {
                if (v.kind === "off") {
                    check.fail(r, { setting: v.setting, found: v.found, expected: '"Enabled"' });
                }
            }
        }
    },
});
