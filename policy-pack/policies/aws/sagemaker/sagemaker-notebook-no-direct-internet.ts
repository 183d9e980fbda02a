import { cite } from "../../../core/citations";
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
    controls: cite({
        "nist-800-53": {
            implements: ["SC-7(5)"],
            supports: ["SC-7"],
            why: "With direct internet access disabled the notebook reaches the internet only through the customer's VPC, where outbound traffic is denied unless allowed.",
        },
        "mitre-atlas": {
            implements: ["AML.M0019"],
            mitigates: ["AML.T0025"],
            why: "The notebook holds data and credentials for the ML platform; without direct internet access it cannot be reached from, or send data straight to, the internet.",
        },
        "iso-27001": {
            implements: ["A.8.22"],
            why: "Segregation of networks: AI compute is kept apart from the internet except for approved destinations.",
        },
    }),
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
            found: access.state === "missing" ? 'not set (provider default "Enabled")' : describe(access),
            expected: '"Disabled"',
        });
    },
});
