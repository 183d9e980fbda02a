import { cite } from "../../../core/citations";
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
    controls: cite({
        "nist-800-53": {
            implements: ["SC-7(5)"],
            supports: ["SC-39"],
            why: "Data-quality monitoring containers get no outbound network access.",
        },
        "mitre-atlas": {
            mitigates: ["AML.T0025"],
            why: "Monitoring jobs read captured inference data; isolation keeps that data from being sent out.",
        },
        "iso-27001": {
            implements: ["A.8.22"],
            why: "Segregation of networks: the monitoring container is cut off from other networks.",
        },
    }),
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
