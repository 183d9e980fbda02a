import { defineSettingsPolicy } from "../../../core/settings";
import { compliantMonitoringSchedule } from "../../../shared/aws-sagemaker-examples";

export default defineSettingsPolicy({
    id: "sagemaker-monitoring-schedule-network-isolation",
    cloud: "aws",
    resourceTypes: ["aws:sagemaker/monitoringSchedule:MonitoringSchedule"],
    area: "network-isolation",
    layer: "paas",
    severity: "medium",
    enforcementLevel: "mandatory",
    description: "SageMaker monitoring schedules with an inline job definition run it with network isolation enabled.",
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
    peers: [{ tool: "aws-securityhub", id: "SageMaker.14" }],
    remediation: ["Set monitoringScheduleConfig.monitoringJobDefinition.networkConfig.enableNetworkIsolation to true."],
    notes: [
        "enableNetworkIsolation defaults to false, so an inline job definition without networkConfig, or with the flag unset, fails.",
        "A schedule that names a separate job definition (monitoringJobDefinitionName) has no inline definition and is not checked here; sagemaker-data-quality-job-network-isolation checks data-quality job definitions in the stack.",
        "The value is a literal in programs, so the check decides during preview; a computed unknown value or an unknown inline definition is decided at pulumi up.",
    ],
    settings: [
        {
            path: "monitoringScheduleConfig.monitoringJobDefinition.networkConfig.enableNetworkIsolation",
            expect: { kind: "oneOf", values: [true] },
            missing: { verdict: "violation", providerDefault: "false" },
            examples: { violating: false, compliant: true },
            onlyIf: { path: "monitoringScheduleConfig.monitoringJobDefinition" },
        },
    ],
    compliantExample: compliantMonitoringSchedule,
});
