import { defineSettingsPolicy } from "../../../core/settings";
import { compliantModel } from "../../../shared/aws-sagemaker-examples";

export default defineSettingsPolicy({
    id: "sagemaker-model-network-isolation",
    cloud: "aws",
    resourceTypes: ["aws:sagemaker/model:Model"],
    area: "network-isolation",
    layer: "paas",
    severity: "high",
    enforcementLevel: "mandatory",
    description: "SageMaker models run their inference containers with network isolation enabled.",
    controls: [
        { framework: "nist-800-53", id: "SC-7" },
        { framework: "nist-800-53", id: "SC-7(5)" },
        { framework: "nist-800-53", id: "AC-4" },
        { framework: "mitre-atlas", id: "AML.M0019" },
        { framework: "mitre-atlas", id: "AML.T0025" },
        { framework: "mitre-atlas", id: "AML.T0024" },
        { framework: "nist-ai-rmf", id: "MEASURE 2.7" },
        { framework: "iso-27001", id: "A.8.20" },
        { framework: "iso-27001", id: "A.8.22" },
        { framework: "iso-42001", id: "A.4.5" },
        { framework: "owasp-llm", id: "LLM02" },
    ],
    peers: [
        { tool: "checkov", id: "CKV_AWS_370" },
        { tool: "prowler", id: "sagemaker_models_network_isolation_enabled" },
        { tool: "aws-securityhub", id: "SageMaker.5" },
    ],
    remediation: [
        "Set enableNetworkIsolation to true on the model.",
        "Package the weights as model artifacts in S3 (modelDataUrl or modelDataSource) instead of downloading them from a model hub at container start-up.",
    ],
    notes: [
        "enableNetworkIsolation defaults to false, so a model that leaves it unset fails.",
        "Containers that download weights or packages at start-up (for example from a public model hub) break under network isolation: package the weights into S3 model data, or disable this policy for that model with a documented exception.",
        "The value is a literal in programs, so the check decides during preview; a computed unknown value is decided at pulumi up.",
    ],
    settings: [
        {
            path: "enableNetworkIsolation",
            expect: { kind: "oneOf", values: [true] },
            missing: { verdict: "violation", providerDefault: "false" },
            examples: { violating: false, compliant: true },
        },
    ],
    compliantExample: compliantModel,
});
