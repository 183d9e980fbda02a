import { onAiResources } from "../../../core/ai-scope";
import { cite } from "../../../core/citations";
import type { StackResource } from "../../../core/definition";
import { dependentsOf } from "../../../core/dependents";
import { defineSettingsPolicy } from "../../../core/settings";
import { isUnknownSentinel } from "../../../core/values";

type Pinning = "digest" | "tag" | "unknown";

/**
 * How a consumer's property refers to images: any string with a digest pins; an unknown value (an
 * interpolated repository URL during preview) is not known yet; anything else uses a tag.
 */
function pinningOf(value: unknown, depth = 0): Pinning {
    if (isUnknownSentinel(value) || depth > 20) {
        return "unknown";
    }
    if (typeof value === "string") {
        return value.includes("@sha256:") ? "digest" : "tag";
    }
    const parts = Array.isArray(value)
        ? value
        : value !== null && typeof value === "object"
          ? Object.values(value as Record<string, unknown>)
          : [];
    const found = parts.map((p) => pinningOf(p, depth + 1));
    return found.includes("digest") ? "digest" : found.includes("unknown") ? "unknown" : "tag";
}

/**
 * Every consumer pins the repository's images by digest, so tag mutability cannot change what runs.
 * ECR's own resources (lifecycle and repository policies, replication) configure the repository and
 * run no image, so they are not consumers.
 */
function pinnedByDigest(repo: StackResource, resources: readonly StackResource[]): boolean | { undecided: string } {
    const uses: Pinning[] = [];
    for (const r of dependentsOf(resources, repo)) {
        if (r.type.startsWith("aws:ecr/")) {
            continue;
        }
        for (const [prop, deps] of Object.entries(r.propertyDependencies)) {
            if (r !== repo && deps.includes(repo)) {
                const v = r.get(prop);
                uses.push(v.state === "unknown" ? "unknown" : v.state === "known" ? pinningOf(v.value) : "tag");
            }
        }
    }
    if (uses.length === 0 || uses.includes("tag")) {
        return false;
    }
    return uses.includes("unknown") ? { undecided: "image references of the repository's consumers" } : true;
}

export default onAiResources(
    defineSettingsPolicy({
        id: "model-image-repo-immutable-tags",
        cloud: "aws",
        resourceTypes: ["aws:ecr/repository:Repository"],
        area: "supply-chain",
        layer: "data-plane",
        severity: "medium",
        enforcementLevel: "mandatory",
        description: "ECR repositories make image tags immutable so a deployed tag cannot be overwritten.",
        controls: cite({
            "nist-800-53": {
                supports: ["CM-2", "SI-7"],
                why: "A tag, once pushed, always names the same image, so the deployed baseline cannot be swapped under the same tag.",
            },
            "mitre-atlas": {
                mitigates: ["AML.T0010.004"],
                why: "An attacker with push rights cannot replace a deployed tag with a tampered image.",
            },
            "iso-27001": {
                supports: ["A.8.32"],
                why: "Change management: a new image needs a new tag, which makes changes visible.",
            },
            "owasp-llm": {
                mitigates: ["LLM03"],
                why: "Immutable tags prevent silent replacement of a serving image.",
            },
        }),
        peers: [
            { tool: "checkov", id: "CKV_AWS_51" },
            { tool: "trivy", id: "AWS-0031" },
            { tool: "kics", id: "d1846b12-20c5-4d45-8798-fc35b79268eb" },
            { tool: "prowler", id: "ecr_repositories_tag_immutability" },
            { tool: "aws-securityhub", id: "ECR.2" },
        ],
        remediation: [
            'Set imageTagMutability to "IMMUTABLE".',
            "Reference model-serving images by digest or by a unique version tag.",
        ],
        notes: [
            "Judged only on repositories of the AI system: referenced by an AI resource (a SageMaker model's container image, for example) or tagged as AI. Evaluated on the stack, so at pulumi up a violation is reported after the repository is created.",
            "imageTagMutability is a literal in programs, so the check decides during preview; an unknown value is decided at pulumi up.",
            'The provider default is "MUTABLE". "IMMUTABLE_WITH_EXCLUSION" passes: only the tags matched by imageTagMutabilityExclusionFilters stay mutable; Checkov CKV_AWS_51 accepts only "IMMUTABLE".',
            "A mutable repository whose every consumer (each resource whose configuration references it, other than ECR's own lifecycle, repository and replication resources) names the image by digest (@sha256:…) passes: a moved tag cannot change what runs. For a mutable repository, image references unknown during preview leave the verdict to pulumi up unless a consumer is known to use a tag; an immutable repository passes whatever its consumers reference.",
        ],
        settings: [
            {
                path: "imageTagMutability",
                expect: { kind: "oneOf", values: ["IMMUTABLE", "IMMUTABLE_WITH_EXCLUSION"] },
                missing: { verdict: "violation", providerDefault: '"MUTABLE"' },
                examples: { violating: "MUTABLE", compliant: "IMMUTABLE" },
            },
        ],
        compliantExample: {
            name: "model-server",
            tags: { "aiguard:system": "ai" },
            imageTagMutability: "IMMUTABLE",
            imageScanningConfiguration: { scanOnPush: true },
        },
    }),
    { exempt: (repo, check) => pinnedByDigest(repo, check.resources) },
);
