import { cite } from "../../../core/citations";
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
    controls: cite({
        "nist-800-53": {
            implements: ["SC-8(1)"],
            supports: ["SC-8"],
            why: "Traffic between the containers of data-quality monitoring jobs is encrypted in transit.",
        },
        "mitre-atlas": {
            supports: ["AML.M0012"],
            why: "Encrypting traffic between containers keeps model and data in transit unreadable to an observer on the network.",
        },
        "iso-27001": {
            supports: ["A.8.24"],
            why: "Use of cryptography: in-transit encryption between cluster nodes is on.",
        },
    }),
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
