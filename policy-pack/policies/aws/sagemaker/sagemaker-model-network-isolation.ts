import { cite } from "../../../core/citations";
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
    controls: cite({
        "nist-800-53": {
            implements: ["SC-7(5)"],
            supports: ["SC-39"],
            why: "The inference container gets no network access at all, the strictest form of deny-by-default.",
        },
        "mitre-atlas": {
            supports: ["AML.M0019"],
            mitigates: ["AML.T0025", "AML.T0072"],
            why: "A compromised or malicious model container cannot open outbound connections to exfiltrate data or call back to an attacker.",
        },
        "nist-ai-rmf": {
            supports: ["MEASURE 2.7"],
            why: "Network isolation of the serving container is a security property of the deployed model that the check evaluates.",
        },
        "iso-27001": {
            implements: ["A.8.22"],
            why: "Segregation of networks: the model container is cut off from every network.",
        },
    }),
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
