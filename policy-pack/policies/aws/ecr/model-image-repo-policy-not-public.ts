import { onAiResources } from "../../../core/ai-scope";
import { cite } from "../../../core/citations";
import { defineResourcePolicy } from "../../../core/definition";
import { judgePublicGrant } from "../../../shared/public-grant";

export default onAiResources(
    defineResourcePolicy({
        id: "model-image-repo-policy-not-public",
        cloud: "aws",
        resourceTypes: ["aws:ecr/repositoryPolicy:RepositoryPolicy"],
        area: "supply-chain",
        layer: "data-plane",
        severity: "high",
        enforcementLevel: "mandatory",
        description: 'ECR repository policies grant no unconditioned access to the "*" principal.',
        controls: cite({
            "nist-800-53": {
                implements: ["AC-3"],
                supports: ["AC-22"],
                why: "The repository policy grants nothing to an unconstrained public principal.",
            },
            "mitre-atlas": {
                implements: ["AML.M0005"],
                mitigates: ["AML.T0010.004", "AML.T0035"],
                why: "No outsider can push a tampered image into, or pull proprietary images from, the repository.",
            },
            "iso-27001": {
                implements: ["A.5.15"],
                why: "Access control: the repository is not open to anyone.",
            },
            "owasp-llm": {
                mitigates: ["LLM03"],
                why: "An open repository lets anyone replace serving images.",
            },
        }),
        peers: [
            { tool: "checkov", id: "CKV_AWS_32" },
            { tool: "trivy", id: "AWS-0032" },
            { tool: "prowler", id: "ecr_repositories_not_publicly_accessible" },
        ],
        remediation: [
            'Replace Principal "*" (and any NotPrincipal) in Allow statements with the account, role or service principals that pull or push images.',
            "For organization-wide pulls, keep the wildcard only together with a Condition such as aws:PrincipalOrgID.",
        ],
        notes: [
            "Judged only on repositories of the AI system: referenced by an AI resource (a SageMaker model's container image, for example) or tagged as AI. Evaluated on the stack, so at pulumi up a violation is reported after the repository is created.",
            'An Allow statement is public when its Principal is "*", { AWS: "*" } or a list holding "*", or when it uses NotPrincipal, unless a condition on a caller-identifying key (aws:PrincipalOrgID, aws:PrincipalAccount, aws:SourceVpce, aws:SourceAccount, ...) narrows it; conditions on other keys do not.',
            "The policy may be a JSON string or an object, with Statement as one object or a list. A policy built from values unknown during preview (such as pulumi.jsonStringify with role ARNs) is decided at pulumi up, unless a statement is already known to be public.",
            "A string that is not JSON is left to the provider, which rejects it.",
        ],
        validate(repoPolicy, check) {
            judgePublicGrant(repoPolicy, check, "policy");
        },
    }),
);
