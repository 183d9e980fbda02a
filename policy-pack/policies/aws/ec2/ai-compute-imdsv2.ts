import { onAiResources } from "../../../core/ai-scope";
import { cite } from "../../../core/citations";
import { defineSettingsPolicy } from "../../../core/settings";

export default onAiResources(
    defineSettingsPolicy({
        id: "ai-compute-imdsv2",
        cloud: "aws",
        resourceTypes: ["aws:ec2/instance:Instance", "aws:ec2/launchTemplate:LaunchTemplate"],
        area: "identity",
        layer: "iaas",
        severity: "high",
        enforcementLevel: "mandatory",
        description:
            "EC2 instances and launch templates that host a model accept only IMDSv2 (token-based) instance metadata requests.",
        controls: cite({
            "nist-800-53": {
                implements: ["CM-6"],
                supports: ["CM-7"],
                why: "The model host's metadata service accepts only session-token requests (a hardened configuration setting).",
            },
            "mitre-atlas": {
                mitigates: ["AML.T0055"],
                why: "IMDSv2 blocks the request-forgery path from a model server to its instance role's credentials.",
            },
            "iso-27001": {
                implements: ["A.8.9"],
                why: "Configuration management: model hosts run with the hardened metadata configuration.",
            },
        }),
        peers: [
            { tool: "checkov", id: "CKV_AWS_79" },
            { tool: "aws-securityhub", id: "EC2.8" },
            { tool: "prowler", id: "ec2_instance_imdsv2_enabled" },
        ],
        remediation: [
            'Set metadataOptions.httpTokens to "required" on the instance or launch template (and keep httpPutResponseHopLimit at 1 or 2 for containers).',
        ],
        notes: [
            "Judged only on compute of the AI system: accelerated instance types (p, g, inf, trn, dl families), launch templates an accelerated EKS node group starts from, or resources tagged as AI.",
            'The provider default for httpTokens is "optional", which also accepts IMDSv1 requests that a server-side request forgery in a model server can use to read the role credentials, so a missing setting fails.',
            "A launch template used by an EKS node group is judged here; the node group itself has no metadata setting.",
        ],
        settings: [
            {
                path: "metadataOptions.httpTokens",
                expect: { kind: "oneOf", values: ["required"] },
                missing: { verdict: "violation", providerDefault: '"optional" (IMDSv1 allowed)' },
                examples: { violating: "optional", compliant: "required" },
            },
        ],
        compliantExample: {
            instanceType: "m5.xlarge",
            tags: { "aiguard:system": "ai" },
            metadataOptions: { httpTokens: "required", httpEndpoint: "enabled" },
        },
    }),
);
