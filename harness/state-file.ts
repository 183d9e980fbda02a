// Reads the JSON that `pulumi stack export` writes into the resources the engine would analyze.
// Secrets exported with --show-secrets carry `plaintext`; encrypted ones (`ciphertext`) cannot be
// decrypted offline and become secret unknowns, so checks that need them decide at `pulumi up`.
//
// Input is bounded and checked the way the engine checks a deployment it imports: regular files
// only, a size limit, a nesting limit, versions 1 to 3, one resource per URN, values with known
// signatures only. Resources come out in the engine's order: a resource after its parent, provider
// and dependencies (the order of every state file the engine writes), file order otherwise.

import * as fs from "node:fs";
import { InputError } from "./errors";
import {
    type ResourceSnapshot,
    resourceRefSig,
    secret,
    secretSig,
    secretSigKey,
    unknownString,
    type WireObject,
    type WireValue,
} from "./model";
import { maxPropertyDepth } from "./wire-encoding";

export interface StateFile {
    readonly project: string;
    readonly stack: string;
    readonly resources: ResourceSnapshot[];
    /** Secrets that were encrypted in the file and are treated as unknown. */
    readonly encryptedSecrets: number;
    /** Problems that do not stop the analysis (dangling references), one line each. */
    readonly warnings: readonly string[];
}

/** State-file versions the engine writes and reads (apitype.DeploymentSchemaVersion 1 to 3). */
export const supportedVersions: readonly number[] = [1, 2, 3];
/** Default size limit of a state file, in MiB; `AIGUARD_MAX_STATE_MB` changes it. */
export const defaultMaxStateMiB = 256;
/** At most this many warning lines; the rest are counted. */
const maxWarningLines = 20;

export const assetSig = "c44067f5952c0a294b673a41bacd8c17";
export const archiveSig = "0def7320c3a5731c473e5ecbe6d01bc7";

export function maxStateBytes(): number {
    const fromEnv = Number(process.env.AIGUARD_MAX_STATE_MB);
    return (Number.isFinite(fromEnv) && fromEnv > 0 ? fromEnv : defaultMaxStateMiB) * 1024 * 1024;
}

/** Sets an own property, so that a key such as `__proto__` stays a plain key, as it is for the engine. */
function setOwn(o: Record<string, unknown>, key: string, value: unknown): void {
    Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
}

class ValueProblem extends Error {}

/** The path of a nested value for messages, cut short so that deep values do not make it long. */
function childPath(at: string, segment: string): string {
    if (at.endsWith("…")) {
        return at;
    }
    const next = at + segment;
    return next.length > 80 ? `${at}…` : next;
}

function nonEmptyString(v: unknown): boolean {
    return typeof v === "string" && v.length > 0;
}

/** Whether @pulumi/policy can turn this asset or archive back into an object (it needs a source). */
function decodableAsset(o: Record<string, unknown>): boolean {
    if (o[secretSigKey] === assetSig) {
        return nonEmptyString(o.path) || nonEmptyString(o.text) || nonEmptyString(o.uri);
    }
    const assets = o.assets;
    if (assets && typeof assets === "object" && !Array.isArray(assets)) {
        return Object.values(assets as Record<string, unknown>).every(
            (a) =>
                a !== null &&
                typeof a === "object" &&
                [assetSig, archiveSig].includes((a as Record<string, unknown>)[secretSigKey] as string) &&
                decodableAsset(a as Record<string, unknown>),
        );
    }
    return nonEmptyString(o.path) || nonEmptyString(o.uri);
}

/**
 * One copy of each long string of a resource: its outputs repeat most of its inputs (policy documents,
 * ARNs, configuration blobs), and JSON.parse makes a separate copy of each, so a large state would
 * otherwise hold its biggest values twice for the whole run.
 */
class StringPool {
    private readonly seen = new Map<string, string>();
    static readonly minLength = 32;

    intern(s: string): string {
        if (s.length < StringPool.minLength) {
            return s;
        }
        const earlier = this.seen.get(s);
        if (earlier !== undefined) {
            return earlier;
        }
        this.seen.set(s, s);
        return s;
    }
}

