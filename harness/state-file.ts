// Reads the JSON that `pulumi stack export` writes into the resources the engine would analyze.
// Secrets exported with --show-secrets carry `plaintext`; encrypted ones (`ciphertext`) cannot be
// decrypted offline and become secret unknowns, so checks that need them decide at `pulumi up`.

import * as fs from "node:fs";
import { InputError } from "./errors";
import {
    type ResourceSnapshot,
    secret,
    secretSig,
    secretSigKey,
    unknownString,
    type WireObject,
    type WireValue,
} from "./model";

export interface StateFile {
    readonly project: string;
    readonly stack: string;
    readonly resources: ResourceSnapshot[];
    /** Secrets that were encrypted in the file and are treated as unknown. */
    readonly encryptedSecrets: number;
}

function fromStateValue(v: unknown, counter: { encrypted: number }): WireValue {
    if (v === null || typeof v === "boolean" || typeof v === "number" || typeof v === "string") {
        return v;
    }
    if (Array.isArray(v)) {
        return v.map((e) => fromStateValue(e, counter));
    }
    if (typeof v === "object") {
        const o = v as Record<string, unknown>;
        if (o[secretSigKey] === secretSig) {
            if (typeof o.plaintext === "string") {
                let inner: unknown;
                try {
                    inner = JSON.parse(o.plaintext);
                } catch {
                    inner = o.plaintext;
                }
                return secret(fromStateValue(inner, counter));
            }
            if ("value" in o) {
                return secret(fromStateValue(o.value, counter));
            }
            counter.encrypted++;
            return secret(unknownString);
        }
        const out: WireObject = {};
        for (const [k, e] of Object.entries(o)) {
            out[k] = fromStateValue(e, counter);
        }
        return out;
    }
    return null;
}

function strings(v: unknown): string[] {
    return Array.isArray(v) ? v.filter((e): e is string => typeof e === "string") : [];
}

export function parseStateFile(text: string, origin: string): StateFile {
    let doc: unknown;
    try {
        doc = JSON.parse(text);
    } catch (e) {
        throw new InputError(origin, `not valid JSON (${(e as Error).message})`);
    }
    const deployment = (doc as { deployment?: unknown } | null)?.deployment as { resources?: unknown } | undefined;
    if (!deployment || typeof deployment !== "object") {
        throw new InputError(
            origin,
            "not a Pulumi state file: no 'deployment' object (write one with `pulumi stack export --file`)",
        );
    }
    const raw = deployment.resources ?? [];
    if (!Array.isArray(raw)) {
        throw new InputError(origin, "not a Pulumi state file: 'deployment.resources' is not a list");
    }
    const counter = { encrypted: 0 };
    const resources: ResourceSnapshot[] = [];
    raw.forEach((r: Record<string, unknown>, i: number) => {
        if (!r || typeof r !== "object" || typeof r.urn !== "string" || typeof r.type !== "string") {
            throw new InputError(origin, `resource #${i + 1} has no urn or type`);
        }
        if (r.delete === true || r.pendingReplacement === true) {
            return;
        }
        const urn = r.urn;
        const name = urn.split("::").pop() ?? urn;
        const pd: Record<string, string[]> = {};
        if (r.propertyDependencies && typeof r.propertyDependencies === "object") {
            for (const [k, v] of Object.entries(r.propertyDependencies as Record<string, unknown>)) {
                pd[k] = strings(v);
            }
        }
        const timeouts = r.customTimeouts as { create?: number; update?: number; delete?: number } | undefined;
        resources.push({
            urn,
            type: r.type,
            name,
            custom: r.custom === true,
            ...(typeof r.id === "string" ? { id: r.id } : {}),
            ...(typeof r.parent === "string" ? { parent: r.parent } : {}),
            ...(typeof r.provider === "string" ? { provider: r.provider } : {}),
            inputs: fromStateValue(r.inputs ?? {}, counter) as WireObject,
            outputs: fromStateValue(r.outputs ?? {}, counter) as WireObject,
            dependencies: strings(r.dependencies),
            propertyDependencies: pd,
            protect: r.protect === true,
            ignoreChanges: strings(r.ignoreChanges),
            additionalSecretOutputs: strings(r.additionalSecretOutputs),
            aliases: strings(r.aliases),
            ...(timeouts && typeof timeouts === "object" ? { customTimeouts: timeouts } : {}),
            external: r.external === true,
        });
    });
    const root = resources.find((r) => r.type === "pulumi:pulumi:Stack");
    const parts = (root?.urn ?? resources[0]?.urn ?? "").split("::");
    return {
        project: parts[1] ?? "project",
        stack: (parts[0] ?? "").replace(/^urn:pulumi:/, "") || "stack",
        resources,
        encryptedSecrets: counter.encrypted,
    };
}

export function readStateFile(file: string): StateFile {
    let text: string;
    try {
        text = fs.readFileSync(file, "utf8");
    } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        throw new InputError(
            file,
            code === "ENOENT" ? "no such file" : `cannot read (${code ?? (e as Error).message})`,
        );
    }
    return parseStateFile(text, file);
}
