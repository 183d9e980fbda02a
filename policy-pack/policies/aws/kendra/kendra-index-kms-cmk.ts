import { cite } from "../../../core/citations";
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
    controls: cite({
        "nist-800-53": {
            implements: ["SC-28(1)"],
            supports: ["SC-12"],
            why: "Encrypted at rest under a customer managed key, whose use the customer controls and can revoke: the documents in the Kendra index.",
        },
        "mitre-atlas": {
            implements: ["AML.M0012"],
            mitigates: ["AML.T0085.000"],
            why: "Encryption under a customer key (AML.M0012) leaves a stolen copy of the documents in the Kendra index unreadable without use of the key.",
        },
        "iso-27001": {
            implements: ["A.8.24"],
            why: "Use of cryptography: the check requires encryption at rest with a customer managed key.",
        },
        "owasp-llm": {
            mitigates: ["LLM08"],
            why: "The index is a retrieval store for LLM applications; a stolen copy is unreadable without the key.",
        },
    }),
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
