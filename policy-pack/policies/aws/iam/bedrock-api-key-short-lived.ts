import { cite } from "../../../core/citations";
import { defineResourcePolicy } from "../../../core/definition";
import { describe } from "../../../core/values";

interface Config {
    readonly maxCredentialAgeDays?: number;
    readonly forbidBedrockApiKeys?: boolean;
}

const defaultMax = 90;

export default defineResourcePolicy<Config>({
    id: "bedrock-api-key-short-lived",
    cloud: "aws",
    resourceTypes: ["aws:iam/serviceSpecificCredential:ServiceSpecificCredential"],
    area: "identity",
    layer: "fm-api",
    severity: "high",
    enforcementLevel: "mandatory",
    description:
        "Every Bedrock API key (a service-specific credential for bedrock.amazonaws.com) expires within the configured number of days.",
    controls: cite({
        "nist-800-53": {
            implements: ["IA-5(1)"],
            supports: ["IA-5"],
            why: "Bedrock API keys expire within the configured number of days.",
        },
        "mitre-atlas": {
            mitigates: ["AML.T0055"],
            why: "A leaked Bedrock API key stops working after a short time.",
        },
        "iso-27001": {
            implements: ["A.5.17"],
            why: "Authentication information: API keys have a bounded lifetime.",
        },
        "owasp-llm": {
            mitigates: ["LLM10"],
            why: "A short-lived key limits how long a leaked key can be used to run up model usage.",
        },
    }),
    peers: [{ tool: "prowler", id: "bedrock_api_key_no_long_term_credentials" }],
    remediation: [
        "Set credentialAgeDays on the ServiceSpecificCredential to at most the configured maximum, or better, let workloads call Bedrock with IAM role credentials instead of API keys.",
    ],
    notes: [
        "Only credentials whose serviceName is bedrock.amazonaws.com are checked. Without credentialAgeDays the key never expires, which fails.",
        "The maximum age is the policy config property maxCredentialAgeDays (default 90). With forbidBedrockApiKeys set to true every Bedrock API key fails, whatever its age.",
        "A serviceName or credentialAgeDays unknown during preview leaves the verdict to pulumi up.",
    ],
    configSchema: {
        properties: {
            maxCredentialAgeDays: {
                type: "integer",
                minimum: 1,
                default: defaultMax,
                description: "Longest allowed lifetime of a Bedrock API key, in days.",
            },
            forbidBedrockApiKeys: {
                type: "boolean",
                default: false,
                description: "Fail every Bedrock API key, so workloads use IAM role credentials.",
            },
        },
    },
    validate(cred, check) {
        const service = cred.get("serviceName");
        if (service.state === "unknown") {
            check.undecided("serviceName");
            return;
        }
        if (
            !(
                service.state === "known" &&
                typeof service.value === "string" &&
                service.value.trim().toLowerCase() === "bedrock.amazonaws.com"
            )
        ) {
            return;
        }
        if (check.config.forbidBedrockApiKeys === true) {
            check.fail({
                setting: "serviceName",
                found: '"bedrock.amazonaws.com" (Bedrock API keys are forbidden by the policy config)',
                expected: "no Bedrock API key; IAM role credentials instead",
            });
            return;
        }
        const max =
            typeof check.config.maxCredentialAgeDays === "number" ? check.config.maxCredentialAgeDays : defaultMax;
        const age = cred.get("credentialAgeDays");
        if (age.state === "unknown") {
            check.undecided("credentialAgeDays");
            return;
        }
        if (age.state === "known" && typeof age.value === "number" && age.value > 0 && age.value <= max) {
            return;
        }
        check.fail({
            setting: "credentialAgeDays",
            found: age.state === "missing" ? "not set (the key never expires)" : describe(age),
            expected: `at most ${max}`,
        });
    },
});
