import { cite } from "../../../core/citations";
import { defineResourcePolicy } from "../../../core/definition";
import { arrayOf, describe, equalsIgnoreCase, field } from "../../../core/values";

const base = "sensitiveInformationPolicyConfig";
const lists = ["piiEntitiesConfigs", "regexesConfigs"] as const;

/** An entry blocks or masks on at least one side and is not switched off on every side. */
function protects(entry: unknown): boolean | "unknown" {
    const action = field(entry, "action");
    if (action.state === "unknown") {
        return "unknown";
    }
    if (!(equalsIgnoreCase(action, "BLOCK") || equalsIgnoreCase(action, "ANONYMIZE"))) {
        return false;
    }
    const input = field(entry, "inputEnabled");
    const output = field(entry, "outputEnabled");
    if (input.state === "unknown" || output.state === "unknown") {
        return "unknown";
    }
    const off = (v: typeof input) => v.state === "known" && v.value === false;
    return !(off(input) && off(output));
}

export default defineResourcePolicy({
    id: "bedrock-guardrail-sensitive-info",
    cloud: "aws",
    resourceTypes: ["aws:bedrock/guardrail:Guardrail"],
    area: "fm-safety",
    layer: "fm-api",
    severity: "high",
    enforcementLevel: "advisory",
    description:
        "Bedrock guardrails filter sensitive information with at least one PII entity or regex filter whose action is BLOCK or ANONYMIZE.",
    controls: cite({
        "nist-800-53": {
            supports: ["SI-15", "SI-10"],
            why: "PII or regex filters that block or anonymize apply to prompts and responses, filtering sensitive data on output.",
        },
        "mitre-atlas": {
            supports: ["AML.M0020"],
            mitigates: ["AML.T0057"],
            why: "Sensitive-information filters stop the model from returning personal data it was given or trained on.",
        },
        "nist-ai-rmf": {
            supports: ["MEASURE 2.10"],
            why: "A PII filter on model responses addresses a privacy risk of the AI system.",
        },
        "nist-ai-600-1": {
            supports: ["MP-4.1-009"],
            mitigates: ["data-privacy"],
            why: "The filter detects PII in generated output, as the action describes.",
        },
        "iso-27001": {
            supports: ["A.8.11"],
            why: "Data masking: PII in prompts and responses is blocked or anonymized.",
        },
        "owasp-llm": {
            mitigates: ["LLM02"],
            why: "Filtering PII in responses is a direct control against sensitive information disclosure.",
        },
    }),
    peers: [{ tool: "prowler", id: "bedrock_guardrail_sensitive_information_filter_enabled" }],
    remediation: [
        'Add sensitiveInformationPolicyConfig.piiEntitiesConfigs entries for the PII types your application handles (for example EMAIL, PHONE, US_SOCIAL_SECURITY_NUMBER, CREDIT_DEBIT_CARD_NUMBER) with action "BLOCK" or "ANONYMIZE".',
        'Add regexesConfigs with action "BLOCK" or "ANONYMIZE" for internal identifiers such as account or employee numbers.',
    ],
    notes: [
        'Entries with action "NONE" only detect, and entries with inputEnabled and outputEnabled both false do nothing; neither counts.',
        "Which PII types are needed depends on the application, so the check requires at least one protecting entry and does not prescribe types. Advisory because a guardrail dedicated to other filters may leave PII to a second guardrail.",
        "Lists or actions unknown during preview leave the verdict to pulumi up when no entry is known to protect.",
    ],
    validate(guardrail, check) {
        const config = guardrail.get(base);
        if (config.state === "unknown") {
            check.undecided(config.path);
            return;
        }
        let unknownPath: string | undefined;
        let entries = 0;
        for (const name of lists) {
            const path = `${base}.${name}`;
            const list = guardrail.get(path);
            if (list.state === "unknown") {
                unknownPath ??= list.path;
                continue;
            }
            const items = arrayOf(list) ?? [];
            entries += items.length;
            for (let i = 0; i < items.length; i++) {
                const verdict = protects(items[i]);
                if (verdict === true) {
                    return;
                }
                if (verdict === "unknown") {
                    unknownPath ??= `${path}.${i}`;
                }
            }
        }
        if (unknownPath) {
            check.undecided(unknownPath);
            return;
        }
        check.fail({
            setting: base,
            found:
                config.state === "missing"
                    ? "not set (no sensitive information filters)"
                    : entries === 0
                      ? config.state === "known" && typeof config.value === "object" && !Array.isArray(config.value)
                          ? "without PII entity or regex filters"
                          : describe(config)
                      : `${entries === 1 ? "1 filter" : `${entries} filters`}, none blocking or anonymizing`,
            expected: 'a piiEntitiesConfigs or regexesConfigs entry with action "BLOCK" or "ANONYMIZE"',
        });
    },
});
