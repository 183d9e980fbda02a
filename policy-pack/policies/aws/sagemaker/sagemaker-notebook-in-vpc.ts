import { cite } from "../../../core/citations";
import { defineSettingsPolicy } from "../../../core/settings";

export default defineSettingsPolicy({
    id: "sagemaker-notebook-in-vpc",
    cloud: "aws",
    resourceTypes: ["aws:sagemaker/notebookInstance:NotebookInstance"],
    area: "network-isolation",
    layer: "paas",
    severity: "high",
    enforcementLevel: "mandatory",
    description: "SageMaker notebook instances run in a VPC subnet with at least one security group attached.",
    controls: cite({
        "nist-800-53": {
            supports: ["SC-7"],
            why: "Notebook instances are placed in customer subnets behind security groups, so boundary controls apply to their traffic.",
        },
        "mitre-atlas": {
            supports: ["AML.M0019"],
            why: "Traffic of notebook instances passes through the customer's network controls.",
        },
        "iso-27001": {
            implements: ["A.8.22"],
            why: "Segregation of networks: the workload runs in a customer-controlled network segment.",
        },
    }),
    peers: [
        { tool: "checkov", id: "CKV_AWS_306" },
        { tool: "kics", id: "9c7028d9-04c2-45be-b8b2-1188ccaefb36" },
        { tool: "prowler", id: "sagemaker_notebook_instance_vpc_settings_configured" },
        { tool: "aws-securityhub", id: "SageMaker.2" },
    ],
    remediation: [
        "Set subnetId to a private subnet of the AI VPC.",
        "Set securityGroups to one or more security groups that admit only the traffic the notebook needs.",
    ],
    notes: [
        "Without subnetId the notebook runs in a SageMaker-managed network outside your VPC, so both settings fail when missing.",
        "Subnet and security group ids created in the same stack are unknown during preview; the check tests presence, so an unknown value counts as set and the check decides during preview.",
    ],
    settings: [
        {
            path: "subnetId",
            expect: { kind: "present" },
            missing: { verdict: "violation", providerDefault: "no VPC, SageMaker-managed network" },
            examples: { violating: "", compliant: "subnet-0123456789abcdef0" },
        },
        {
            path: "securityGroups",
            expect: { kind: "present" },
            missing: { verdict: "violation", providerDefault: "no security group" },
            examples: { violating: [], compliant: ["sg-0123456789abcdef0"] },
        },
    ],
    compliantExample: {
        instanceType: "ml.t3.medium",
        roleArn: "arn:aws:iam::123456789012:role/notebook",
        subnetId: "subnet-0123456789abcdef0",
        securityGroups: ["sg-0123456789abcdef0"],
        directInternetAccess: "Disabled",
    },
});
