import { cite } from "../../../core/citations";
import { defineResourcePolicy, type Finding } from "../../../core/definition";
import { arrayOf, describe, equalsIgnoreCase, field } from "../../../core/values";

const base = "contextualGroundingPolicyConfig.filtersConfigs";
const types = ["GROUNDING", "RELEVANCE"];

interface Config {
    minimumThreshold?: number;
}

export default defineResourcePolicy<Config>({
    id: "bedrock-guardrail-contextual-grounding",
    cloud: "aws",
    resourceTypes: ["aws:bedrock/guardrail:Guardrail"],
    area: "fm-safety",
    layer: "fm-api",
    severity: "medium",
    enforcementLevel: "advisory",
    description:
        "Bedrock guardrails check contextual grounding with GROUNDING and RELEVANCE filters whose thresholds are above zero and at least the configured minimum.",
    controls: cite({
        "nist-800-53": {
            supports: ["SI-15"],
            why: "Responses are checked for grounding in the source and relevance to the query before they are returned.",
        },
        "mitre-atlas": {
            supports: ["AML.M0020"],
            why: "Grounding checks are a guardrail on model output.",
        },
        "nist-ai-rmf": {
            supports: ["MEASURE 2.5"],
            why: "Grounding and relevance thresholds are a runtime check on the validity of responses.",
        },
        "nist-ai-600-1": {
            mitigates: ["confabulation"],
            why: "Ungrounded responses are blocked before they reach the user.",
        },
        "owasp-llm": {
            mitigates: ["LLM09"],
            why: "Contextual grounding is a control against misinformation from hallucinated answers.",
        },
    }),
    peers: [{ tool: "prowler", id: "bedrock_guardrail_contextual_grounding_filter_enabled" }],
    remediation: [
        'Add contextualGroundingPolicyConfig.filtersConfigs with { type: "GROUNDING", threshold: 0.7 } and { type: "RELEVANCE", threshold: 0.7 } (tune the thresholds to the application).',
        "Pass the grounding source and the user query to ApplyGuardrail or Converse so the filters can run.",
    ],
    notes: [
        "Contextual grounding applies to retrieval-augmented (RAG) and summarization applications; advisory because other applications have no grounding source.",
        "The minimum threshold is the policy config property minimumThreshold (default 0, so any threshold above zero passes).",
        "Prowler bedrock_guardrail_contextual_grounding_filter_enabled also requires the action BLOCK; version 7.48 of the AWS provider exposes only type and threshold, so the action is not checked.",
        "Filter lists, types or thresholds unknown during preview leave the verdict to pulumi up when nothing is known to fail.",
    ],
    configSchema: {
        properties: {
            minimumThreshold: {
                type: "number",
                minimum: 0,
                maximum: 0.99,
                default: 0,
                description:
                    "Smallest threshold of a GROUNDING or RELEVANCE filter that passes (it must also be above 0).",
            },
        },
    },
    validate(guardrail, check) {
        const configured = check.config.minimumThreshold;
        const min = typeof configured === "number" && Number.isFinite(configured) ? configured : 0;
        const filters = guardrail.get(base);
        if (filters.state === "unknown") {
            check.undecided(filters.path);
            return;
        }
        const list = arrayOf(filters) ?? [];
        const expectedThreshold = min > 0 ? `at least ${min}` : "above 0";
        if (list.length === 0) {
            check.fail({
                setting: base,
                found: filters.state === "missing" ? "not set (no contextual grounding check)" : describe(filters),
                expected: `GROUNDING and RELEVANCE filters with threshold ${expectedThreshold}`,
            });
            return;
        }
        const unknownType = list.findIndex((f) => field(f, "type").state === "unknown");
        const findings: Finding[] = [];
        let unknownPath: string | undefined;
        for (const t of types) {
            const index = list.findIndex((f) => equalsIgnoreCase(field(f, "type"), t));
            if (index < 0) {
                if (unknownType >= 0) {
                    unknownPath ??= `${base}.${unknownType}.type`;
                } else {
                    findings.push({
                        setting: base,
                        found: `without a ${t} filter`,
                        expected: `a ${t} filter with threshold ${expectedThreshold}`,
                    });
                }
                continue;
            }
            const threshold = field(list[index], "threshold");
            if (threshold.state === "unknown") {
                unknownPath ??= `${base}.${index}.threshold`;
            } else if (
                !(
                    threshold.state === "known" &&
                    typeof threshold.value === "number" &&
                    threshold.value > 0 &&
                    threshold.value >= min
                )
            ) {
                findings.push({
                    setting: `${base}[${index}].threshold`,
                    found: threshold.state === "missing" ? "not set" : describe(threshold),
                    expected: expectedThreshold,
                });
            }
        }
        for (const f of findings) {
            check.fail(f);
        }
        if (findings.length === 0 && unknownPath) {
            check.undecided(unknownPath);
        }
    },
});
