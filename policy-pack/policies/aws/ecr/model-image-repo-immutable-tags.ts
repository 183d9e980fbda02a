import { defineSettingsPolicy } from "../../../core/settings";

export default defineSettingsPolicy({
    id: "model-image-repo-immutable-tags",
    cloud: "aws",
    resourceTypes: ["aws:ecr/repository:Repository"],
    area: "supply-chain",
    layer: "data-plane",
    severity: "medium",
    enforcementLevel: "mandatory",
    description: "ECR repositories make image tags immutable so a deployed tag cannot be overwritten.",
    controls: [
        { framework: "nist-800-53", id: "SI-7" },
        { framework: "nist-800-53", id: "SR-4" },
        { framework: "nist-800-53", id: "CM-14" },
        { framework: "mitre-atlas", id: "AML.M0014" },
        { framework: "mitre-atlas", id: "AML.T0010.004" },
        { framework: "nist-ai-rmf", id: "GOVERN 6.1" },
        { framework: "iso-42001", id: "A.4.4" },
        { framework: "iso-27001", id: "A.8.32" },
        { framework: "owasp-llm", id: "LLM03" },
    ],
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
        imageTagMutability: "IMMUTABLE",
        imageScanningConfiguration: { scanOnPush: true },
    },
});
