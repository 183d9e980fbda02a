import { cite } from "../../../core/citations";
import { defineSettingsPolicy } from "../../../core/settings";

export default defineSettingsPolicy({
    id: "sagemaker-notebook-imdsv2",
    cloud: "aws",
    resourceTypes: ["aws:sagemaker/notebookInstance:NotebookInstance"],
    area: "identity",
    layer: "paas",
    severity: "medium",
    enforcementLevel: "mandatory",
    description: "SageMaker notebook instances accept only IMDSv2 (token-based) instance metadata requests.",
    controls: cite({
        "nist-800-53": {
            implements: ["CM-6"],
            supports: ["CM-7"],
            why: "The notebook's metadata service accepts only session-token requests (a hardened configuration setting).",
        },
        "mitre-atlas": {
            mitigates: ["AML.T0055"],
            why: "IMDSv2 blocks the request-forgery path to the instance role's temporary credentials.",
        },
        "iso-27001": {
            implements: ["A.8.9"],
            why: "Configuration management: the instance runs with the hardened metadata configuration.",
        },
    }),
    peers: [{ tool: "checkov", id: "CKV_AWS_371" }],
    remediation: ['Set instanceMetadataServiceConfiguration.minimumInstanceMetadataServiceVersion to "2".'],
    notes: [
        'The service default is "1", which also accepts IMDSv1 requests that a server-side request forgery can use to read the notebook role credentials, so a missing setting fails.',
        'The value is the string "2", not the number 2; a number fails.',
    ],
    settings: [
        {
            path: "instanceMetadataServiceConfiguration.minimumInstanceMetadataServiceVersion",
            expect: { kind: "oneOf", values: ["2"] },
            missing: { verdict: "violation", providerDefault: '"1" (IMDSv1 allowed)' },
            examples: { violating: "1", compliant: "2" },
        },
    ],
    compliantExample: {
        instanceType: "ml.t3.medium",
        roleArn: "arn:aws:iam::123456789012:role/notebook",
        instanceMetadataServiceConfiguration: { minimumInstanceMetadataServiceVersion: "2" },
    },
});
