import { cite } from "../../../core/citations";
import { defineStackPolicy, type StackCheck } from "../../../core/definition";
import {
    configuredServices,
    judgePrivateConnectivity,
    vpcEndpointType,
} from "../../../shared/aws-private-connectivity";

const notebookType = "aws:sagemaker/notebookInstance:NotebookInstance";
const domainType = "aws:sagemaker/domain:Domain";
const consumerTypes: readonly string[] = [
    notebookType,
    domainType,
    "aws:sagemaker/model:Model",
    "aws:sagemaker/endpoint:Endpoint",
    "aws:sagemaker/trainingJob:TrainingJob",
];

interface Config {
    readonly requiredServices?: readonly string[];
}

export default defineStackPolicy<Config>({
    id: "sagemaker-private-connectivity",
    cloud: "aws",
    resourceTypes: [vpcEndpointType, ...consumerTypes],
    area: "network-isolation",
    layer: "paas",
    severity: "medium",
    enforcementLevel: "advisory",
    description:
        "A stack that uses SageMaker has Interface VPC endpoints with private DNS for sagemaker.api and sagemaker.runtime, plus the notebook and studio endpoints when it declares notebook instances or domains.",
    controls: cite({
        "nist-800-53": {
            implements: ["SC-7(4)"],
            supports: ["SC-7"],
            why: "SageMaker API and runtime traffic goes over interface VPC endpoints with private DNS.",
        },
        "mitre-atlas": {
            supports: ["AML.M0019"],
            why: "Calls to the ML platform and to endpoints stay on the AWS network, where endpoint policies apply.",
        },
        "iso-27001": {
            implements: ["A.8.21"],
            why: "Security of network services: the ML platform is consumed over private service connections.",
        },
    }),
    peers: [],
    remediation: [
        'Add aws.ec2.VpcEndpoint resources with vpcEndpointType "Interface" and privateDnsEnabled true for "com.amazonaws.<region>.sagemaker.api" and "com.amazonaws.<region>.sagemaker.runtime" in each VPC that runs SageMaker workloads.',
        'For notebook instances add "aws.sagemaker.<region>.notebook", and for Studio domains "aws.sagemaker.<region>.studio".',
    ],
    notes: [
        "The check applies when the stack declares SageMaker notebook instances, domains, models, endpoints or training jobs; a missing endpoint is reported on the first of them, a misconfigured one on the endpoint.",
        "Service names are matched by suffix (.sagemaker.api, .sagemaker.runtime, .notebook, .studio), so any region matches. The VPC of each consumer is not resolved: one compliant endpoint per service satisfies the stack.",
        "vpcEndpointType defaults to Gateway and privateDnsEnabled to false, so unset values fail. A serviceName, type or DNS flag unknown during preview leaves the verdict to pulumi up.",
        "No scanner has this check; it follows the AWS SageMaker PrivateLink guidance and complements sagemaker-notebook-no-direct-internet. The config property requiredServices replaces the default list of service suffixes.",
    ],
    configSchema: {
        properties: {
            requiredServices: {
                type: "array",
                items: { type: "string" },
                description:
                    'Service name suffixes that need an endpoint, e.g. ["sagemaker.api", "sagemaker.runtime"]; default depends on the SageMaker resources in the stack.',
            },
        },
    },
    validate(check) {
        const consumers = check.resources.filter((r) => consumerTypes.includes(r.type));
        const services = configuredServices(check.config) ?? [
            "sagemaker.api",
            "sagemaker.runtime",
            ...(consumers.some((c) => c.type === notebookType) ? ["notebook"] : []),
            ...(consumers.some((c) => c.type === domainType) ? ["studio"] : []),
        ];
        judgePrivateConnectivity(check as StackCheck<unknown>, consumers, services, "SageMaker");
    },
});
