import { cite } from "../../../core/citations";
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
    controls: cite({
        "nist-800-53": {
            implements: ["AC-3"],
            supports: ["AC-22"],
            why: "The model package group's resource policy grants nothing to an unconstrained public principal.",
        },
        "mitre-atlas": {
            implements: ["AML.M0005"],
            mitigates: ["AML.T0058", "AML.T0035"],
            why: "A public registry policy would let anyone register a poisoned model version or take the registered artifacts.",
        },
        "iso-27001": {
            implements: ["A.5.15"],
            why: "Access control: the model registry is not open to anyone.",
        },
        "owasp-llm": {
            mitigates: ["LLM03"],
            why: "The model registry is where deployable models come from; an open one allows model substitution.",
        },
    }),
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
