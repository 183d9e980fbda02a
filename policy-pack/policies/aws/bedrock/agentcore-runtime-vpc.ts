import { cite } from "../../../core/citations";
import { defineSettingsPolicy } from "../../../core/settings";

export default defineSettingsPolicy({
    id: "agentcore-runtime-vpc",
    cloud: "aws",
    resourceTypes: ["aws:bedrock/agentcoreAgentRuntime:AgentcoreAgentRuntime"],
    area: "network-isolation",
    layer: "fm-api",
    severity: "high",
    enforcementLevel: "mandatory",
    description: "Bedrock AgentCore agent runtimes run in VPC network mode with subnets and security groups.",
    controls: cite({
        "nist-800-53": {
            implements: ["SC-7(5)"],
            supports: ["SC-7"],
            why: "The agent runtime runs in VPC mode, so its traffic is subject to the customer's subnets, security groups and egress rules.",
        },
        "mitre-atlas": {
            implements: ["AML.M0032"],
            mitigates: ["AML.T0086"],
            why: "Placing the agent runtime in the customer's network segments the agent component and limits where tool calls can send data.",
        },
        "iso-27001": {
            implements: ["A.8.22"],
            why: "Segregation of networks: the agent component runs in a customer network segment.",
        },
        "owasp-llm": {
            mitigates: ["LLM06"],
            why: "Network placement bounds what an over-privileged or manipulated agent tool can reach.",
        },
    }),
    peers: [{ tool: "aws-securityhub", id: "BedrockAgentCore.1" }],
    remediation: [
        'Set networkConfiguration.networkMode to "VPC".',
        "Set networkConfiguration.networkModeConfig.subnets to private subnets and networkConfiguration.networkModeConfig.securityGroups to security groups that allow only the egress the agent needs.",
        "Reach AWS services through VPC interface endpoints.",
    ],
    notes: [
        "networkMode is a literal in programs, so the check decides during preview; if it is computed and unknown, the check decides at pulumi up. Subnet and security group ids that are unknown during preview count as set.",
        "networkMode is a required input with the values PUBLIC and VPC; in PUBLIC mode the agent code reaches the internet freely, so a runtime in PUBLIC mode also fails the subnet and security group rules.",
    ],
    settings: [
        {
            path: "networkConfiguration.networkMode",
            expect: { kind: "oneOf", values: ["VPC"] },
            missing: { verdict: "violation", providerDefault: "none: the input is required" },
            examples: { violating: "PUBLIC", compliant: "VPC" },
        },
        {
            path: "networkConfiguration.networkModeConfig.subnets",
            expect: { kind: "present" },
            missing: { verdict: "violation", providerDefault: "no subnets (not attached to a VPC)" },
            examples: { violating: [], compliant: ["subnet-0a1b2c3d"] },
        },
        {
            path: "networkConfiguration.networkModeConfig.securityGroups",
            expect: { kind: "present" },
            missing: { verdict: "violation", providerDefault: "no security groups (not attached to a VPC)" },
            examples: { violating: [], compliant: ["sg-0a1b2c3d"] },
        },
    ],
    compliantExample: {
        agentRuntimeName: "support_agent",
        roleArn: "arn:aws:iam::123456789012:role/agent",
        agentRuntimeArtifact: {
            containerConfiguration: { containerUri: "123456789012.dkr.ecr.us-east-1.amazonaws.com/agent:1.0.0" },
        },
        networkConfiguration: {
            networkMode: "VPC",
            networkModeConfig: { subnets: ["subnet-0a1b2c3d"], securityGroups: ["sg-0a1b2c3d"] },
        },
    },
});
