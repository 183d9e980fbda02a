import { defineSettingsPolicy } from "../../../core/settings";
import { compliantDataQualityJobDefinition } from "../../../shared/aws-sagemaker-examples";

export default defineSettingsPolicy({
    id: "sagemaker-data-quality-job-inter-container-encryption",
    cloud: "aws",
    resourceTypes: ["aws:sagemaker/dataQualityJobDefinition:DataQualityJobDefinition"],
    area: "model-storage",
    layer: "paas",
    severity: "medium",
    enforcementLevel: "mandatory",
    description: "SageMaker data-quality monitoring job definitions encrypt traffic between their containers.",
    controls: [
        { framework: "nist-800-53", id: "SC-8" },
        { framework: "nist-800-53", id: "SC-8(1)" },
        { framework: "mitre-atlas", id: "AML.M0012" },
        { framework: "mitre-atlas", id: "AML.T0025" },
        { framework: "nist-ai-rmf", id: "MEASURE 2.7" },
        { framework: "iso-27001", id: "A.8.24" },
        { framework: "iso-42001", id: "A.4.3" },
        { framework: "owasp-llm", id: "LLM02" },
    ],
    peers: [
        { tool: "checkov", id: "CKV_AWS_369" },
        { tool: "aws-securityhub", id: "SageMaker.9" },
    ],
    remediation: [
        "Set networkConfig.enableInterContainerTrafficEncryption to true on the data-quality job definition.",
    ],
    notes: [
        "enableInterContainerTrafficEncryption defaults to false, so a job definition without networkConfig, or with the flag unset, fails.",
        "Security Hub SageMaker.9 fails the same cases, including single-instance definitions; Security Hub applies an instance-count condition only to model bias job definitions (SageMaker.15), which have no resource in @pulumi/aws.",
        "The value is a literal in programs, so the check decides during preview; a computed unknown value is decided at pulumi up.",
    ],
    settings: [
        {
            path: "networkConfig.enableInterContainerTrafficEncryption",
            expect: { kind: "oneOf", values: [true] },
            missing: { verdict: "violation", providerDefault: "false" },
            examples: { violating: false, compliant: true },
        },
    ],
    compliantExample: compliantDataQualityJobDefinition,
});
