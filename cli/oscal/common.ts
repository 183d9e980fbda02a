// What the two OSCAL documents share: the version, the namespace of aiguard's own props, how a
// framework's control id becomes an OSCAL control-id token, and where each framework is published.
import { frameworkTitles } from "../../policy-pack/core/vocabulary";

export const oscalVersion = "1.0.6";

/** Namespace of props that are aiguard's own (OSCAL reserves un-namespaced names for itself). */
export const aiguardNs = "urn:aiguard:oscal";

export interface Prop {
    readonly name: string;
    readonly value: string;
    readonly ns?: string;
    readonly class?: string;
}

/** aiguard props, skipping absent or empty values (OSCAL prop values must not be blank). */
export function props(entries: Readonly<Record<string, string | undefined>>, cls?: string): Prop[] {
    return Object.entries(entries).flatMap(([name, value]) =>
        value === undefined || value.trim() === ""
            ? []
            : [{ name, value: value.trim(), ns: aiguardNs, ...(cls ? { class: cls } : {}) }],
    );
}

/**
 * The OSCAL control-id of a cited id. NIST SP 800-53 ids take the form of NIST's own OSCAL catalog
 * (`SC-7(5)` → `sc-7.5`); the other frameworks publish no OSCAL catalog, so their ids are kept, with
 * any character a token cannot hold replaced by `-` (`MEASURE 2.7` → `MEASURE-2.7`).
 */
export function oscalControlId(framework: string, id: string): string {
    if (framework === "nist-800-53") {
        const m = /^([A-Z]{2})-(\d+)(?:\((\d+)\))?$/.exec(id);
        if (m) {
            return `${(m[1] as string).toLowerCase()}-${m[2]}${m[3] ? `.${m[3]}` : ""}`;
        }
    }
    const token = id.replace(/[^\p{L}\p{N}._-]+/gu, "-").replace(/^[^\p{L}_]+/u, "");
    return token === "" ? `control-${Buffer.from(id).toString("hex")}` : token;
}

/** Where each framework's controls are published: the `source` of a control implementation. */
const frameworkSources: Readonly<Record<string, string>> = {
    "nist-800-53":
        "https://raw.githubusercontent.com/usnistgov/oscal-content/main/nist.gov/SP800-53/rev5/json/NIST_SP-800-53_rev5_catalog.json",
    "nist-ai-rmf": "https://doi.org/10.6028/NIST.AI.100-1",
    "nist-ai-600-1": "https://doi.org/10.6028/NIST.AI.600-1",
    "iso-42001": "https://www.iso.org/standard/81230.html",
    "iso-27001": "https://www.iso.org/standard/82875.html",
    "owasp-llm": "https://genai.owasp.org/llm-top-10/",
    "mitre-atlas": "https://atlas.mitre.org/",
};

/** A framework aiguard does not know (cited by another pack) gets a URN naming it, not an invented URL. */
export function frameworkSource(framework: string): string {
    return frameworkSources[framework] ?? `urn:aiguard:framework:${encodeURIComponent(framework)}`;
}

export function frameworkTitle(framework: string): string {
    return (frameworkTitles as Readonly<Record<string, string>>)[framework] ?? framework;
}

/** OSCAL markup-multiline fields are Markdown; escape what would read as markup. */
export function markdown(text: string): string {
    return text.replace(/([\\`*_[\]<>])/g, "\\$1");
}
