import { defineSettingsPolicy } from "../../../core/settings";

export default defineSettingsPolicy({
    id: "sagemaker-model-private-registry",
    cloud: "aws",
    resourceTypes: ["aws:sagemaker/model:Model"],
    area: "supply-chain",
    layer: "paas",
    severity: "medium",
    enforcementLevel: "advisory",
    description:
        'SageMaker models pull the image of the primary container and of every pipeline container from a private registry in the VPC (repositoryAccessMode "Vpc").',
    controls: [
        { framework: "nist-800-53", id: "SR-3" },
        { framework: "nist-800-53", id: "SC-7" },
        { framework: "nist-800-53", id: "CM-14" },
        { framework: "mitre-atlas", id: "AML.M0014" },
        { framework: "mitre-atlas", id: "AML.T0010" },
        { framework: "nist-ai-rmf", id: "MAP 4.1" },
        { framework: "iso-27001", id: "A.8.20" },
        { framework: "iso-42001", id: "A.10.3" },
        { framework: "owasp-llm", id: "LLM03" },
    ],
    peers: [
        { tool: "aws-securityhub", id: "SageMaker.16" },
        { tool: "aws-securityhub", id: "SageMaker.19" },
    ],
    remediation: [
        'Host the inference images in a private Docker registry reachable from the model VPC and set imageConfig.repositoryAccessMode to "Vpc" on primaryContainer and on every element of containers.',
        "If your images come from Amazon ECR in your own account, keep this policy advisory or disable it: ECR access is already private to the account.",
    ],
    notes: [
        'Mirrors Security Hub SageMaker.16 (primary container) and SageMaker.19 (multi-container pipelines): a container without imageConfig, or with "Platform" (Amazon ECR), fails.',
        "That rule also fails ordinary use of Amazon ECR, so the check ships as advisory; disable it for stacks that pull only from ECR repositories of their own account.",
        "The primary container is checked only when it is set; pipeline containers are checked one by one. An unknown mode is decided at pulumi up.",
    ],
    settings: [
        {
            path: "primaryContainer.imageConfig.repositoryAccessMode",
            expect: { kind: "oneOf", values: ["Vpc"] },
            missing: { verdict: "violation", providerDefault: '"Platform" (Amazon ECR)' },
            examples: { violating: "Platform", compliant: "Vpc" },
            onlyIf: { path: "primaryContainer" },
        },
        {
            path: "containers[].imageConfig.repositoryAccessMode",
            expect: { kind: "oneOf", values: ["Vpc"] },
            missing: { verdict: "violation", providerDefault: '"Platform" (Amazon ECR)' },
            examples: { violating: "Platform", compliant: "Vpc" },
        },
    ],
    compliantExample: {
        executionRoleArn: "arn:aws:iam::123456789012:role/model",
        enableNetworkIsolation: true,
        primaryContainer: {
            image: "registry.internal.example.com/inference:1.0",
            imageConfig: { repositoryAccessMode: "Vpc" },
        },
        containers: [
            {
                image: "registry.internal.example.com/preprocess:1.0",
                imageConfig: { repositoryAccessMode: "Vpc" },
            },
        ],
        vpcConfig: { subnets: ["subnet-0123456789abcdef0"], securityGroupIds: ["sg-0123456789abcdef0"] },
    },
});
