import { defineSettingsPolicy } from "../../../core/settings";

export default defineSettingsPolicy({
    id: "agentcore-code-interpreter-vpc",
    cloud: "aws",
    resourceTypes: ["aws:bedrock/agentcoreCodeInterpreter:AgentcoreCodeInterpreter"],
    area: "network-isolation",
    layer: "fm-api",
    severity: "high",
    enforcementLevel: "mandatory",
    description: "Bedrock AgentCore code interpreters run in VPC network mode.",
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
    peers: [{ tool: "aws-securityhub", id: "BedrockAgentCore.7" }],
    remediation: [
        'Set networkConfiguration.networkMode to "VPC" and networkConfiguration.vpcConfig to private subnets and restrictive security groups.',
    ],
    notes: [
        "networkMode is a literal in programs, so the check decides during preview; if it is computed and unknown, the check decides at pulumi up.",
        "networkMode is a required input with the values PUBLIC, SANDBOX and VPC. PUBLIC gives model-generated code internet access; SANDBOX isolates it but without customer network controls, so it fails as well, as in Security Hub BedrockAgentCore.7.",
    ],
    settings: [
        {
            path: "networkConfiguration.networkMode",
            expect: { kind: "oneOf", values: ["VPC"] },
            missing: { verdict: "violation", providerDefault: "none: the input is required" },
            examples: { violating: "SANDBOX", compliant: "VPC" },
        },
    ],
    compliantExample: {
        name: "analysis_interpreter",
        executionRoleArn: "arn:aws:iam::123456789012:role/agent",
        networkConfiguration: {
            networkMode: "VPC",
            vpcConfig: { subnets: ["subnet-0a1b2c3d"], securityGroups: ["sg-0a1b2c3d"] },
        },
    },
});
