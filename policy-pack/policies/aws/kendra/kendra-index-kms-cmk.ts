import { defineSettingsPolicy } from "../../../core/settings";

export default defineSettingsPolicy({
    id: "kendra-index-kms-cmk",
    cloud: "aws",
    resourceTypes: ["aws:kendra/index:Index"],
    area: "model-storage",
    layer: "paas",
    severity: "medium",
    enforcementLevel: "advisory",
    description: "Kendra indexes encrypt indexed documents with a customer managed KMS key.",
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
    peers: [{ tool: "checkov", id: "CKV_AWS_262" }],
    remediation: [
        "Set serverSideEncryptionConfiguration.kmsKeyId to the ARN of a customer managed aws.kms.Key (with rotation on).",
    ],
    notes: [
        "The key is usually key.arn of a key in the same stack, unknown during preview; the check tests presence, so it decides during preview.",
        "Without a key, Kendra encrypts the index with an AWS owned key. Kendra indexes often serve as retrieval sources for RAG. Advisory, because Kendra is optional scope for the pack.",
    ],
    settings: [
        {
            path: "serverSideEncryptionConfiguration.kmsKeyId",
            expect: { kind: "present" },
            missing: { verdict: "violation", providerDefault: "an AWS owned key" },
            examples: {
                violating: "",
                compliant: "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
            },
        },
    ],
    compliantExample: {
        name: "docs",
        roleArn: "arn:aws:iam::123456789012:role/kendra",
        edition: "ENTERPRISE_EDITION",
        serverSideEncryptionConfiguration: {
            kmsKeyId: "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
        },
    },
});
