import { cite } from "../../../core/citations";
import { defineStackPolicy, type StackCheck } from "../../../core/definition";
import {
    configuredServices,
    judgePrivateConnectivity,
    vpcEndpointType,
} from "../../../shared/aws-private-connectivity";

const bedrockTypes: readonly string[] = [
    "aws:bedrock/agentAgent:AgentAgent",
    "aws:bedrock/agentKnowledgeBase:AgentKnowledgeBase",
    "aws:bedrock/agentFlow:AgentFlow",
    "aws:bedrock/agentcoreAgentRuntime:AgentcoreAgentRuntime",
    "aws:bedrock/customModel:CustomModel",
    "aws:bedrock/guardrail:Guardrail",
    "aws:bedrock/inferenceProfile:InferenceProfile",
    "aws:bedrock/provisionedModelThroughput:ProvisionedModelThroughput",
];
const agentTypes: ReadonlySet<string> = new Set([
    "aws:bedrock/agentAgent:AgentAgent",
    "aws:bedrock/agentKnowledgeBase:AgentKnowledgeBase",
    "aws:bedrock/agentFlow:AgentFlow",
]);

interface Config {
    readonly requiredServices?: readonly string[];
}

export default defineStackPolicy<Config>({
    id: "bedrock-private-connectivity",
    cloud: "aws",
    resourceTypes: [vpcEndpointType, ...bedrockTypes],
    area: "network-isolation",
    layer: "fm-api",
    severity: "medium",
    enforcementLevel: "advisory",
    description:
        "A stack that uses Bedrock has Interface VPC endpoints with private DNS for bedrock-runtime, and for bedrock-agent-runtime when it declares agents, knowledge bases or flows.",
    controls: cite({
        "nist-800-53": {
            implements: ["SC-7(4)"],
            supports: ["SC-7"],
            why: "Bedrock runtime traffic goes over interface VPC endpoints with private DNS instead of the public service endpoint.",
        },
        "mitre-atlas": {
            supports: ["AML.M0019"],
            why: "Model invocations stay on the AWS network, where endpoint policies and security groups can restrict them.",
        },
        "nist-ai-600-1": {
            mitigates: ["information-security"],
            why: "Prompts and completions are not carried over the public internet to the model API.",
        },
        "iso-27001": {
            implements: ["A.8.21"],
            why: "Security of network services: the model API is consumed over a private service connection.",
        },
    }),
    peers: [{ tool: "prowler", id: "bedrock_vpc_endpoints_configured" }],
    remediation: [
        'Add an aws.ec2.VpcEndpoint in each VPC that calls Bedrock with serviceName "com.amazonaws.<region>.bedrock-runtime", vpcEndpointType "Interface", privateDnsEnabled true, subnetIds and securityGroupIds.',
        "Add the same for bedrock-agent-runtime when the stack uses agents, knowledge bases or flows.",
    ],
    notes: [
        "The check applies when the stack declares Bedrock agents, knowledge bases, flows, AgentCore runtimes, custom models, guardrails, inference profiles or provisioned throughput; a missing endpoint is reported on the first of them, a misconfigured one on the endpoint.",
        "Service names are matched by suffix (.bedrock-runtime), so any region matches. The VPC of each consumer is not resolved: one compliant endpoint per service satisfies the stack.",
        "vpcEndpointType defaults to Gateway and privateDnsEnabled to false, so unset values fail. A serviceName, type or DNS flag unknown during preview leaves the verdict to pulumi up.",
        "The config property requiredServices replaces the default list of service suffixes (for example add bedrock, bedrock-agent or bedrock-mantle).",
    ],
    configSchema: {
        properties: {
            requiredServices: {
                type: "array",
                items: { type: "string" },
                description:
                    'Service name suffixes that need an endpoint, e.g. ["bedrock-runtime", "bedrock-agent-runtime"]; default depends on the Bedrock resources in the stack.',
            },
        },
    },
    validate(check) {
        const consumers = check.resources.filter((r) => bedrockTypes.includes(r.type));
        const services = configuredServices(check.config) ?? [
            "bedrock-runtime",
            ...(consumers.some((c) => agentTypes.has(c.type)) ? ["bedrock-agent-runtime"] : []),
        ];
        judgePrivateConnectivity(check as StackCheck<unknown>, consumers, services, "Bedrock");
    },
});
