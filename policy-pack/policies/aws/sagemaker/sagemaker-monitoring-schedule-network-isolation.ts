import { cite } from "../../../core/citations";
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