function fromStateValue(
    v: unknown,
    counter: { encrypted: number; pool: StringPool },
    depth: number,
    at: string,
): WireValue {
    if (typeof v === "string") {
        return counter.pool.intern(v);
    }
    if (v === null || typeof v === "boolean" || typeof v === "number") {
        return v;
    }
    if (typeof v !== "object") {
        return null;
    }
    if (depth > maxPropertyDepth) {
        throw new ValueProblem(`${at} is nested deeper than ${maxPropertyDepth} levels (the limit)`);
    }
    if (Array.isArray(v)) {
        return v.map((e, i) => fromStateValue(e, counter, depth + 1, childPath(at, `[${i}]`)));
    }
    const o = v as Record<string, unknown>;
    const sig = Object.hasOwn(o, secretSigKey) ? o[secretSigKey] : undefined;
    if (sig !== undefined) {
        switch (sig) {
            case secretSig: {
                if (typeof o.plaintext === "string") {
                    let inner: unknown;
                    try {
                        inner = JSON.parse(o.plaintext);
                    } catch {
                        inner = o.plaintext;
                    }
                    return secret(fromStateValue(inner, counter, depth + 1, at));
                }
                if ("value" in o) {
                    return secret(fromStateValue(o.value, counter, depth + 1, at));
                }
                counter.encrypted++;
                return secret(unknownString);
            }
            case resourceRefSig: {
                // The engine sends a reference to a policy pack as the resource's ID (unknown when
                // empty), or its URN for a component (MarshalOptions.KeepResources is off).
                if (typeof o.urn !== "string") {
                    throw new ValueProblem(`${at} is a resource reference without a URN`);
                }
                if (!("id" in o)) {
                    return o.urn;
                }
                if (typeof o.id !== "string") {
                    throw new ValueProblem(`${at} is a resource reference whose id is not a string`);
                }
                return o.id === "" ? unknownString : o.id;
            }
            case assetSig:
            case archiveSig: {
                // Passed on as the engine passes them. One without a source (an empty asset) is
                // something @pulumi/policy cannot decode, and the pack would fail or hang on it: it is
                // passed as a plain object without its signature instead (docs/limits.md).
                const out: WireObject = {};
                for (const [k, e] of Object.entries(o)) {
                    setOwn(out, k, fromStateValue(e, counter, depth + 1, childPath(at, `.${k}`)));
                }
                if (!decodableAsset(o)) {
                    delete out[secretSigKey];
                }
                return out;
            }
            default:
                throw new ValueProblem(`${at} has an unrecognized signature ${JSON.stringify(sig)}`);
        }
    }
    const out: WireObject = {};
    for (const [k, e] of Object.entries(o)) {
        setOwn(out, k, fromStateValue(e, counter, depth + 1, childPath(at, `.${k}`)));
    }
    return out;
}

function strings(v: unknown): string[] {
    return Array.isArray(v) ? v.filter((e): e is string => typeof e === "string") : [];
}

function providerUrn(ref: string): string {
    const sep = ref.lastIndexOf("::");
    return sep > 0 ? ref.slice(0, sep) : ref;
}

/** URNs a resource needs before it: parent, provider, dependencies, property dependencies. */
function needs(r: ResourceSnapshot): string[] {
    const out: string[] = [];
    if (r.parent) {
        out.push(r.parent);
    }
    if (r.provider) {
        out.push(providerUrn(r.provider));
    }
    out.push(...r.dependencies);
    for (const urns of Object.values(r.propertyDependencies)) {
        out.push(...urns);
    }
    return out;
}

/**
 * Stable topological order, linear in resources plus references: each resource after what it needs,
 * otherwise in file order. Iterative, so a chain of any length cannot overflow the stack. A cycle
 * (which the engine never writes) is broken where it is found.
 */
