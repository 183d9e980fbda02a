// Citations are written per framework: the ids the check implements, supports or helps against, and one
// line on why. `cite` flattens them into the control entries that reports, tags and docs carry, each with
// its relation and its framework's rationale.
import type { Control, ControlRelation, Framework } from "./vocabulary";

/** Controls, subcategories and mitigations: the check implements them or supports them. */
export interface ControlCitation {
    readonly implements?: readonly string[];
    readonly supports?: readonly string[];
    /** One sentence, ending with a period, on what in the check makes it evidence for these ids. */
    readonly why: string;
}

/** Threats: the check helps against them. */
export interface ThreatCitation {
    readonly mitigates: readonly string[];
    readonly why: string;
}

/** Mitigations (AML.M*) the check implements or supports, and techniques (AML.T*) it helps against. */
export interface AtlasCitation {
    readonly implements?: readonly string[];
    readonly supports?: readonly string[];
    readonly mitigates?: readonly string[];
    readonly why: string;
}

/**
 * Every policy cites at least one NIST SP 800-53 control and one MITRE ATLAS entry; the AI frameworks
 * only where the check is direct evidence.
 */
export interface Citations {
    readonly "nist-800-53": ControlCitation;
    readonly "mitre-atlas": AtlasCitation;
    readonly "nist-ai-rmf"?: ControlCitation;
    /** Risk categories under `mitigates`; suggested-action ids under implements/supports. */
    readonly "nist-ai-600-1"?: AtlasCitation;
    readonly "iso-27001"?: ControlCitation;
    readonly "iso-42001"?: ControlCitation;
    readonly "owasp-llm"?: ThreatCitation;
}

/** The order control entries are emitted in; the first NIST SP 800-53 id is the policy's primary control. */
const order: readonly Framework[] = [
    "nist-800-53",
    "mitre-atlas",
    "nist-ai-rmf",
    "nist-ai-600-1",
    "iso-27001",
    "iso-42001",
    "owasp-llm",
];

const relations: readonly ControlRelation[] = ["implements", "supports", "mitigates"];

export function cite(citations: Citations): Control[] {
    const out: Control[] = [];
    for (const framework of order) {
        const c = citations[framework] as Partial<Record<ControlRelation, readonly string[]>> & { why: string };
        if (c === undefined) {
            continue;
        }
        for (const relation of relations) {
            for (const id of c[relation] ?? []) {
                out.push({ framework, id, relation, rationale: c.why });
            }
        }
    }
    return out;
}
