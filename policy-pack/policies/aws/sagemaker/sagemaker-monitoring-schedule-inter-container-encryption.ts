import { defineSettingsPolicy } from "../../../core/settings";
import { compliantMonitoringSchedule } from "../../../shared/aws-sagemaker-examples";

export default defineSettingsPolicy({
    id: "sagemaker-monitoring-schedule-inter-container-encryption",
    cloud: "aws",
    resourceTypes: ["aws:sagemaker/monitoringSchedule:MonitoringSchedule"],
    area: "model-storage",
    layer: "paas",
    severity: "medium",
    enforcementLevel: "mandatory",
    description: "SageMaker monitoring schedules with an inline job definition encrypt traffic between its containers.",
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
    peers: [{ tool: "aws-securityhub", id: "SageMaker.22" }],
    remediation: [
        "Set monitoringScheduleConfig.monitoringJobDefinition.networkConfig.enableInterContainerTrafficEncryption to true.",
    ],
    notes: [
        "enableInterContainerTrafficEncryption defaults to false, so an inline job definition without networkConfig, or with the flag unset, fails.",
        "A schedule that names a separate job definition (monitoringJobDefinitionName) is not checked here; sagemaker-data-quality-job-inter-container-encryption checks data-quality job definitions in the stack.",
        "Security Hub SageMaker.22 fails the same cases, including single-instance definitions; Security Hub applies an instance-count condition only to model bias job definitions (SageMaker.15), which have no resource in @pulumi/aws.",
    ],
    settings: [
        {
            path: "monitoringScheduleConfig.monitoringJobDefinition.networkConfig.enableInterContainerTrafficEncryption",
            expect: { kind: "oneOf", values: [true] },
            missing: { verdict: "violation", providerDefault: "false" },
            examples: { violating: false, compliant: true },
            onlyIf: { path: "monitoringScheduleConfig.monitoringJobDefinition" },
        },
    ],
    compliantExample: compliantMonitoringSchedule,
});
