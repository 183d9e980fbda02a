import { cite } from "../../../core/citations";
import { defineSettingsPolicy } from "../../../core/settings";

export default defineSettingsPolicy({
    id: "sagemaker-domain-vpc-only",
    cloud: "aws",
    resourceTypes: ["aws:sagemaker/domain:Domain"],
    area: "network-isolation",
    layer: "paas",
    severity: "high",
    enforcementLevel: "mandatory",
    description:
        'SageMaker Studio domains send app traffic only through the customer VPC (appNetworkAccessType "VpcOnly") with default security groups for user apps.',
    controls: cite({
        "nist-800-53": {
            implements: ["SC-7"],
            supports: ["SC-7(5)"],
            why: "Studio app traffic goes only through the customer VPC, so the customer's boundary controls apply to it.",
        },
        "mitre-atlas": {
            implements: ["AML.M0019"],
            mitigates: ["AML.T0025"],
            why: "Studio apps lose the service-managed internet path that could carry data out of the domain.",
        },
        "iso-27001": {
            implements: ["A.8.22"],
            why: "Segregation of networks: Studio apps run only in the customer's network segment.",
        },
    }),
    peers: [],
    remediation: [
        'Set appNetworkAccessType to "VpcOnly" and subnetIds to private subnets of the AI VPC.',
        "Set defaultUserSettings.securityGroups to the security groups Studio apps should use.",
        "Provide VPC interface endpoints (SageMaker API, runtime, Studio, S3) for the traffic Studio needs.",
    ],
    notes: [
        'The provider default of appNetworkAccessType is "PublicInternetOnly", so a domain that leaves it unset fails.',
        "The nearest peer is the AWS Config managed rule sagemaker-domain-in-vpc; no IaC scanner has an equivalent check.",
        "Security group ids are usually unknown during preview; the check tests presence, so an unknown list counts as set.",
    ],
    settings: [
        {
            path: "appNetworkAccessType",
            expect: { kind: "oneOf", values: ["VpcOnly"] },
            missing: { verdict: "violation", providerDefault: '"PublicInternetOnly"' },
            examples: { violating: "PublicInternetOnly", compliant: "VpcOnly" },
        },
        {
            path: "defaultUserSettings.securityGroups",
            expect: { kind: "present" },
            missing: { verdict: "violation", providerDefault: "no security group" },
            examples: { violating: [], compliant: ["sg-0123456789abcdef0"] },
        },
    ],
    compliantExample: {
        domainName: "studio",
        authMode: "SSO",
        vpcId: "vpc-0123456789abcdef0",
        subnetIds: ["subnet-0123456789abcdef0"],
        appNetworkAccessType: "VpcOnly",
        defaultUserSettings: {
            executionRole: "arn:aws:iam::123456789012:role/studio",
            securityGroups: ["sg-0123456789abcdef0"],
        },
    },
});
