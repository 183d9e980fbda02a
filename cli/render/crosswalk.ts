// Per-framework crosswalks (docs/frameworks/<framework>.md), generated from the policies' citations:
// for every id of the framework, the checks that implement or support it, the threats they help
// against, and the ids the pack cannot evidence from infrastructure code.
import type { PolicyDefinition } from "../../policy-pack/core/definition";
import { controlStatus, controlTitle, frameworkIds, isAi6001Risk } from "../../policy-pack/core/frameworks";
import { type Control, type Framework, frameworks, frameworkTitles } from "../../policy-pack/core/vocabulary";
import { shortTitle } from "./markdown";

/** ATLAS techniques, OWASP LLM risks and AI 600-1 risk categories are threats; everything else is a control. */
export function isThreat(framework: Framework, id: string): boolean {
    return (
        framework === "owasp-llm" ||
        (framework === "mitre-atlas" && /^AML\.T\d/.test(id)) ||
        (framework === "nist-ai-600-1" && isAi6001Risk(id))
    );
}

/** ATLAS tactics are categories of techniques, not something a check relates to. */
function listed(framework: Framework, id: string): boolean {
    return !(framework === "mitre-atlas" && /^AML\.TA\d/.test(id)) && controlStatus(framework, id) === "known";
}

interface Scope {
    readonly heading: string;
    readonly reason: string;
    readonly match: (id: string) => boolean;
}

const processFamilies = /^(AT|PL|PM|PS|PE|MA|MP|PT|IR|CP|CA|RA|SA|SR)-/;

/** Why the ids no check cites are outside what infrastructure code can show, first match wins. */
const scopes: Record<Framework, readonly Scope[]> = {
    "nist-800-53": [
        {
            heading: "Policies and procedures",
            reason: "Every -1 control asks for documented policy and procedures, an organizational artifact.",
            match: (id) => /^[A-Z]{2}-1$/.test(id),
        },
        {
            heading: "Program, planning, personnel, physical, assessment and response process",
            reason: "These families (AT, PL, PM, PS, PE, MA, MP, PT, IR, CP, CA, RA, SA, SR) are met by organizational processes, facilities and contracts, which a Pulumi program does not describe; the few ids here that a check does evidence are listed above.",
            match: (id) => processFamilies.test(id),
        },
        {
            heading: "Technical controls no check tests",
            reason: "Runtime, host, application or account-level behaviour, or settings of resources outside the AI system, that no policy of this pack reads.",
            match: () => true,
        },
    ],
    "iso-27001": [
        {
            heading: "Management-system clauses",
            reason: "Clauses 4 to 10 describe the management system itself: context, leadership, planning, support, operation, evaluation and improvement.",
            match: (id) => !id.startsWith("A."),
        },
        {
            heading: "Organizational, people and physical controls",
            reason: "Annex A themes 5 (organizational), 6 (people) and 7 (physical) are met by process, staff and facilities; those a check does evidence are listed above.",
            match: (id) => /^A\.[567]\./.test(id),
        },
        {
            heading: "Technological controls no check tests",
            reason: "Endpoint, development-lifecycle and operational controls that no policy of this pack reads from resource settings.",
            match: () => true,
        },
    ],
    "iso-42001": [
        {
            heading: "Management-system clauses",
            reason: "Clauses 4 to 10 describe the AI management system itself.",
            match: (id) => !id.startsWith("A."),
        },
        {
            heading: "AI governance controls",
            reason: "AI policy, roles, resource documentation, impact assessment, lifecycle documentation, information for interested parties and supplier agreements are organizational records; resource settings are not evidence of them.",
            match: () => true,
        },
    ],
    "nist-ai-rmf": [
        {
            heading: "GOVERN and MAP",
            reason: "Organizational governance, context, risk tolerance, roles and impact mapping: decisions and documents, not resource settings.",
            match: (id) => id.startsWith("GOVERN") || id.startsWith("MAP"),
        },
        {
            heading: "MEASURE and MANAGE outcomes no check evidences",
            reason: "Testing, evaluation, feedback, risk treatment and incident response are activities; a configuration check can show a mechanism exists, not that the activity is performed.",
            match: () => true,
        },
    ],
    "nist-ai-600-1": [
        {
            heading: "Suggested actions no check evidences",
            reason: "Most actions ask for policies, documentation, evaluations, red-teaming or feedback processes; a configuration check is evidence of an action only where the action is a technical mechanism the check verifies.",
            match: (id) => !isAi6001Risk(id),
        },
        {
            heading: "GAI risk categories no check helps against",
            reason: "These risks arise from model behaviour, content or use and are managed by evaluation and governance rather than by infrastructure settings.",
            match: () => true,
        },
    ],
    "owasp-llm": [
        {
            heading: "Risks no check helps against",
            reason: "These risks sit in application code and model behaviour (how output is handled, what the system prompt contains), beyond what infrastructure code shows.",
            match: () => true,
        },
    ],
    "mitre-atlas": [
        {
            heading: "Mitigations no check evidences",
            reason: "Model hardening, training-data practices, model validation, user training and similar mitigations are properties of the model or of processes, not of cloud resource settings.",
            match: (id) => id.startsWith("AML.M"),
        },
        {
            heading: "Techniques no check helps against",
            reason: "Reconnaissance, model-level attacks (evasion, inversion, crafting adversarial data) and attacks on application logic that resource settings do not reach.",
            match: () => true,
        },
    ],
};

