import { cite } from "../../../core/citations";
import { defineResourcePolicy, type Finding } from "../../../core/definition";
import { arrayOf, describe, equalsIgnoreCase, field, type Value } from "../../../core/values";

const base = "contentPolicyConfig.filtersConfigs";
const strengths = ["NONE", "LOW", "MEDIUM", "HIGH"] as const;
const defaultCategories = ["HATE", "INSULTS", "SEXUAL", "VIOLENCE", "MISCONDUCT"];

interface Config {
    minimumStrength?: string;
    categories?: string[];
}

type Verdict = { readonly kind: "ok" } | { readonly kind: "unknown"; readonly path: string } | Finding[];

function rank(v: unknown): number {
    return typeof v === "string" ? (strengths as readonly string[]).indexOf(v.toUpperCase()) : -1;
}

/**
 * Judges one filter on both sides: strength at or above the minimum, filtering enabled and blocking.
 * `at` is the displayed path (`a[0]`), `raw` the dotted path the engine resolves (`a.0`).
 */
function judgeFilter(filter: unknown, at: string, raw: string, min: number): Verdict {
    const findings: Finding[] = [];
    let unknownPath: string | undefined;
    const minimum = strengths[min] as string;
    for (const side of ["input", "output"] as const) {
        const strength: Value = field(filter, `${side}Strength`);
        if (strength.state === "unknown") {
            unknownPath ??= `${raw}.${side}Strength`;
        } else if (!(strength.state === "known" && rank(strength.value) >= min)) {
            findings.push({
                setting: `${at}.${side}Strength`,
                found: describe(strength),
                expected: `"${minimum}" or stronger`,
            });
        }
        const enabled = field(filter, `${side}Enabled`);
        if (enabled.state === "unknown") {
            unknownPath ??= `${raw}.${side}Enabled`;
        } else if (enabled.state === "known" && enabled.value !== true) {
            findings.push({ setting: `${at}.${side}Enabled`, found: describe(enabled), expected: "true or not set" });
        }
        const action = field(filter, `${side}Action`);
        if (action.state === "unknown") {
            unknownPath ??= `${raw}.${side}Action`;
        } else if (action.state === "known" && !equalsIgnoreCase(action, "BLOCK")) {
            findings.push({
                setting: `${at}.${side}Action`,
                found: describe(action),
                expected: '"BLOCK" or not set',
            });
        }
    }
    if (findings.length > 0) {
        return findings;
    }
    return unknownPath ? { kind: "unknown", path: unknownPath } : { kind: "ok" };
}

