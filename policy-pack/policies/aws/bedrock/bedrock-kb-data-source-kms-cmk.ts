import { cite } from "../../../core/citations";
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
    controls: cite({
        "nist-800-53": {
            implements: ["SC-28(1)"],
            supports: ["SC-12"],
            why: "Encrypted at rest under a customer managed key, whose use the customer controls and can revoke: transient ingestion data of the knowledge base.",
        },
        "mitre-atlas": {
            implements: ["AML.M0012"],
            mitigates: ["AML.T0085.000"],
            why: "Encryption under a customer key (AML.M0012) leaves a stolen copy of transient ingestion data of the knowledge base unreadable without use of the key.",
        },
        "iso-27001": {
            implements: ["A.8.24"],
            why: "Use of cryptography: the check requires encryption at rest with a customer managed key.",
        },
        "owasp-llm": {
            mitigates: ["LLM08"],
            why: "Documents being embedded into the vector store are protected during ingestion.",
        },
    }),
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
