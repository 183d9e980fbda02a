import { defineSettingsPolicy } from "../../../core/settings";

export default defineSettingsPolicy({
    id: "agentcore-browser-vpc",
    cloud: "aws",
    resourceTypes: ["aws:bedrock/agentcoreBrowser:AgentcoreBrowser"],
    area: "network-isolation",
    layer: "fm-api",
    severity: "high",
    enforcementLevel: "mandatory",
    description: "Bedrock AgentCore browsers run in VPC network mode.",
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
    peers: [{ tool: "aws-securityhub", id: "BedrockAgentCore.5" }],
    remediation: [
        'Set networkConfiguration.networkMode to "VPC" and networkConfiguration.vpcConfig to private subnets and restrictive security groups.',
        "Route the browser's egress through a proxy or firewall that allows only approved sites.",
    ],
    notes: [
        "networkMode is a literal in programs, so the check decides during preview; if it is computed and unknown, the check decides at pulumi up.",
        "networkMode is a required input with the values PUBLIC and VPC; in PUBLIC mode the agent-driven browser reaches any site, which enables exfiltration through tool use.",
    ],
    settings: [
        {
            path: "networkConfiguration.networkMode",
            expect: { kind: "oneOf", values: ["VPC"] },
            missing: { verdict: "violation", providerDefault: "none: the input is required" },
            examples: { violating: "PUBLIC", compliant: "VPC" },
        },
    ],
    compliantExample: {
        name: "research_browser",
        executionRoleArn: "arn:aws:iam::123456789012:role/agent",
        networkConfiguration: {
            networkMode: "VPC",
            vpcConfig: { subnets: ["subnet-0a1b2c3d"], securityGroups: ["sg-0a1b2c3d"] },
        },
    },
});
