import { defineSettingsPolicy } from "../../../core/settings";
import { compliantMonitoringSchedule } from "../../../shared/aws-sagemaker-examples";

export default defineSettingsPolicy({
    id: "sagemaker-monitoring-schedule-kms",
    cloud: "aws",
    resourceTypes: ["aws:sagemaker/monitoringSchedule:MonitoringSchedule"],
    area: "model-storage",
    layer: "paas",
    severity: "medium",
    enforcementLevel: "mandatory",
    description:
        "SageMaker monitoring schedules with an inline job definition encrypt its output and processing volume with customer managed KMS keys.",
    controls: [
        { framework: "nist-800-53", id: "SC-28" },
        { framework: "nist-800-53", id: "SC-28(1)" },
        { framework: "nist-800-53", id: "SC-12" },
        { framework: "mitre-atlas", id: "AML.M0012" },
        { framework: "mitre-atlas", id: "AML.T0035" },
        { framework: "nist-ai-rmf", id: "MEASURE 2.7" },
        { framework: "iso-27001", id: "A.8.24" },
        { framework: "iso-42001", id: "A.4.3" },
        { framework: "owasp-llm", id: "LLM02" },
    ],
    peers: [],
    remediation: [
        "Set monitoringScheduleConfig.monitoringJobDefinition.monitoringOutputConfig.kmsKeyId to the ARN of a customer managed KMS key.",
        "Set monitoringScheduleConfig.monitoringJobDefinition.monitoringResources.clusterConfig.volumeKmsKeyId to the ARN of a customer managed KMS key.",
    ],
    notes: [
        "Extends Checkov CKV_AWS_367 and CKV_AWS_368 (data-quality job definitions only) to inline job definitions of monitoring schedules.",
        "A schedule that names a separate job definition (monitoringJobDefinitionName) is not checked here; sagemaker-data-quality-job-kms checks data-quality job definitions in the stack.",
        "Key ARNs are usually unknown during preview; the check tests presence, so an unknown key counts as set and the check decides during preview.",
    ],
    settings: [
        {
            path: "monitoringScheduleConfig.monitoringJobDefinition.monitoringOutputConfig.kmsKeyId",
            expect: { kind: "present" },
            missing: { verdict: "violation", providerDefault: "an AWS managed key" },
            examples: {
                violating: "",
                compliant: "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
            },
            onlyIf: { path: "monitoringScheduleConfig.monitoringJobDefinition" },
        },
        {
            path: "monitoringScheduleConfig.monitoringJobDefinition.monitoringResources.clusterConfig.volumeKmsKeyId",
            expect: { kind: "present" },
            missing: { verdict: "violation", providerDefault: "an AWS managed key" },
            examples: {
                violating: "",
                compliant: "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
            },
            onlyIf: { path: "monitoringScheduleConfig.monitoringJobDefinition" },
        },
    ],
    compliantExample: compliantMonitoringSchedule,
});
