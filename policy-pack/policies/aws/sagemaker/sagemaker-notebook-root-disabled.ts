import { defineSettingsPolicy } from "../../../core/settings";

export default defineSettingsPolicy({
    id: "sagemaker-notebook-root-disabled",
    cloud: "aws",
    resourceTypes: ["aws:sagemaker/notebookInstance:NotebookInstance"],
    area: "identity",
    layer: "paas",
    severity: "high",
    enforcementLevel: "mandatory",
    description: "SageMaker notebook instances do not give notebook users root access.",
    controls: [
        { framework: "nist-800-53", id: "AC-6" },
        { framework: "nist-800-53", id: "AC-6(2)" },
        { framework: "nist-800-53", id: "CM-7" },
        { framework: "mitre-atlas", id: "AML.M0019" },
        { framework: "mitre-atlas", id: "AML.T0037" },
        { framework: "nist-ai-rmf", id: "MEASURE 2.7" },
        { framework: "iso-27001", id: "A.8.2" },
        { framework: "iso-27001", id: "A.8.18" },
        { framework: "iso-42001", id: "A.4.5" },
    ],
    peers: [
        { tool: "checkov", id: "CKV_AWS_307" },
        { tool: "prowler", id: "sagemaker_notebook_instance_root_access_disabled" },
        { tool: "aws-securityhub", id: "SageMaker.3" },
    ],
    remediation: [
        'Set rootAccess to "Disabled" on the notebook instance.',
        "Move package installation that needs root into a lifecycle configuration, which still runs as root.",
    ],
    notes: [
        'The provider default is "Enabled", so a notebook that leaves rootAccess unset fails.',
        "The value is a literal in programs, so the check decides during preview; a computed unknown value is decided at pulumi up.",
    ],
    settings: [
        {
            path: "rootAccess",
            expect: { kind: "oneOf", values: ["Disabled"] },
            missing: { verdict: "violation", providerDefault: '"Enabled"' },
            examples: { violating: "Enabled", compliant: "Disabled" },
        },
    ],
    compliantExample: {
        instanceType: "ml.t3.medium",
        roleArn: "arn:aws:iam::123456789012:role/notebook",
        rootAccess: "Disabled",
        directInternetAccess: "Disabled",
    },
});
