import { onAiResources } from "../../../core/ai-scope";
import { cite } from "../../../core/citations";
import { defineSettingsPolicy } from "../../../core/settings";

export default onAiResources(
    defineSettingsPolicy({
        id: "model-image-repo-scan-on-push",
        cloud: "aws",
        resourceTypes: ["aws:ecr/repository:Repository"],
        area: "supply-chain",
        layer: "data-plane",
        severity: "medium",
        enforcementLevel: "mandatory",
        description: "ECR repositories scan images for vulnerabilities on push.",
        controls: cite({
            "nist-800-53": {
                implements: ["RA-5"],
                why: "Every image pushed to the repository is scanned for known vulnerabilities.",
            },
            "mitre-atlas": {
                implements: ["AML.M0016"],
                mitigates: ["AML.T0010.004"],
                why: "Scanning on push finds known-vulnerable packages in model-serving images (AML.M0016).",
            },
            "iso-27001": {
                implements: ["A.8.8"],
                why: "Management of technical vulnerabilities: images are scanned as they arrive.",
            },
            "owasp-llm": {
                mitigates: ["LLM03"],
                why: "Vulnerable components in serving images are a supply-chain risk the scan surfaces.",
            },
        }),
        peers: [
            { tool: "checkov", id: "CKV_AWS_163" },
            { tool: "trivy", id: "AWS-0030" },
            { tool: "prowler", id: "ecr_repositories_scan_images_on_push_enabled" },
            { tool: "aws-securityhub", id: "ECR.1" },
        ],
        remediation: [
            "Set imageScanningConfiguration.scanOnPush to true.",
            "Prefer registry-wide enhanced scanning with aws.ecr.RegistryScanningConfiguration (Amazon Inspector) as well.",
        ],
        notes: [
            "Judged only on repositories of the AI system: referenced by an AI resource (a SageMaker model's container image, for example) or tagged as AI. Evaluated on the stack, so at pulumi up a violation is reported after the repository is created.",
            "scanOnPush is a literal in programs, so the check decides during preview; an unknown value is decided at pulumi up.",
            "The provider default is false. A registry-level aws.ecr.RegistryScanningConfiguration with enhanced scanning overrides this setting; the check does not read it, so set scanOnPush to true anyway (it is harmless) or disable the policy.",
            "Applies to every ECR repository of the stack: in an AI stack these hold model-serving, training and agent runtime images. Disable the policy per stack where a repository is out of scope.",
        ],
        settings: [
            {
                path: "imageScanningConfiguration.scanOnPush",
                expect: { kind: "oneOf", values: [true] },
                missing: { verdict: "violation", providerDefault: "false" },
                examples: { violating: false, compliant: true },
            },
        ],
        compliantExample: {
            name: "model-server",
            tags: { "aiguard:system": "ai" },
            imageTagMutability: "IMMUTABLE",
            imageScanningConfiguration: { scanOnPush: true },
        },
    }),
);
