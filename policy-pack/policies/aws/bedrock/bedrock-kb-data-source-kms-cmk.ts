import { defineSettingsPolicy } from "../../../core/settings";

export default defineSettingsPolicy({
    id: "bedrock-kb-data-source-kms-cmk",
    cloud: "aws",
    resourceTypes: ["aws:bedrock/agentDataSource:AgentDataSource"],
    area: "model-storage",
    layer: "fm-api",
    severity: "high",
    enforcementLevel: "mandatory",
    description:
        "Bedrock knowledge base data sources encrypt transient ingestion data with a customer managed KMS key.",
    controls: [
        { framework: "nist-800-53", id: "SC-28" },
        { framework: "nist-800-53", id: "SC-28(1)" },
        { framework: "nist-800-53", id: "SC-12" },
        { framework: "mitre-atlas", id: "AML.M0012" },
        { framework: "mitre-atlas", id: "AML.T0035" },
        { framework: "nist-ai-rmf", id: "MEASURE 2.7" },
        { framework: "iso-27001", id: "A.8.24" },
        { framework: "iso-42001", id: "A.4.3" },
        { framework: "owasp-llm", id: "LLM02" },
        { framework: "mitre-atlas", id: "AML.T0085.000" },
        { framework: "owasp-llm", id: "LLM08" },
    ],
    peers: [
        { tool: "aws-securityhub", id: "Bedrock.1" },
        { tool: "prowler", id: "bedrock_knowledge_base_encrypted_with_cmk" },
    ],
    remediation: [
        "Set serverSideEncryptionConfiguration.kmsKeyArn to the ARN of a customer managed aws.kms.Key (with rotation on).",
        "Allow the knowledge base role to use the key (kms:Decrypt, kms:GenerateDataKey).",
    ],
    notes: [
        "The key is usually key.arn of a key in the same stack, unknown during preview; the check tests presence, so it decides during preview.",
        "Without a key, Bedrock encrypts the transient chunking and embedding data of RAG ingestion with an AWS owned key. A serverSideEncryptionConfiguration block without kmsKeyArn fails like a missing block.",
    ],
    settings: [
        {
            path: "serverSideEncryptionConfiguration.kmsKeyArn",
            expect: { kind: "present" },
            missing: { verdict: "violation", providerDefault: "an AWS owned key" },
            examples: {
                violating: "",
                compliant: "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
            },
        },
    ],
    compliantExample: {
        knowledgeBaseId: "KB12345678",
        name: "docs",
        dataSourceConfiguration: { type: "S3", s3Configuration: { bucketArn: "arn:aws:s3:::kb-docs" } },
        serverSideEncryptionConfiguration: {
            kmsKeyArn: "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
        },
    },
});