export function engineOrder(resources: readonly ResourceSnapshot[]): ResourceSnapshot[] {
    const byUrn = new Map(resources.map((r) => [r.urn, r] as const));
    const state = new Map<ResourceSnapshot, 1 | 2>(); // 1 = on the stack, 2 = placed
    const out: ResourceSnapshot[] = [];
    for (const start of resources) {
        if (state.has(start)) {
            continue;
        }
        const stack: { r: ResourceSnapshot; deps: string[]; next: number }[] = [
            { r: start, deps: needs(start), next: 0 },
        ];
        state.set(start, 1);
        while (stack.length > 0) {
            const top = stack[stack.length - 1] as { r: ResourceSnapshot; deps: string[]; next: number };
            if (top.next < top.deps.length) {
                const dep = byUrn.get(top.deps[top.next++] as string);
                if (dep && !state.has(dep)) {
                    state.set(dep, 1);
                    stack.push({ r: dep, deps: needs(dep), next: 0 });
                }
                continue;
            }
            stack.pop();
            state.set(top.r, 2);
            out.push(top.r);
        }
    }
    return out;
}

function danglingReferences(resources: readonly ResourceSnapshot[], origin: string): string[] {
    const urns = new Set(resources.map((r) => r.urn));
    const lines: string[] = [];
    let more = 0;
    const report = (r: ResourceSnapshot, what: string, urn: string) => {
        if (urns.has(urn)) {
            return;
        }
        if (lines.length < maxWarningLines) {
            lines.push(
                `${origin}: resource '${r.urn}' names ${what} '${urn}', which is not in the file; the policy pack sees no such resource`,
            );
        } else {
            more++;
        }
    };
    for (const r of resources) {
        if (r.parent) {
            report(r, "parent", r.parent);
        }
        if (r.provider) {
            report(r, "provider", providerUrn(r.provider));
        }
        for (const d of r.dependencies) {
            report(r, "dependency", d);
        }
        for (const [k, ds] of Object.entries(r.propertyDependencies)) {
            for (const d of ds) {
                report(r, `dependency of '${k}'`, d);
            }
        }
    }
    if (more > 0) {
        lines.push(`${origin}: ${more} more references to resources that are not in the file`);
    }
    return lines;
}

function parseJson(text: string, origin: string): unknown {
    try {
        // A leading byte-order mark is not JSON, but editors write one; the engine's reader skips it.
        return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    } catch (e) {
        throw new InputError(origin, `not valid JSON (${(e as Error).message})`);
    }
}

export function parseStateFile(text: string, origin: string): StateFile {
    return stateOfDocument(parseJson(text, origin), origin);
}

/**
 * The resources of a parsed state file. Each resource's part of `doc` is released once converted,
 * so a large state is not held twice (as parsed JSON and as snapshots) while it is read.
 */
