import { cite } from "../../../core/citations";
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
    controls: cite({
        "nist-800-53": {
            supports: ["CP-10", "SC-5"],
            why: "Two or more instances per variant keep the endpoint serving when one instance fails or is overloaded.",
        },
        "mitre-atlas": {
            mitigates: ["AML.T0029"],
            why: "Redundant instances make the endpoint harder to take down by exhausting a single instance.",
        },
        "nist-ai-rmf": {
            supports: ["MANAGE 2.2"],
            why: "Redundant capacity is a mechanism that sustains the deployed model's availability.",
        },
        "iso-27001": {
            implements: ["A.8.14"],
            why: "Redundancy of information processing facilities: each variant runs on more than one instance.",
        },
    }),
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
