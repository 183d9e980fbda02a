import { defineSettingsPolicy } from "../../../core/settings";
import { compliantDataQualityJobDefinition } from "../../../shared/aws-sagemaker-examples";

export default defineSettingsPolicy({
    id: "sagemaker-data-quality-job-network-isolation",
    cloud: "aws",
    resourceTypes: ["aws:sagemaker/dataQualityJobDefinition:DataQualityJobDefinition"],
    area: "network-isolation",
    layer: "paas",
    severity: "medium",
    enforcementLevel: "mandatory",
    description:
        "SageMaker data-quality monitoring job definitions run their containers with network isolation enabled.",
    controls: [
        { framework: "nist-800-53", id: "SC-7" },
        { framework: "nist-800-53", id: "SC-7(5)" },
        { framework: "nist-800-53", id: "AC-4" },
        { framework: "mitre-atlas", id: "AML.M0019" },
        { framework: "mitre-atlas", id: "AML.T0025" },
        { framework: "nist-ai-rmf", id: "MEASURE 2.7" },
        { framework: "iso-27001", id: "A.8.20" },
        { framework: "iso-27001", id: "A.8.22" },
        { framework: "iso-42001", id: "A.4.5" },
        { framework: "owasp-llm", id: "LLM02" },
    ],
    peers: [{ tool: "aws-securityhub", id: "SageMaker.11" }],
    remediation: ["Set networkConfig.enableNetworkIsolation to true on the data-quality job definition."],
    notes: [
        "enableNetworkIsolation defaults to false, so a job definition without networkConfig, or with the flag unset, fails.",
        "Model bias, explainability and quality job definitions (Security Hub SageMaker.12, .20, .25) have no resource in @pulumi/aws and are out of scope.",
        "The value is a literal in programs, so the check decides during preview; a computed unknown value is decided at pulumi up.",
    ],
    settings: [
        {
            path: "networkConfig.enableNetworkIsolation",
            expect: { kind: "oneOf", values: [true] },
            missing: { verdict: "violation", providerDefault: "false" },
            examples: { violating: false, compliant: true },
        },
    ],
    compliantExample: compliantDataQualityJobDefinition,
});
