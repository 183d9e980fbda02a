// Options shared by `preview` and `analyze`: policy config, tag selectors, output.
import * as fs from "node:fs";
import type { PolicyConfigFile } from "../harness/config";
import { InputError, UsageError } from "../harness/errors";
import { defaultAiTags, defaultBusinessTags, type TagSelectors } from "../policy-pack/core/classification";
import type { PolicyDefinition } from "../policy-pack/core/definition";
import { type GroupBy, groupings, type ReportFormat, reportFormats } from "./render/formats";

export type { ReportFormat };
export { reportFormats };

export interface RunOptions {
    /** One or more formats; each goes to its own destination (see outputs.ts). */
    readonly formats: readonly ReportFormat[];
    /** `FILE` or `FORMAT=FILE`, as given to `--output`. */
    readonly outputs: readonly string[];
    readonly outputDir?: string;
    readonly groupBy?: GroupBy;
    readonly policyConfig?: string;
    readonly aiTag: string[];
    readonly businessTag: string[];
    readonly policyPack?: string;
    /** Undecided checks fail the run too: for gates that must not pass on values unknown during preview. */
    readonly strict?: boolean;
}

function oneOf(values: readonly string[]): string {
    return `${values.slice(0, -1).join(", ")} or ${values[values.length - 1]}`;
}

export function parseFormat(value: string): ReportFormat {
    if (!(reportFormats as readonly string[]).includes(value)) {
        throw new UsageError(`--format must be ${oneOf(reportFormats)}, not '${value}'`);
    }
    return value as ReportFormat;
}

export function parseGroupBy(value: string): GroupBy {
    if (!(groupings as readonly string[]).includes(value)) {
        throw new UsageError(`--group-by must be ${oneOf(groupings)}, not '${value}'`);
    }
    return value as GroupBy;
}

export function readPolicyConfig(file: string | undefined): PolicyConfigFile | undefined {
    if (file === undefined) {
        return undefined;
    }
    let text: string;
    try {
        text = fs.readFileSync(file, "utf8");
    } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        throw new InputError(file, code === "ENOENT" ? "no such file" : `cannot read (${code})`);
    }
    let doc: unknown;
    try {
        doc = JSON.parse(text);
    } catch (e) {
        throw new InputError(file, `not valid JSON (${(e as Error).message})`);
    }
    if (doc === null || typeof doc !== "object" || Array.isArray(doc)) {
        throw new InputError(file, "policy config must be a JSON object of policy names");
    }
    return doc as PolicyConfigFile;
}

/** `KEY` or `KEY=VALUE` flags to selectors, on top of the defaults. */
export function tagSelectors(flags: readonly string[], defaults: TagSelectors, flag: string): TagSelectors {
    // A map, so that keys such as `constructor` or `__proto__` are plain tag keys.
    const out = new Map<string, string[]>();
    for (const [k, v] of Object.entries(defaults)) {
        out.set(k, typeof v === "string" ? [v] : [...v]);
    }
    for (const f of flags) {
        const eq = f.indexOf("=");
        const key = eq < 0 ? f : f.slice(0, eq);
        const value = eq < 0 ? "*" : f.slice(eq + 1);
        if (key.trim() === "") {
            throw new UsageError(`${flag} needs KEY or KEY=VALUE, not '${f}'`);
        }
        out.set(key, [...(out.get(key) ?? []), value]);
    }
    const selectors: Record<string, string[]> = {};
    for (const [k, v] of out) {
        Object.defineProperty(selectors, k, { value: v, enumerable: true, writable: true, configurable: true });
    }
    return selectors;
}

/** Adds the command line's tag selectors to the config of every policy that classifies. */
export function withTagSelectors(
    config: PolicyConfigFile | undefined,
    policies: readonly PolicyDefinition[],
    options: Pick<RunOptions, "aiTag" | "businessTag">,
): PolicyConfigFile | undefined {
    if (options.aiTag.length === 0 && options.businessTag.length === 0) {
        return config;
    }
    const aiTags = tagSelectors(options.aiTag, defaultAiTags, "--ai-tag");
    const businessTags = tagSelectors(options.businessTag, defaultBusinessTags, "--business-tag");
    const out: PolicyConfigFile = { ...(config ?? {}) };
    for (const p of policies.filter((p) => p.kind === "stack")) {
        const existing = out[p.id];
        const base =
            typeof existing === "string"
                ? { enforcementLevel: existing }
                : ((existing as Record<string, unknown>) ?? {});
        out[p.id] = { ...base, aiTags, businessTags };
    }
    return out;
}
