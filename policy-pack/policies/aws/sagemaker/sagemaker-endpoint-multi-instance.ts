import { defineSettingsPolicy } from "../../../core/settings";

export default defineSettingsPolicy<{ minimumInstanceCount?: number }>({
    id: "sagemaker-endpoint-multi-instance",
    cloud: "aws",
    resourceTypes: ["aws:sagemaker/endpointConfiguration:EndpointConfiguration"],
    area: "fm-safety",
    layer: "paas",
    severity: "low",
    enforcementLevel: "advisory",
    description:
        "SageMaker endpoint configurations start every instance-based production variant with at least two instances.",
    controls: [
        { framework: "nist-800-53", id: "CP-10" },
        { framework: "nist-800-53", id: "SC-5" },
        { framework: "mitre-atlas", id: "AML.T0029" },
        { framework: "nist-ai-rmf", id: "MEASURE 2.6" },
        { framework: "iso-27001", id: "A.8.14" },
        { framework: "owasp-llm", id: "LLM10" },
    ],
    peers: [
        { tool: "aws-securityhub", id: "SageMaker.4" },
        { tool: "prowler", id: "sagemaker_endpoint_config_prod_variant_instances" },
    ],
    remediation: [
        "Set productionVariants[].initialInstanceCount to 2 or more, so SageMaker spreads the instances across Availability Zones.",
    ],
    notes: [
        "Availability hygiene, hence advisory: a single instance is a single point of failure and the first target of a denial of service.",
        "minimumInstanceCount (default 2) sets the lowest accepted count.",
        "A variant without initialInstanceCount (serverless variants, or variants sized by inference components) is not reported.",
        "An unknown count is decided at pulumi up.",
    ],
    configSchema: {
        properties: {
            minimumInstanceCount: {
                type: "integer",
                minimum: 1,
                default: 2,
                description: "Lowest accepted productionVariants[].initialInstanceCount.",
            },
        },
    },
    settings: [
        {
            path: "productionVariants[].initialInstanceCount",
            expect: { kind: "atLeast", min: 2, configKey: "minimumInstanceCount" },
            missing: { verdict: "compliant" },
            examples: { violating: 1, compliant: 2 },
        },
    ],
    compliantExample: {
        productionVariants: [
            { variantName: "main", modelName: "m", instanceType: "ml.m5.large", initialInstanceCount: 2 },
        ],
    },
});
