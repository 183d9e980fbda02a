import { defineResourcePolicy } from "../../../core/definition";
import { judgePublicGrant } from "../../../shared/public-grant";

export default defineResourcePolicy({
    id: "model-image-repo-policy-not-public",
    cloud: "aws",
    resourceTypes: ["aws:ecr/repositoryPolicy:RepositoryPolicy"],
    area: "supply-chain",
    layer: "data-plane",
    severity: "high",
    enforcementLevel: "mandatory",
    description: 'ECR repository policies grant no unconditioned access to the "*" principal.',
    controls: [
        { framework: "nist-800-53", id: "AC-3" },
        { framework: "nist-800-53", id: "AC-6" },
        { framework: "nist-800-53", id: "SR-4" },
        { framework: "mitre-atlas", id: "AML.M0005" },
        { framework: "mitre-atlas", id: "AML.T0010.004" },
        { framework: "mitre-atlas", id: "AML.T0035" },
        { framework: "nist-ai-rmf", id: "GOVERN 6.1" },
        { framework: "iso-42001", id: "A.4.4" },
        { framework: "iso-27001", id: "A.5.15" },
        { framework: "owasp-llm", id: "LLM03" },
    ],
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
        'An Allow statement is public when its Principal is "*", { AWS: "*" } or a list holding "*", or when it uses NotPrincipal, unless a condition on a caller-identifying key (aws:PrincipalOrgID, aws:PrincipalAccount, aws:SourceVpce, aws:SourceAccount, ...) narrows it; conditions on other keys do not.',
        "The policy may be a JSON string or an object, with Statement as one object or a list. A policy built from values unknown during preview (such as pulumi.jsonStringify with role ARNs) is decided at pulumi up, unless a statement is already known to be public.",
        "A string that is not JSON is left to the provider, which rejects it.",
    ],
    validate(repoPolicy, check) {
        judgePublicGrant(repoPolicy, check, "policy");
    },
});