function cell(s: string): string {
    return s.replace(/\|/g, "\\|").replace(/\n/g, " ");
}

function table(header: string[], rows: string[][]): string[] {
    return [
        `| ${header.join(" | ")} |`,
        `|${header.map(() => "---").join("|")}|`,
        ...rows.map((r) => `| ${r.map(cell).join(" | ")} |`),
    ];
}

const link = (p: PolicyDefinition) => `[${p.id}](../policies.md#${p.id})`;

function citing(
    policies: readonly PolicyDefinition[],
    framework: Framework,
    id: string,
    relation: Control["relation"],
) {
    return policies.filter((p) =>
        p.controls.some((c) => c.framework === framework && c.id === id && c.relation === relation),
    );
}

/** Threat ids (ATLAS techniques, OWASP risks) the given checks help against, in framework order. */
function threatsOf(checks: readonly PolicyDefinition[]): string[] {
    const ids = new Set<string>();
    for (const f of frameworks) {
        for (const p of checks) {
            for (const c of p.controls) {
                if (c.framework === f && c.relation === "mitigates" && (f === "mitre-atlas" || f === "owasp-llm")) {
                    ids.add(c.id);
                }
            }
        }
    }
    return [...ids].sort();
}

export function renderCrosswalk(framework: Framework, policies: readonly PolicyDefinition[]): string {
    const ids = frameworkIds(framework).filter((id) => listed(framework, id));
    const cited = new Set(
        policies.flatMap((p) => p.controls.filter((c) => c.framework === framework).map((c) => c.id)),
    );
    const controls = ids.filter((id) => !isThreat(framework, id) && cited.has(id));
    const threats = ids.filter((id) => isThreat(framework, id) && cited.has(id));
    const rest = ids.filter((id) => !cited.has(id));
    const implemented = controls.filter((id) => citing(policies, framework, id, "implements").length > 0);

    const out = [
        `# ${frameworkTitles[framework]}: aiguard crosswalk`,
        "",
        "Generated by `npm run docs` from each policy's citations (`aiguard policies --format crosswalk --framework " +
            `${framework}\`); do not edit by hand.`,
        "A check *implements* an id when its verdict is direct evidence the control is in place for the resources it",
        "checks, *supports* it when the verdict is partial evidence (one setting of several the control needs), and",
        "*helps against* a threat (ATLAS technique, OWASP LLM risk, AI 600-1 risk category) it makes harder.",
        "A passing check is evidence for the resources in the evaluated Pulumi program only, never for the organization as a whole.",
        "",
        "| | ids |",
        "|---|---|",
        `| in the framework | ${ids.length} |`,
        `| implemented by at least one check | ${implemented.length} |`,
        `| supported only | ${controls.length - implemented.length} |`,
        `| threats some check helps against | ${threats.length} |`,
        `| out of scope for infrastructure code, or not addressed | ${rest.length} |`,
        "",
    ];

    if (controls.length > 0) {
        out.push(
            "## Controls the checks evidence",
            "",
            ...table(
                ["id", "title", "implemented by", "supported by", "the checks help against"],
                controls.map((id) => {
                    const impl = citing(policies, framework, id, "implements");
                    const sup = citing(policies, framework, id, "supports");
                    return [
                        id,
                        shortTitle(controlTitle(framework, id) ?? ""),
                        impl.map(link).join(", "),
                        sup.map(link).join(", "),
                        threatsOf([...impl, ...sup]).join(", "),
                    ];
                }),
            ),
            "",
        );
    }

    if (threats.length > 0) {
        out.push(
            "## Threats the checks help against",
            "",
            ...table(
                ["id", "title", "checks that help against it", "NIST SP 800-53 controls those checks implement"],
                threats.map((id) => {
                    const checks = citing(policies, framework, id, "mitigates");
                    const nist = [
                        ...new Set(
                            checks.flatMap((p) =>
                                p.controls
                                    .filter((c) => c.framework === "nist-800-53" && c.relation === "implements")
                                    .map((c) => c.id),
                            ),
                        ),
                    ].sort();
                    return [
                        id,
                        shortTitle(controlTitle(framework, id) ?? ""),
                        checks.map(link).join(", "),
                        nist.join(", "),
                    ];
                }),
            ),
            "",
        );
    }

    if (rest.length > 0) {
        out.push("## Out of scope or not addressed", "");
        const remaining = new Set(rest);
        for (const scope of scopes[framework]) {
            const group = rest.filter((id) => remaining.has(id) && scope.match(id));
            if (group.length === 0) {
                continue;
            }
            for (const id of group) {
                remaining.delete(id);
            }
            out.push(`### ${scope.heading} (${group.length})`, "", scope.reason, "");
            if (framework === "nist-800-53") {
                // Over a thousand ids: one line per family, ids only.
                const families = new Map<string, string[]>();
                for (const id of group) {
                    const family = id.slice(0, 2);
                    families.set(family, [...(families.get(family) ?? []), id]);
                }
                out.push(...[...families].map(([family, list]) => `- ${family}: ${list.join(", ")}`), "");
            } else {
                out.push(
                    ...table(
                        ["id", "title"],
                        group.map((id) => [id, shortTitle(controlTitle(framework, id) ?? "")]),
                    ),
                    "",
                );
            }
        }
    }
    return `${out.join("\n").trimEnd()}\n`;
}
