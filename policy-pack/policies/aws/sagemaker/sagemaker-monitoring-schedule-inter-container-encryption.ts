import { cite } from "../../../core/citations";
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
    controls: cite({
        "nist-800-53": {
            implements: ["SC-8(1)"],
            supports: ["SC-8"],
            why: "Traffic between the containers of monitoring schedules' jobs is encrypted in transit.",
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
