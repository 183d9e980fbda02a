import { defineResourcePolicy } from "../../../core/definition";
import { judgePublicGrant } from "../../../shared/public-grant";

export default defineResourcePolicy({
    id: "model-registry-policy-not-public",
    cloud: "aws",
    resourceTypes: ["aws:sagemaker/modelPackageGroupPolicy:ModelPackageGroupPolicy"],
    area: "supply-chain",
    layer: "paas",
    severity: "high",
    enforcementLevel: "mandatory",
    description:
        'SageMaker model registry (model package group) policies grant no access to the "*" principal without a condition that constrains the caller.',
    controls: [
        { framework: "nist-800-53", id: "AC-3" },
        { framework: "nist-800-53", id: "SR-4" },
        { framework: "mitre-atlas", id: "AML.M0005" },
        { framework: "mitre-atlas", id: "AML.T0010" },
        { framework: "mitre-atlas", id: "AML.T0035" },
        { framework: "nist-ai-rmf", id: "GOVERN 6.1" },
        { framework: "iso-42001", id: "A.10.3" },
        { framework: "iso-27001", id: "A.5.15" },
        { framework: "owasp-llm", id: "LLM03" },
    ],
    peers: [],
    remediation: [
        'Name the accounts or roles that may read or register model versions instead of Principal "*".',
        "To share across an organization, keep the wildcard only with a condition such as aws:PrincipalOrgID.",
    ],
    notes: [
        "A public model package group lets anyone list or register model versions, which opens the door to model substitution; no peer tool checks this from code (Prowler's sagemaker_models_registry_in_use only checks that a registry exists).",
        "The policy may be a JSON string or an object. A document built from values unknown during preview is decided at pulumi up unless a statement is already known to be public.",
    ],
    validate(groupPolicy, check) {
        judgePublicGrant(groupPolicy, check, "resourcePolicy");
    },
});