export default defineResourcePolicy<Config>({
    id: "bedrock-guardrail-content-filters",
    cloud: "aws",
    resourceTypes: ["aws:bedrock/guardrail:Guardrail"],
    area: "fm-safety",
    layer: "fm-api",
    severity: "high",
    enforcementLevel: "mandatory",
    description:
        "Bedrock guardrails block hate, insults, sexual, violence and misconduct content in prompts and responses at the configured strength or stronger (MEDIUM by default).",
    controls: cite({
        "nist-800-53": {
            implements: ["SI-15"],
            supports: ["SI-10"],
            why: "Harmful-content filters apply to model responses as well as prompts, at the configured strength.",
        },
        "mitre-atlas": {
            implements: ["AML.M0020"],
            mitigates: ["AML.T0048", "AML.T0054"],
            why: "Content filters on prompts and responses block harmful output, including output obtained by jailbreaks.",
        },
        "nist-ai-rmf": {
            supports: ["MEASURE 2.6"],
            why: "Blocking hate, violence, sexual and misconduct content in responses is a safety control the check evaluates.",
        },
        "nist-ai-600-1": {
            implements: ["MG-3.2-005"],
            mitigates: ["dangerous-violent-hateful-content", "obscene-degrading-abusive-content"],
            why: "The check verifies content filters are configured on input and output, which is the action itself.",
        },
        "iso-42001": {
            supports: ["A.9.2"],
            why: "Processes for responsible use: filters enforce the organization's content rules on model use.",
        },
    }),
    peers: [],
    remediation: [
        'In contentPolicyConfig.filtersConfigs, add one filter per category HATE, INSULTS, SEXUAL, VIOLENCE and MISCONDUCT with inputStrength and outputStrength "MEDIUM" or "HIGH".',
        'Leave inputEnabled/outputEnabled unset or true and inputAction/outputAction unset or "BLOCK".',
        "Pass the guardrail on every InvokeModel/Converse call or attach it to the agent.",
    ],
    notes: [
        'The minimum strength is the policy config property minimumStrength ("LOW", "MEDIUM" or "HIGH"; default "MEDIUM"); the required categories are the property categories.',
        'A filter with an Enabled flag false or an Action "NONE" only detects and fails, as a missing filter does.',
        "Filter lists, types or strengths unknown during preview leave the verdict to pulumi up when nothing is known to fail.",
        "No peer tool checks content filter strengths; Prowler bedrock_guardrails_configured only checks that a guardrail exists.",
    ],
    configSchema: {
        properties: {
            minimumStrength: {
                type: "string",
                enum: ["LOW", "MEDIUM", "HIGH"],
                default: "MEDIUM",
                description: "Weakest inputStrength/outputStrength that passes.",
            },
            categories: {
                type: "array",
                items: { type: "string" },
                default: defaultCategories,
                description: "Content filter types that must be present and blocking.",
            },
        },
    },
    validate(guardrail, check) {
        const configured = rank(check.config.minimumStrength);
        const min = configured >= 1 ? configured : rank("MEDIUM");
        const categories =
            Array.isArray(check.config.categories) && check.config.categories.every((c) => typeof c === "string")
                ? check.config.categories
                : defaultCategories;

        const filters = guardrail.get(base);
        if (filters.state === "unknown") {
            check.undecided(filters.path);
            return;
        }
        const list = arrayOf(filters) ?? [];
        const minimum = strengths[min] as string;
        if (list.length === 0) {
            check.fail({
                setting: base,
                found: filters.state === "missing" ? "not set (no content filters)" : describe(filters),
                expected: `filters for ${categories.join(", ")} with inputStrength and outputStrength "${minimum}" or stronger`,
            });
            return;
        }
        const findings: Finding[] = [];
        let unknownPath: string | undefined;
        const unknownType = list.findIndex((f) => field(f, "type").state === "unknown");

        for (const category of categories) {
            let verdict: Verdict | undefined;
            for (let i = 0; i < list.length; i++) {
                if (!equalsIgnoreCase(field(list[i], "type"), category)) {
                    continue;
                }
                const v = judgeFilter(list[i], `${base}[${i}]`, `${base}.${i}`, min);
                if (!Array.isArray(v) && v.kind === "ok") {
                    verdict = v;
                    break;
                }
                if (verdict === undefined || (!Array.isArray(verdict) && Array.isArray(v))) {
                    verdict = v;
                }
            }
            if (verdict === undefined) {
                if (unknownType >= 0) {
                    unknownPath ??= `${base}.${unknownType}.type`;
                    continue;
                }
                findings.push({
                    setting: base,
                    found: `without a ${category} filter`,
                    expected: `a ${category} filter with inputStrength and outputStrength "${minimum}" or stronger`,
                });
            } else if (Array.isArray(verdict)) {
                findings.push(...verdict);
            } else if (verdict.kind === "unknown") {
                unknownPath ??= verdict.path;
            }
        }
        if (findings.length === 1) {
            check.fail(findings[0] as Finding);
            return;
        }
        if (findings.length > 1) {
            // One finding per guardrail: a weak guardrail is one thing to fix, not ten.
            check.fail({
                setting: base,
                found: `not strict enough (${findings
                    .map((f) =>
                        f.setting === base
                            ? f.found.replace(/^without a /, "no ")
                            : `${f.setting.slice(base.length)} ${f.found}`,
                    )
                    .join(", ")})`,
                expected: `filters for ${categories.join(", ")} with inputStrength and outputStrength "${minimum}" or stronger`,
            });
            return;
        }
        if (unknownPath) {
            check.undecided(unknownPath);
        }
    },
});