function stateOfDocument(doc: unknown, origin: string): StateFile {
    const deployment = (doc as { deployment?: unknown } | null)?.deployment as { resources?: unknown } | undefined;
    if (!deployment || typeof deployment !== "object") {
        throw new InputError(
            origin,
            "not a Pulumi state file: no 'deployment' object (write one with `pulumi stack export --file`)",
        );
    }
    const version = (doc as { version?: unknown }).version;
    if (typeof version !== "number" || !supportedVersions.includes(version)) {
        throw new InputError(
            origin,
            `${version === undefined ? "no state file version" : `unsupported state file version ${JSON.stringify(version)}`}; the Pulumi engine writes versions 1 to 3`,
        );
    }
    const raw = deployment.resources ?? [];
    if (!Array.isArray(raw)) {
        throw new InputError(origin, "not a Pulumi state file: 'deployment.resources' is not a list");
    }
    const counter = { encrypted: 0, pool: new StringPool() };
    const resources: ResourceSnapshot[] = [];
    const seen = new Map<string, number>();
    for (let i = 0; i < raw.length; i++) {
        const r = raw[i] as Record<string, unknown>;
        raw[i] = null;
        counter.pool = new StringPool();
        if (!r || typeof r !== "object" || typeof r.urn !== "string" || typeof r.type !== "string") {
            throw new InputError(origin, `resource #${i + 1} has no urn or type`);
        }
        if (r.delete === true || r.pendingReplacement === true) {
            continue;
        }
        const urn = r.urn;
        const earlier = seen.get(urn);
        if (earlier !== undefined) {
            throw new InputError(
                origin,
                `resource #${i + 1} has the same URN as resource #${earlier} (${urn}); a state file lists each resource once`,
            );
        }
        seen.set(urn, i + 1);
        const name = urn.split("::").pop() ?? urn;
        const pd: Record<string, string[]> = {};
        if (r.propertyDependencies && typeof r.propertyDependencies === "object") {
            for (const [k, v] of Object.entries(r.propertyDependencies as Record<string, unknown>)) {
                setOwn(pd, k, strings(v));
            }
        }
        const timeouts = r.customTimeouts as { create?: number; update?: number; delete?: number } | undefined;
        const bag = (key: "inputs" | "outputs"): WireObject => {
            const v = r[key] ?? {};
            try {
                const out = fromStateValue(v, counter, 0, key);
                return out !== null && typeof out === "object" && !Array.isArray(out) ? out : {};
            } catch (e) {
                if (e instanceof ValueProblem) {
                    throw new InputError(origin, `resource #${i + 1} (${urn}): ${e.message}`);
                }
                throw e;
            }
        };
        resources.push({
            urn,
            type: r.type,
            name,
            custom: r.custom === true,
            ...(typeof r.id === "string" ? { id: r.id } : {}),
            ...(typeof r.parent === "string" ? { parent: r.parent } : {}),
            ...(typeof r.provider === "string" ? { provider: r.provider } : {}),
            inputs: bag("inputs"),
            outputs: bag("outputs"),
            dependencies: strings(r.dependencies),
            propertyDependencies: pd,
            protect: r.protect === true,
            ignoreChanges: strings(r.ignoreChanges),
            additionalSecretOutputs: strings(r.additionalSecretOutputs),
            aliases: strings(r.aliases),
            ...(timeouts && typeof timeouts === "object" ? { customTimeouts: timeouts } : {}),
            external: r.external === true,
        });
    }
    const root = resources.find((r) => r.type === "pulumi:pulumi:Stack");
    const parts = (root?.urn ?? resources[0]?.urn ?? "").split("::");
    return {
        project: parts[1] ?? "project",
        stack: (parts[0] ?? "").replace(/^urn:pulumi:/, "") || "stack",
        resources: engineOrder(resources),
        encryptedSecrets: counter.encrypted,
        warnings: danglingReferences(resources, origin),
    };
}

const fileKinds: [(s: fs.Stats) => boolean, string][] = [
    [(s) => s.isDirectory(), "a directory"],
    [(s) => s.isFIFO(), "a named pipe"],
    [(s) => s.isCharacterDevice(), "a character device"],
    [(s) => s.isBlockDevice(), "a block device"],
    [(s) => s.isSocket(), "a socket"],
];

function cannotRead(file: string, e: unknown): InputError {
    const code = (e as NodeJS.ErrnoException).code;
    return new InputError(file, code === "ENOENT" ? "no such file" : `cannot read (${code ?? (e as Error).message})`);
}

export function readStateFile(file: string): StateFile {
    let fd: number;
    try {
        // Non-blocking, so that opening a named pipe does not wait for a writer; only regular files pass.
        fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
    } catch (e) {
        throw cannotRead(file, e);
    }
    let doc: unknown;
    try {
        const st = fs.fstatSync(fd);
        if (!st.isFile()) {
            const kind = fileKinds.find(([test]) => test(st))?.[1] ?? "not a regular file";
            throw new InputError(
                file,
                `not a regular file (${kind}); --file takes a state file written by pulumi stack export`,
            );
        }
        const limit = maxStateBytes();
        if (st.size > limit) {
            throw new InputError(
                file,
                `${(st.size / 1024 / 1024).toFixed(0)} MiB, over the ${limit / 1024 / 1024} MiB limit for state files (set AIGUARD_MAX_STATE_MB to raise it)`,
            );
        }
        // The text is not kept in a variable: it can be collected as soon as it is parsed.
        doc = parseJson(fs.readFileSync(fd, "utf8"), file);
    } catch (e) {
        throw e instanceof InputError ? e : cannotRead(file, e);
    } finally {
        fs.closeSync(fd);
    }
    return stateOfDocument(doc, file);
}
