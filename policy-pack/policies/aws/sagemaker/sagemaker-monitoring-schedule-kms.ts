import { cite } from "../../../core/citations";
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
    controls: cite({
        "nist-800-53": {
            implements: ["SC-28(1)"],
            supports: ["SC-12"],
            why: "Encrypted at rest under a customer managed key, whose use the customer controls and can revoke: monitoring output and processing volumes.",
        },
        "mitre-atlas": {
            implements: ["AML.M0012"],
            mitigates: ["AML.T0036"],
            why: "Encryption under a customer key (AML.M0012) leaves a stolen copy of monitoring output and processing volumes unreadable without use of the key.",
        },
        "iso-27001": {
            implements: ["A.8.24"],
            why: "Use of cryptography: the check requires encryption at rest with a customer managed key.",
        },
    }),
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
