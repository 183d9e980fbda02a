import { cite } from "../../../core/citations";
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
    controls: cite({
        "nist-800-53": {
            implements: ["IA-2"],
            supports: ["AC-2"],
            why: "Studio users sign in through IAM Identity Center as individual organizational users.",
        },
        "mitre-atlas": {
            supports: ["AML.M0019"],
            why: "Access to Studio, and through it to models and data, follows the organization's central identities.",
        },
        "iso-27001": {
            implements: ["A.5.16"],
            why: "Identity management: Studio users are managed in the central identity source.",
        },
    }),
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
