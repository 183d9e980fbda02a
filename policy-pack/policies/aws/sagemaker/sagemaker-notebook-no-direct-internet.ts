import { defineResourcePolicy } from "../../../core/definition";
import { describe } from "../../../core/values";

export default defineResourcePolicy({
    id: "sagemaker-notebook-no-direct-internet",
    cloud: "aws",
    resourceTypes: ["aws:sagemaker/notebookInstance:NotebookInstance"],
    area: "network-isolation",
    layer: "paas",
    severity: "high",
    enforcementLevel: "mandatory",
    description: "SageMaker notebook instances have direct internet access disabled.",
    controls: [
        { framework: "nist-800-53", id: "SC-7" },
        { framework: "nist-800-53", id: "SC-7(5)" },
        { framework: "nist-800-53", id: "AC-4" },
        { framework: "mitre-atlas", id: "AML.M0019" },
        { framework: "mitre-atlas", id: "AML.T0025" },
        { framework: "nist-ai-rmf", id: "MEASURE 2.7" },
        { framework: "iso-27001", id: "A.8.20" },
        { framework: "iso-42001", id: "A.4.5" },
        { framework: "owasp-llm", id: "LLM02" },
    ],
    peers: [
        { tool: "checkov", id: "CKV_AWS_122" },
        { tool: "prowler", id: "sagemaker_notebook_instance_without_direct_internet_access_configured" },
        { tool: "aws-securityhub", id: "SageMaker.1" },
        { tool: "kics", id: "88d55d94-315d-4564-beee-d2d725feab11" },
    ],
    remediation: [
        'Set directInternetAccess to "Disabled" and give the notebook a private subnetId and securityGroups.',
        "Reach AWS services through VPC interface endpoints instead of the internet.",
    ],
    notes: [
        'The provider default is "Enabled", so a notebook that leaves directInternetAccess unset fails. Checkov CKV_AWS_122 passes that case; Security Hub SageMaker.1 fails it, as this check does.',
        "directInternetAccess is a literal in programs, so the check decides during preview; if it is computed and unknown, the check decides at pulumi up.",
    ],
    validate(notebook, check) {
        const access = notebook.get("directInternetAccess");
        if (access.state === "unknown") {
            check.undecided("directInternetAccess");
            return;
        }
        if (access.state === "known" && access.value === "Disabled") {
            return;
        }
        check.fail({
            setting: "directInternetAccess",
            found:
                access.state === "missing"
                    ? 'not set (provider default "Enabled")'
                    : describe(access, ["Enabled", "Disabled"]),
            expected: '"Disabled"',
        });
    },
});
