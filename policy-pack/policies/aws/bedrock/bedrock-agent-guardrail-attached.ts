import { cite } from "../../../core/citations";
import { defineResourcePolicy } from "../../../core/definition";
import { arrayOf, describe, equalsIgnoreCase, field } from "../../../core/values";

const base = "guardrailConfigurations";

export default defineResourcePolicy({
    id: "bedrock-agent-guardrail-attached",
    cloud: "aws",
    resourceTypes: ["aws:bedrock/agentAgent:AgentAgent"],
    area: "fm-safety",
    layer: "fm-api",
    severity: "high",
    enforcementLevel: "mandatory",
    description: "Bedrock agents have a guardrail attached with a pinned guardrail version rather than DRAFT.",
    controls: cite({
        "nist-800-53": {
            supports: ["SI-10", "CM-3"],
            why: "The agent runs with a guardrail, pinned to a released version so its filtering cannot change unreviewed.",
        },
        "mitre-atlas": {
            supports: ["AML.M0020"],
            mitigates: ["AML.T0051", "AML.T0054"],
            why: "A guardrail on the agent screens prompts and responses; which filters it applies is checked by the guardrail policies.",
        },
        "nist-ai-rmf": {
            supports: ["MANAGE 1.3"],
            why: "Attaching a guardrail is a documented response to prompt and content risks of the agent.",
        },
        "nist-ai-600-1": {
            supports: ["MG-3.2-005"],
            mitigates: ["information-security"],
            why: "A pinned guardrail on the agent is where its content filters are applied.",
        },
        "owasp-llm": {
            mitigates: ["LLM01"],
            why: "The agent's inputs pass a guardrail before reaching the model.",
        },
    }),
    peers: [
        { tool: "checkov", id: "CKV_AWS_383" },
        { tool: "prowler", id: "bedrock_agent_guardrail_enabled" },
    ],
    remediation: [
        "Create an aws.bedrock.Guardrail and an aws.bedrock.GuardrailVersion of it.",
        "Set guardrailConfigurations to [{ guardrailIdentifier: guardrail.guardrailId, guardrailVersion: guardrailVersion.version }].",
    ],
    notes: [
        "guardrailIdentifier is usually guardrail.guardrailId, unknown during preview; it counts as set, as does a guardrailConfigurations list that is unknown as a whole.",
        'A guardrailVersion unknown during preview comes from an aws.bedrock.GuardrailVersion and counts as pinned, because "DRAFT" is always written as a literal. So the check decides during preview.',
        'The DRAFT version changes whenever the guardrail is edited, so an agent on "DRAFT" runs untested guardrail changes. Checkov CKV_AWS_383 and Prowler bedrock_agent_guardrail_enabled accept DRAFT; this check does not.',
    ],
    validate(agent, check) {
        const configs = agent.get(base);
        if (configs.state === "unknown") {
            // Counts as attached, like any presence check: the list is computed from guardrail outputs.
            return;
        }
        const list = arrayOf(configs);
        if (!list || list.length === 0) {
            check.fail({
                setting: base,
                found: configs.state === "missing" ? "not set (no guardrail)" : describe(configs),
                expected: "a guardrail with guardrailIdentifier and a pinned guardrailVersion",
            });
            return;
        }
        list.forEach((config, i) => {
            const at = `${base}[${i}]`;
            const identifier = field(config, "guardrailIdentifier");
            if (
                identifier.state !== "unknown" &&
                !(
                    identifier.state === "known" &&
                    typeof identifier.value === "string" &&
                    identifier.value.trim() !== ""
                )
            ) {
                check.fail({
                    setting: `${at}.guardrailIdentifier`,
                    found: identifier.state === "missing" ? "not set" : describe(identifier),
                    expected: "the id or ARN of a guardrail",
                });
            }
            const version = field(config, "guardrailVersion");
            if (version.state === "unknown") {
                return;
            }
            const pinned =
                version.state === "known" &&
                typeof version.value === "string" &&
                version.value.trim() !== "" &&
                !equalsIgnoreCase(version, "DRAFT");
            if (!pinned) {
                check.fail({
                    setting: `${at}.guardrailVersion`,
                    found: version.state === "missing" ? "not set" : describe(version),
                    expected: 'a published version number (not "DRAFT")',
                });
            }
        });
    },
});
