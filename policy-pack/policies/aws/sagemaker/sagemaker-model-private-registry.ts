import { cite } from "../../../core/citations";
import type { Subject } from "../../../core/definition";
import { defineSettingsPolicy } from "../../../core/settings";
import { arrayOf, field } from "../../../core/values";

/**
 * Registries AWS publishes SageMaker images from: the Deep Learning Containers account of the
 * commercial regions. Their images cannot be mirrored into the VPC path this policy asks for, so a
 * model whose every image comes from there is not judged.
 */
const awsImageRegistry = /^763104351884\.dkr\.ecr\.[a-z0-9-]+\.amazonaws\.com(\.cn)?\//;

/** Every image of the model (primary and pipeline containers) is known and published by AWS. */
function onlyAwsPublishedImages(model: Subject): boolean {
    const images: unknown[] = [];
    const primary = model.get("primaryContainer.image");
    if (primary.state !== "missing") {
        images.push(primary.state === "known" ? primary.value : undefined);
    }
    for (const c of arrayOf(model.get("containers")) ?? []) {
        const image = field(c, "image");
        images.push(image.state === "known" ? image.value : undefined);
    }
    return images.length > 0 && images.every((i) => typeof i === "string" && awsImageRegistry.test(i));
}

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
    controls: cite({
        "nist-800-53": {
            supports: ["SC-7", "SR-3"],
            why: "The serving image is pulled over the customer's VPC from a private registry the customer controls, not from a public source.",
        },
        "mitre-atlas": {
            mitigates: ["AML.T0010.004"],
            why: "Pulling only from a private registry narrows where a tampered serving image can come from.",
        },
        "iso-27001": {
            supports: ["A.5.21"],
            why: "Managing information security in the ICT supply chain: images come from the organization's own registry.",
        },
        "owasp-llm": {
            mitigates: ["LLM03"],
            why: "The inference image, a supply-chain component of the model, is sourced from a private registry.",
        },
    }),
    peers: [
        { tool: "aws-securityhub", id: "SageMaker.16" },
        { tool: "aws-securityhub", id: "SageMaker.19" },
    ],
    remediation: [
        'Host the inference images in a private Docker registry reachable from the model VPC and set imageConfig.repositoryAccessMode to "Vpc" on primaryContainer and on every element of containers.',
        "If your images come from Amazon ECR in your own account, keep this policy advisory or disable it: ECR access is already private to the account.",
    ],
    notes: [
        "Models whose every image comes from the AWS Deep Learning Containers registry (account 763104351884) are not judged: AWS publishes those images and they cannot be served from a registry in your VPC.",
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
    skip: onlyAwsPublishedImages,
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
