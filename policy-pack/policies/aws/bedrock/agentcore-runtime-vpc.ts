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
    controls: [
        { framework: "nist-800-53", id: "SC-7" },
        { framework: "nist-800-53", id: "SC-7(5)" },
        { framework: "nist-800-53", id: "SC-7(10)" },
        { framework: "nist-800-53", id: "AC-4" },
        { framework: "mitre-atlas", id: "AML.M0019" },
        { framework: "mitre-atlas", id: "AML.M0032" },
        { framework: "mitre-atlas", id: "AML.T0086" },
        { framework: "mitre-atlas", id: "AML.T0053" },
        { framework: "nist-ai-rmf", id: "MEASURE 2.7" },
        { framework: "iso-27001", id: "A.8.20" },
        { framework: "iso-42001", id: "A.4.5" },
        { framework: "owasp-llm", id: "LLM06" },
        { framework: "owasp-llm", id: "LLM02" },
    ],
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
