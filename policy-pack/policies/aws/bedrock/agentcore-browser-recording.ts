import { cite } from "../../../core/citations";
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
    controls: cite({
        "nist-800-53": {
            implements: ["AU-12"],
            supports: ["AU-2"],
            why: "Browser tool sessions are recorded to S3.",
        },
        "mitre-atlas": {
            implements: ["AML.M0024"],
            mitigates: ["AML.T0053"],
            why: "A record of what the agent did in the browser makes misuse of the tool traceable.",
        },
        "nist-ai-rmf": {
            supports: ["MEASURE 2.8"],
            why: "Session recordings make the agent's actions accountable after the fact.",
        },
        "iso-27001": {
            implements: ["A.8.15"],
            why: "Logging: agent browser activity is recorded.",
        },
        "iso-42001": {
            implements: ["A.6.2.8"],
            why: "AI system recording of event logs: the agent's browsing is recorded.",
        },
    }),
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
