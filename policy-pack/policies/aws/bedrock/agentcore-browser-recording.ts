import { defineSettingsPolicy } from "../../../core/settings";

export default defineSettingsPolicy({
    id: "agentcore-browser-recording",
    cloud: "aws",
    resourceTypes: ["aws:bedrock/agentcoreBrowser:AgentcoreBrowser"],
    area: "io-logging",
    layer: "fm-api",
    severity: "medium",
    enforcementLevel: "advisory",
    description: "Bedrock AgentCore browsers record their sessions to an S3 location.",
    controls: [
        { framework: "nist-800-53", id: "AU-2" },
        { framework: "nist-800-53", id: "AU-3" },
        { framework: "nist-800-53", id: "AU-12" },
        { framework: "mitre-atlas", id: "AML.M0024" },
        { framework: "mitre-atlas", id: "AML.T0040" },
        { framework: "nist-ai-rmf", id: "MANAGE 4.1" },
        { framework: "iso-42001", id: "A.6.2.8" },
        { framework: "iso-27001", id: "A.8.15" },
        { framework: "owasp-llm", id: "LLM10" },
        { framework: "mitre-atlas", id: "AML.T0053" },
    ],
    peers: [{ tool: "aws-securityhub", id: "BedrockAgentCore.6" }],
    remediation: [
        "Set recording.enabled to true and recording.s3Location to a bucket and prefix of a KMS-encrypted, access-restricted bucket.",
    ],
    notes: [
        "Session recordings are the audit trail of what an agent did in the browser. Recording is off when recording is not set.",
        "The bucket name is often bucket.bucket, unknown during preview; it counts as set.",
        "Advisory, because recordings can capture personal data shown on visited pages; protect the bucket accordingly.",
    ],
    settings: [
        {
            path: "recording.enabled",
            expect: { kind: "oneOf", values: [true] },
            missing: { verdict: "violation", providerDefault: "false" },
            examples: { violating: false, compliant: true },
        },
        {
            path: "recording.s3Location",
            expect: { kind: "present" },
            missing: { verdict: "violation", providerDefault: "no recording location" },
            examples: { violating: "", compliant: { bucket: "agent-recordings", prefix: "browser/" } },
        },
    ],
    compliantExample: {
        name: "research_browser",
        executionRoleArn: "arn:aws:iam::123456789012:role/agent",
        networkConfiguration: { networkMode: "VPC" },
        recording: { enabled: true, s3Location: { bucket: "agent-recordings", prefix: "browser/" } },
    },
});
