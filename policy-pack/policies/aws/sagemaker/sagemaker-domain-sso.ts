import { defineSettingsPolicy } from "../../../core/settings";

export default defineSettingsPolicy({
    id: "sagemaker-domain-sso",
    cloud: "aws",
    resourceTypes: ["aws:sagemaker/domain:Domain"],
    area: "identity",
    layer: "paas",
    severity: "medium",
    enforcementLevel: "advisory",
    description: "SageMaker Studio domains authenticate users through IAM Identity Center (authMode SSO).",
    controls: [
        { framework: "nist-800-53", id: "IA-2" },
        { framework: "nist-800-53", id: "IA-2(1)" },
        { framework: "nist-800-53", id: "AC-2" },
        { framework: "mitre-atlas", id: "AML.M0019" },
        { framework: "mitre-atlas", id: "AML.T0012" },
        { framework: "nist-ai-rmf", id: "GOVERN 1.4" },
        { framework: "iso-27001", id: "A.5.16" },
        { framework: "iso-27001", id: "A.8.5" },
        { framework: "iso-42001", id: "A.4.5" },
    ],
    peers: [{ tool: "prowler", id: "sagemaker_domain_sso_configured" }],
    remediation: [
        'Set authMode to "SSO" and manage Studio users through IAM Identity Center; the mode cannot be changed after the domain is created.',
    ],
    notes: [
        'authMode is required by the provider, so a domain without it cannot be deployed and is not reported; "IAM" fails.',
        "Advisory because IAM mode is a valid choice for accounts federated through an external identity provider with per-user IAM roles.",
    ],
    settings: [
        {
            path: "authMode",
            expect: { kind: "oneOf", values: ["SSO"] },
            missing: { verdict: "compliant" },
            examples: { violating: "IAM", compliant: "SSO" },
        },
    ],
    compliantExample: {
        domainName: "studio",
        authMode: "SSO",
        vpcId: "vpc-0123456789abcdef0",
        subnetIds: ["subnet-0123456789abcdef0"],
        defaultUserSettings: { executionRole: "arn:aws:iam::123456789012:role/studio" },
    },
});
