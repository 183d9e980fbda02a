import { cite } from "../../../core/citations";
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
    controls: cite({
        "nist-800-53": {
            implements: ["SC-7(5)"],
            supports: ["SC-7"],
            why: "The agent browser tool runs in VPC mode, so its traffic is subject to the customer's subnets, security groups and egress rules.",
        },
        "mitre-atlas": {
            implements: ["AML.M0032"],
            mitigates: ["AML.T0086"],
            why: "Placing the agent browser tool in the customer's network segments the agent component and limits where tool calls can send data.",
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
