import { cite } from "../../../core/citations";
import { defineResourcePolicy, type Finding } from "../../../core/definition";
import { arrayOf, describe, equalsIgnoreCase, field } from "../../../core/values";

const base = "contentPolicyConfig.filtersConfigs";

type Verdict = { readonly kind: "ok" } | { readonly kind: "unknown"; readonly path: string } | Finding[];

/**
 * Judges one PROMPT_ATTACK filter: input strength HIGH, input filtering enabled and blocking.
 * `at` is the displayed path (`a[0]`), `raw` the dotted path the engine resolves (`a.0`).
 */
function judgeFilter(filter: unknown, at: string, raw: string): Verdict {
    const findings: Finding[] = [];
    let unknownPath: string | undefined;

    const strength = field(filter, "inputStrength");
    if (strength.state === "unknown") {
        unknownPath ??= `${raw}.inputStrength`;
    } else if (!equalsIgnoreCase(strength, "HIGH")) {
        findings.push({ setting: `${at}.inputStrength`, found: describe(strength), expected: '"HIGH"' });
    }

    const enabled = field(filter, "inputEnabled");
    if (enabled.state === "unknown") {
        unknownPath ??= `${raw}.inputEnabled`;
    } else if (enabled.state === "known" && enabled.value !== true) {
        findings.push({ setting: `${at}.inputEnabled`, found: describe(enabled), expected: "true or not set" });
    }

    const action = field(filter, "inputAction");
    if (action.state === "unknown") {
        unknownPath ??= `${raw}.inputAction`;
    } else if (action.state === "known" && !equalsIgnoreCase(action, "BLOCK")) {
        findings.push({
            setting: `${at}.inputAction`,
            found: describe(action),
            expected: '"BLOCK" or not set',
        });
    }

    if (findings.length > 0) {
        return findings;
    }
    return unknownPath ? { kind: "unknown", path: unknownPath } : { kind: "ok" };
}

export default defineResourcePolicy({
    id: "bedrock-guardrail-prompt-attack-high",
    cloud: "aws",
    resourceTypes: ["aws:bedrock/guardrail:Guardrail"],
    area: "fm-safety",
    layer: "fm-api",
    severity: "high",
    enforcementLevel: "mandatory",
    description:
        "Bedrock guardrails block prompt attacks (jailbreaks and prompt injection) on input with a PROMPT_ATTACK filter at HIGH strength.",
    controls: cite({
        "nist-800-53": {
            implements: ["SI-10"],
            why: "The guardrail validates prompts with a PROMPT_ATTACK input filter at HIGH strength.",
        },
        "mitre-atlas": {
            implements: ["AML.M0015"],
            supports: ["AML.M0020"],
            mitigates: ["AML.T0051.000", "AML.T0054"],
            why: "The filter detects adversarial prompts on input (AML.M0015) and blocks direct injection and jailbreak attempts.",
        },
        "nist-ai-rmf": {
            supports: ["MEASURE 2.7"],
            why: "Resistance to prompt attacks is a security property of the deployed model the check evaluates.",
        },
        "nist-ai-600-1": {
            supports: ["MG-3.1-001"],
            mitigates: ["information-security"],
            why: "Input filtering of a third-party model's prompts is one of the controls the action names.",
        },
        "iso-27001": {
            supports: ["A.8.26"],
            why: "Application security requirements: untrusted input to the model is screened.",
        },
        "owasp-llm": {
            mitigates: ["LLM01"],
            why: "The prompt-attack filter is a direct control against prompt injection and jailbreaks.",
        },
    }),
    peers: [{ tool: "prowler", id: "bedrock_guardrail_prompt_attack_filter_enabled" }],
    remediation: [
        'Add to contentPolicyConfig.filtersConfigs a filter { type: "PROMPT_ATTACK", inputStrength: "HIGH", outputStrength: "NONE" }.',
        'Leave inputEnabled unset or true and inputAction unset or "BLOCK".',
        "Pass the guardrail on every InvokeModel/Converse call or attach it to the agent.",
    ],
    notes: [
        'Prompt attack filters apply to input only, so outputStrength must be "NONE" for this type and is not checked.',
        'A filter with inputEnabled false or inputAction "NONE" only detects and fails, as a filter below HIGH does.',
        "Filter lists, types or strengths unknown during preview leave the verdict to pulumi up when no filter passes and none is known to fail.",
        "Prowler bedrock_guardrail_prompt_attack_filter_enabled also requires HIGH strength; it reads the deployed guardrail rather than the program.",
    ],
    validate(guardrail, check) {
        const filters = guardrail.get(base);
        if (filters.state === "unknown") {
            check.undecided(filters.path);
            return;
        }
        const list = arrayOf(filters) ?? [];
        const failures: Finding[] = [];
        let unknownPath: string | undefined;
        for (let i = 0; i < list.length; i++) {
            const at = `${base}[${i}]`;
            const type = field(list[i], "type");
            if (type.state === "unknown") {
                unknownPath ??= `${base}.${i}.type`;
                continue;
            }
            if (!equalsIgnoreCase(type, "PROMPT_ATTACK")) {
                continue;
            }
            const v = judgeFilter(list[i], at, `${base}.${i}`);
            if (Array.isArray(v)) {
                failures.push(...v);
            } else if (v.kind === "ok") {
                return;
            } else {
                unknownPath ??= v.path;
            }
        }
        if (failures.length > 0) {
            for (const f of failures) {
                check.fail(f);
            }
            return;
        }
        if (unknownPath) {
            check.undecided(unknownPath);
            return;
        }
        check.fail({
            setting: base,
            found:
                filters.state === "missing"
                    ? "not set (no content filters)"
                    : list.length === 0
                      ? describe(filters)
                      : "without a PROMPT_ATTACK filter",
            expected: 'a filter with type "PROMPT_ATTACK" and inputStrength "HIGH"',
        });
    },
});
