// The canonical control lists, vendored under policy-pack/frameworks/, as one lookup.
import * as fs from "node:fs";
import * as path from "node:path";
import type { Framework } from "./vocabulary";

interface ControlEntry {
    readonly id: string;
    readonly title: string;
    readonly withdrawn?: boolean;
}

const files: Partial<Record<Framework, { file: string; lists: string[] }>> = {
    "nist-800-53": { file: "nist-800-53r5.json", lists: ["controls"] },
    "mitre-atlas": { file: "mitre-atlas.json", lists: ["techniques", "mitigations", "tactics"] },
    "owasp-llm": { file: "owasp-llm-2025.json", lists: ["risks"] },
    "nist-ai-rmf": { file: "nist-ai-rmf.json", lists: ["subcategories"] },
    "iso-42001": { file: "iso-42001.json", lists: ["controls"] },
    "iso-27001": { file: "iso-27001.json", lists: ["controls"] },
    "nist-ai-600-1": { file: "nist-ai-600-1.json", lists: ["risks", "actions"] },
};

function frameworksDir(): string {
    // From source (policy-pack/core) or from dist/policy-pack/core, the data sits in policy-pack/frameworks.
    for (const dir of [
        path.join(__dirname, "..", "frameworks"),
        path.join(__dirname, "..", "..", "..", "policy-pack", "frameworks"),
    ]) {
        if (fs.existsSync(path.join(dir, "mitre-atlas.json"))) {
            return dir;
        }
    }
    throw new Error("policy-pack/frameworks not found");
}

let cache: Map<Framework, Map<string, ControlEntry>> | undefined;

function load(): Map<Framework, Map<string, ControlEntry>> {
    if (cache) {
        return cache;
    }
    const dir = frameworksDir();
    cache = new Map();
    for (const [framework, spec] of Object.entries(files) as [Framework, { file: string; lists: string[] }][]) {
        const doc = JSON.parse(fs.readFileSync(path.join(dir, spec.file), "utf8"));
        const entries = new Map<string, ControlEntry>();
        for (const list of spec.lists) {
            for (const e of doc[list] ?? []) {
                entries.set(e.id, {
                    id: e.id,
                    title: e.title ?? e.name ?? e.statement ?? e.text ?? "",
                    withdrawn: e.withdrawn,
                });
            }
        }
        cache.set(framework, entries);
    }
    return cache;
}

export type ControlStatus = "known" | "withdrawn" | "unknown";

export function controlStatus(framework: Framework, id: string): ControlStatus {
    const entry = load().get(framework)?.get(id);
    return entry ? (entry.withdrawn ? "withdrawn" : "known") : "unknown";
}

/** Every id of a framework's canonical list, in the list's order. */
export function frameworkIds(framework: Framework): string[] {
    return [...(load().get(framework)?.keys() ?? [])];
}

/** NIST AI 600-1 risk categories are kebab-case words; its suggested actions look like `MS-2.7-001`. */
export function isAi6001Risk(id: string): boolean {
    return /^[a-z]+(-[a-z]+)*$/.test(id);
}

export function controlTitle(framework: Framework, id: string): string | undefined {
    return load().get(framework)?.get(id)?.title;
}
