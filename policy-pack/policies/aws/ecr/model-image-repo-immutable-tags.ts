import { onAiResources } from "../../../core/ai-scope";
import { cite } from "../../../core/citations";
import { defineSettingsPolicy } from "../../../core/settings";

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
            "Applies to every ECR repository of the stack: in an AI stack these hold model-serving, training and agent runtime images. Disable the policy per stack where a repository is out of scope.",
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
);
