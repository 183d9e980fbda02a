import { cite } from "../../../core/citations";
import { defineStackPolicy, type StackResource } from "../../../core/definition";
import { arrayOf, field } from "../../../core/values";

const trailType = "aws:cloudtrail/trail:Trail";
/** Bedrock resources whose invocations CloudTrail records only as data events. */
const consumerTypes: readonly string[] = [
    "aws:bedrock/agentAgent:AgentAgent",
    "aws:bedrock/agentAgentAlias:AgentAgentAlias",
    "aws:bedrock/agentKnowledgeBase:AgentKnowledgeBase",
    "aws:bedrock/agentFlow:AgentFlow",
    "aws:bedrock/agentcoreAgentRuntime:AgentcoreAgentRuntime",
    "aws:bedrock/agentcoreGateway:AgentcoreGateway",
];

interface Config {
    readonly managedElsewhere?: boolean;
}

type Tri = true | false | "unknown";

function isBedrockType(v: unknown): boolean {
    return typeof v === "string" && v.trim().toLowerCase().startsWith("aws::bedrock");
}

/** A selector prefix that admits AWS::Bedrock... types: "AWS::Bedrock", "AWS::", "AWS::B". */
function prefixAdmitsBedrock(v: unknown): boolean {
    return typeof v === "string" && v.trim() !== "" && "aws::bedrockagentcore::".startsWith(v.trim().toLowerCase());
}

/** Whether the trail's advanced selectors record data events of Bedrock resource types. */
function logsBedrock(trail: StackResource): { verdict: Tri; path?: string } {
    const selectors = trail.get("advancedEventSelectors");
    if (selectors.state === "unknown") {
        return { verdict: "unknown", path: "advancedEventSelectors" };
    }
    let pending: string | undefined;
    for (const [i, sel] of (arrayOf(selectors) ?? []).entries()) {
        const fields = field(sel, "fieldSelectors");
        if (fields.state === "unknown") {
            pending ??= `advancedEventSelectors[${i}].fieldSelectors`;
            continue;
        }
        for (const [j, fs] of (arrayOf(fields) ?? []).entries()) {
            const name = field(fs, "field");
            if (name.state === "unknown") {
                pending ??= `advancedEventSelectors[${i}].fieldSelectors[${j}].field`;
                continue;
            }
            if (!(name.state === "known" && name.value === "resources.type")) {
                continue;
            }
            const equals = field(fs, "equals");
            const starts = field(fs, "startsWiths");
            if ((arrayOf(equals) ?? []).some(isBedrockType) || (arrayOf(starts) ?? []).some(prefixAdmitsBedrock)) {
                return { verdict: true };
            }
            if (equals.state === "unknown" || starts.state === "unknown") {
                pending ??= `advancedEventSelectors[${i}].fieldSelectors[${j}]`;
            }
        }
    }
    return pending ? { verdict: "unknown", path: pending } : { verdict: false };
}

export default defineStackPolicy<Config>({
    id: "cloudtrail-bedrock-events",
    cloud: "aws",
    resourceTypes: [trailType, ...consumerTypes],
    area: "io-logging",
    layer: "fm-api",
    severity: "medium",
    enforcementLevel: "advisory",
    description:
        "A stack with Bedrock agents, knowledge bases, flows or AgentCore resources has a CloudTrail trail whose advanced event selectors record data events of AWS::Bedrock resource types.",
    controls: cite({
        "nist-800-53": {
            implements: ["AU-2"],
            supports: ["AU-12"],
            why: "The trail's event selectors record data events of Bedrock agents, knowledge bases, flows and AgentCore.",
        },
        "mitre-atlas": {
            implements: ["AML.M0024"],
            mitigates: ["AML.T0053"],
            why: "Data events record agent and tool invocations, so agent misuse leaves an audit trail.",
        },
        "nist-ai-rmf": {
            supports: ["MEASURE 2.8"],
            why: "Recording who invoked which agent resource supports accountability for the AI system's use.",
        },
        "iso-27001": {
            supports: ["A.8.15"],
            why: "Logging: data-plane API events of Bedrock resources are recorded.",
        },
        "iso-42001": {
            supports: ["A.6.2.8"],
            why: "AI system recording of event logs: agent invocations are logged.",
        },
    }),
    peers: [{ tool: "prowler", id: "cloudtrail_bedrock_logging_enabled" }],
    remediation: [
        'Add an advanced event selector to a trail with fieldSelectors { field: "eventCategory", equals: ["Data"] } and { field: "resources.type", equals: [the AWS::Bedrock resource types you use, e.g. "AWS::Bedrock::AgentAlias", "AWS::Bedrock::KnowledgeBase", "AWS::Bedrock::FlowAlias"] }.',
        "If an organization trail owned by another stack records these events, set managedElsewhere to true in this policy's config.",
    ],
    notes: [
        "InvokeModel and Converse calls reach CloudTrail as management events, but agent, knowledge-base, flow and AgentCore invocations are data events that need explicit selectors.",
        'A selector counts when one of its field selectors has field "resources.type" with an equals value starting with AWS::Bedrock (including AWS::BedrockAgentCore) or a startsWiths prefix of it. The exact resource types are not checked against the Bedrock resources of the stack.',
        "A missing trail is reported on the first Bedrock resource; a stack with trails but no Bedrock selector is reported on its first trail. Selectors unknown during preview leave the verdict to pulumi up. Set managedElsewhere when an organization trail in another stack covers the account.",
    ],
    configSchema: {
        properties: {
            managedElsewhere: {
                type: "boolean",
                default: false,
                description:
                    "A trail in another stack (for example an organization trail) records Bedrock data events.",
            },
        },
    },
    validate(check) {
        const consumers = check.resources.filter((r) => consumerTypes.includes(r.type));
        const first = consumers[0];
        if (!first || check.config.managedElsewhere === true) {
            return;
        }
        const trails = check.resources.filter((r) => r.type === trailType);
        const verdicts = trails.map((t) => ({ t, ...logsBedrock(t) }));
        if (verdicts.some((v) => v.verdict === true)) {
            return;
        }
        const pending = verdicts.find((v) => v.verdict === "unknown");
        if (pending?.path) {
            check.undecided(pending.t, pending.path);
            return;
        }
        const trail = trails[0];
        if (trail) {
            check.fail(trail, {
                setting: "advancedEventSelectors",
                found: `without a data-event selector for AWS::Bedrock resource types (the stack declares ${consumers.length} Bedrock agent, knowledge base, flow or AgentCore ${consumers.length === 1 ? "resource" : "resources"})`,
                expected: 'a field selector on "resources.type" that includes AWS::Bedrock types',
            });
            return;
        }
        check.fail(first, {
            setting: "CloudTrail data events",
            found: "missing: the stack declares Bedrock agents, knowledge bases, flows or AgentCore resources but no trail records their invocations",
            expected: "a trail with an advanced event selector for AWS::Bedrock resource types",
        });
    },
});
