import { cite } from "../../../core/citations";
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
    controls: cite({
        "nist-800-53": {
            implements: ["AC-6(2)"],
            supports: ["AC-6"],
            why: "Notebook users work without root, so privileged functions on the instance are not available to everyday use.",
        },
        "mitre-atlas": {
            supports: ["AML.M0019"],
            mitigates: ["AML.T0037"],
            why: "Without root a notebook user cannot read other users' files or credentials on the instance.",
        },
        "iso-27001": {
            implements: ["A.8.2"],
            why: "Privileged access rights: root on the notebook is withheld from users.",
        },
    }),
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
