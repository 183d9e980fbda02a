// Offline stand-in for the program side of `pulumi preview`: finds the program from Pulumi.yaml,
// runs it under mocks in a worker process, and converts what it registered into the resources the
// engine would send the analyzer (engine URNs, default providers, resource references as IDs).

import { type ChildProcess, spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as yaml from "js-yaml";
import { InputError, keyErrorLine } from "../errors";
import {
    engineUrn,
    type ResourceSnapshot,
    resourceRefSig,
    unknownString,
    type WireObject,
    type WireValue,
} from "../model";
import type { CapturedRegistration, CaptureRequest, CaptureResult, ProgramSite } from "./protocol";
import type { TypeDiagnostic } from "./typecheck";

export interface ProgramInfo {
    readonly dir: string;
    readonly project: string;
    readonly entry: string;
    /** The `config:` block of Pulumi.yaml, as written. */
    readonly projectConfig?: Readonly<Record<string, unknown>>;
    /** Where the stack files are: `stackConfigDir` of Pulumi.yaml, else the program directory. */
    readonly stackConfigDir?: string;
}

export interface CaptureOptions {
    readonly stack: string;
    readonly organization?: string;
    /** Extra config on top of Pulumi.<stack>.yaml, `namespace:key` to value. */
    readonly config?: Readonly<Record<string, string>>;
    /** Stop the program after this long (default 120 s). */
    readonly timeoutMs?: number;
    /** Type-check a TypeScript program as `pulumi preview` does (default true). */
    readonly typeCheck?: boolean;
    /** Told each thing an offline preview cannot do as the real one would, once, as it is found. */
    readonly onWarning?: (message: string) => void;
}

export interface Captured {
    readonly program: ProgramInfo;
    readonly resources: ResourceSnapshot[];
    readonly config: Record<string, string>;
    readonly programMs: number;
    readonly captureMs: number;
    /** Every warning given to onWarning. */
    readonly warnings: string[];
}

export const defaultTimeoutMs = 120_000;

/** The program's run was stopped at the deadline. */
export class CaptureTimeout extends InputError {}

/** The program does not type-check: one line per error, `file:line: message`. */
export class TypeCheckFailure extends InputError {
    constructor(readonly lines: readonly string[]) {
        super(lines[0]?.split(": ")[0] ?? "program", "the program does not type-check");
        this.message = lines.join("\n");
    }
}

function readYaml(file: string): unknown {
    try {
        return yaml.load(fs.readFileSync(file, "utf8"));
    } catch (e) {
        throw new InputError(file, `cannot read YAML: ${(e as Error).message.split("\n")[0]}`);
    }
}

export function findProgram(dir: string): ProgramInfo {
    const programDir = path.resolve(dir);
    if (!fs.existsSync(programDir) || !fs.statSync(programDir).isDirectory()) {
        throw new InputError(dir, "no such directory");
    }
    const projectFile = ["Pulumi.yaml", "Pulumi.yml"]
        .map((f) => path.join(programDir, f))
        .find((f) => fs.existsSync(f));
    if (!projectFile) {
        throw new InputError(dir, "no Pulumi.yaml here: not a Pulumi program directory");
    }
    const doc = readYaml(projectFile) as Record<string, unknown> | null;
    if (!doc || typeof doc !== "object" || typeof doc.name !== "string") {
        throw new InputError(projectFile, "missing the project name");
    }
    const runtime =
        typeof doc.runtime === "string" ? doc.runtime : (doc.runtime as { name?: string } | undefined)?.name;
    if (runtime !== "nodejs") {
        throw new InputError(projectFile, `runtime is '${runtime ?? "unset"}'; only nodejs programs can be previewed`);
    }
    const main = typeof doc.main === "string" ? path.resolve(programDir, doc.main) : programDir;
    const entry = resolveEntry(main);
    if (!entry) {
        throw new InputError(
            projectFile,
            `cannot find the program's entry point under ${path.relative(process.cwd(), main) || "."}`,
        );
    }
    const projectConfig =
        doc.config !== null && typeof doc.config === "object" && !Array.isArray(doc.config)
            ? (doc.config as Record<string, unknown>)
            : undefined;
    const stackConfigDir =
        typeof doc.stackConfigDir === "string" ? path.resolve(programDir, doc.stackConfigDir) : undefined;
    return {
        dir: programDir,
        project: doc.name,
        entry,
        ...(projectConfig ? { projectConfig } : {}),
        ...(stackConfigDir ? { stackConfigDir } : {}),
    };
}

function resolveEntry(main: string): string | undefined {
    if (fs.existsSync(main) && fs.statSync(main).isFile()) {
        return main;
    }
    if (fs.existsSync(main) && fs.statSync(main).isDirectory()) {
        const pkgFile = path.join(main, "package.json");
        if (fs.existsSync(pkgFile)) {
            const pkg = JSON.parse(fs.readFileSync(pkgFile, "utf8"));
            if (typeof pkg.main === "string") {
                const fromPkg = resolveEntry(path.resolve(main, pkg.main));
                if (fromPkg) {
                    return fromPkg;
                }
            }
        }
        for (const candidate of ["index.ts", "index.js"]) {
            const file = path.join(main, candidate);
            if (fs.existsSync(file)) {
                return file;
            }
        }
    }
    for (const ext of [".ts", ".js"]) {
        if (fs.existsSync(main + ext)) {
            return main + ext;
        }
    }
    return undefined;
}

/** The engine's marker for an unknown value; a secure config value offline is an unknown secret. */
const unknownConfigValue = unknownString;

function configText(value: unknown): string {
    return typeof value === "string" ? value : JSON.stringify(value);
}

/** Replaces `{ secure: ... }` values (at any depth) with the unknown marker; true when one was found. */
function withoutSecure(value: unknown): { value: unknown; secure: boolean } {
    if (value !== null && typeof value === "object") {
        if (!Array.isArray(value) && Object.keys(value).length === 1 && "secure" in value) {
            return { value: unknownConfigValue, secure: true };
        }
        let secure = false;
        const out: Record<string, unknown> | unknown[] = Array.isArray(value) ? [] : {};
        for (const [k, v] of Object.entries(value)) {
            const inner = withoutSecure(v);
            secure ||= inner.secure;
            (out as Record<string, unknown>)[k] = inner.value;
        }
        return { value: out, secure };
    }
    return { value, secure: false };
}

const projectConfigAttributes = new Set(["type", "description", "default", "value", "secret", "items"]);

export interface LoadedConfig {
    readonly config: Record<string, string>;
    readonly secretKeys: string[];
    /** Things of the config an offline preview cannot use, one message each. */
    readonly warnings: string[];
}

/**
 * The config a program sees, as the Pulumi CLI assembles it: project-level `config:` of Pulumi.yaml
 * (a value, or `{ value | default, type, description, secret }`), overridden by the stack file
 * Pulumi.<stack>.yaml. Keys without a namespace belong to the project. Encrypted (`secure:`) values
 * cannot be decrypted offline: the program sees them as unknown secrets.
 */
export function loadStackConfig(program: ProgramInfo, stack: string): LoadedConfig {
    const config: Record<string, string> = {};
    const secretKeys = new Set<string>();
    const warnings: string[] = [];
    const qualify = (key: string) => (key.includes(":") ? key : `${program.project}:${key}`);

    for (const [rawKey, spec] of Object.entries(program.projectConfig ?? {})) {
        const key = qualify(rawKey);
        const long =
            spec !== null &&
            typeof spec === "object" &&
            !Array.isArray(spec) &&
            Object.keys(spec).length > 0 &&
            Object.keys(spec).every((k) => projectConfigAttributes.has(k));
        if (!long) {
            config[key] = configText(spec);
            continue;
        }
        const s = spec as { value?: unknown; default?: unknown; secret?: unknown };
        const value = s.value !== undefined ? s.value : s.default;
        if (value !== undefined && value !== null) {
            config[key] = configText(value);
            if (s.secret === true) {
                secretKeys.add(key);
            }
        }
    }

    const file = path.join(program.stackConfigDir ?? program.dir, `Pulumi.${stack}.yaml`);
    if (!fs.existsSync(file)) {
        return { config, secretKeys: [...secretKeys], warnings };
    }
    const shown = path.relative(process.cwd(), file) || file;
    const doc = readYaml(file) as Record<string, unknown> | null;
    const secure: string[] = [];
    for (const [rawKey, raw] of Object.entries((doc?.config as Record<string, unknown> | undefined) ?? {})) {
        const key = qualify(rawKey);
        const { value, secure: isSecure } = withoutSecure(raw);
        config[key] = configText(value);
        if (isSecure) {
            secure.push(key);
            secretKeys.add(key);
        } else {
            secretKeys.delete(key);
        }
    }
    const environment = doc?.environment;
    if (environment !== undefined && environment !== null) {
        const imports = Array.isArray(environment)
            ? environment
            : ((environment as { imports?: unknown }).imports ?? environment);
        const names = (Array.isArray(imports) ? imports : [imports])
            .map((i) => (typeof i === "string" ? i : JSON.stringify(i)))
            .join(", ");
        warnings.push(
            `${shown}: the ESC environment (${names}) is not available offline: config, secrets and environment variables it provides are missing`,
        );
    }
    const provider = doc?.secretsprovider;
    if (provider !== undefined || doc?.encryptedkey !== undefined) {
        warnings.push(
            `${shown}: the secrets provider${typeof provider === "string" ? ` (${provider.replace(/\?.*$/, "")})` : ""} is not available offline: encrypted values cannot be decrypted`,
        );
    }
    if (secure.length > 0) {
        warnings.push(
            `${shown} holds ${secure.length} encrypted secret(s) (${secure.join(", ")}); offline the program sees them as unknown secrets and checks that need them decide as unknown`,
        );
    }
    return { config, secretKeys: [...secretKeys], warnings };
}

/** Go duration ("5m", "1h30m", "90s") to seconds, as the engine records custom timeouts. */
export function durationSeconds(d: string): number {
    let total = 0;
    for (const [, n, unit] of d.matchAll(/([\d.]+)(h|m|s|ms)/g)) {
        const v = Number(n);
        total += unit === "h" ? v * 3600 : unit === "m" ? v * 60 : unit === "s" ? v : v / 1000;
    }
    return total;
}

/** The compiled worker: beside this module in dist/, or in dist/ when this module runs from source. */
function workerScript(): string {
    const beside = path.join(__dirname, "worker.js");
    if (fs.existsSync(beside)) {
        return beside;
    }
    const built = path.join(__dirname, "..", "..", "dist", "harness", "capture", "worker.js");
    if (fs.existsSync(built)) {
        return built;
    }
    throw new InputError(beside, "the capture worker is not built (run npm run build)");
}

/** How much of the program's stderr is kept to explain a crash: its end, where the error is. */
const stderrKeepBytes = 64 * 1024;

/** Running capture workers, so a command that is stopped can stop them too. */
const runningWorkers = new Set<ChildProcess>();

/** Kills every running capture worker (their process groups) now. */
export function stopCaptureWorkers(): void {
    for (const child of runningWorkers) {
        killGroup(child);
    }
}

function killGroup(child: ChildProcess): void {
    try {
        process.kill(-(child.pid as number), "SIGKILL");
    } catch {
        try {
            child.kill("SIGKILL");
        } catch {}
    }
}

function seconds(ms: number): string {
    return `${Number((ms / 1000).toFixed(3))} s`;
}

function runWorker(request: CaptureRequest, timeoutMs: number): Promise<CaptureResult> {
    const worker = workerScript();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aiguard-capture-"));
    const removeDir = () => fs.rmSync(dir, { recursive: true, force: true });
    const requestFile = path.join(dir, "request.json");
    const resultFile = path.join(dir, "result.json");
    let child: ChildProcess;
    try {
        fs.writeFileSync(requestFile, JSON.stringify(request));
        child = spawn(process.execPath, [worker, requestFile, resultFile], {
            cwd: request.programDir,
            // Program output is the program's business; keep stdout for our report. The IPC channel
            // tells the worker when this process is gone.
            stdio: ["ignore", "ignore", "pipe", "ipc"],
            detached: true,
            env: { ...process.env, PULUMI_NODEJS_STACK: request.stack, PULUMI_NODEJS_PROJECT: request.project },
        });
    } catch (e) {
        removeDir();
        throw new InputError(request.programDir, `cannot run the program: ${(e as Error).message}`);
    }
    runningWorkers.add(child);
    return new Promise<CaptureResult>((resolve, reject) => {
        // Only the end of stderr is kept: a program may write without bound.
        let stderr = "";
        child.stderr?.setEncoding("utf8").on("data", (d: string) => {
            stderr = (stderr + d).slice(-stderrKeepBytes);
        });
        let timedOut = false;
        const timer = setTimeout(() => {
            timedOut = true;
            killGroup(child);
        }, timeoutMs);
        const done = () => {
            clearTimeout(timer);
            runningWorkers.delete(child);
        };
        child.once("error", (e) => {
            done();
            killGroup(child);
            removeDir();
            reject(new InputError(request.programDir, `cannot run the program: ${e.message}`));
        });
        // The program's children, if it started any, go with the worker's group, so its stderr closes.
        child.once("exit", () => killGroup(child));
        // "close" comes after the last of stderr, which explains a crash.
        child.once("close", (code, signal) => {
            done();
            try {
                if (timedOut) {
                    resolve({ ok: false, error: "the program did not finish in time", timedOut: true });
                } else if (fs.existsSync(resultFile)) {
                    resolve(JSON.parse(fs.readFileSync(resultFile, "utf8")));
                } else {
                    const key = keyErrorLine(stderr);
                    resolve({
                        ok: false,
                        error: `the program exited (${signal ?? `code ${code}`})${key ? `: ${key}` : ""}`,
                    });
                }
            } catch (e) {
                reject(new InputError(request.programDir, `cannot read the program's result: ${(e as Error).message}`));
            } finally {
                removeDir();
            }
        });
    });
}

/** Converts SDK wire values to what the engine sends: resource references become IDs (or URNs). */
function toEngineValue(v: unknown, urnMap: ReadonlyMap<string, string>): WireValue {
    if (v === null || typeof v === "boolean" || typeof v === "number" || typeof v === "string") {
        return v;
    }
    if (Array.isArray(v)) {
        return v.map((e) => toEngineValue(e, urnMap));
    }
    if (typeof v === "object") {
        const o = v as Record<string, unknown>;
        if (o["4dabf18193072939515e22adb298388d"] === resourceRefSig) {
            if ("id" in o) {
                return typeof o.id === "string" && o.id !== "" ? o.id : unknownString;
            }
            return urnMap.get(String(o.urn)) ?? String(o.urn);
        }
        const out: WireObject = {};
        for (const [k, e] of Object.entries(o)) {
            if (e !== undefined) {
                out[k] = toEngineValue(e, urnMap);
            }
        }
        return out;
    }
    return null;
}

function defaultProviderName(version: string | undefined): string {
    return version ? `default_${version.replace(/[.\-+]/g, "_")}` : "default";
}

export function toSnapshots(
    registrations: readonly CapturedRegistration[],
    project: string,
    stack: string,
    config: Readonly<Record<string, string>>,
): ResourceSnapshot[] {
    const urnMap = new Map<string, string>();
    const out: ResourceSnapshot[] = [];
    const defaultProviders = new Map<string, string>();
    const mapUrns = (urns: readonly string[]) => urns.map((u) => urnMap.get(u) ?? u);

    const providerRefFor = (r: CapturedRegistration): string | undefined => {
        if (r.provider) {
            const sep = r.provider.lastIndexOf("::");
            const urn = r.provider.slice(0, sep);
            const id = r.provider.slice(sep + 2);
            return `${urnMap.get(urn) ?? urn}::${id || unknownString}`;
        }
        if (!r.custom || r.type.startsWith("pulumi:providers:")) {
            return undefined;
        }
        const pkg = r.type.split(":")[0] as string;
        const name = defaultProviderName(r.version);
        const key = `${pkg}::${name}`;
        let urn = defaultProviders.get(key);
        if (!urn) {
            urn = engineUrn(stack, project, `pulumi:providers:${pkg}`, name);
            defaultProviders.set(key, urn);
            const inputs: WireObject = {};
            for (const [k, v] of Object.entries(config)) {
                if (k.startsWith(`${pkg}:`)) {
                    inputs[k.slice(pkg.length + 1)] = v;
                }
            }
            if (r.version) {
                inputs.version = r.version;
            }
            out.push({
                urn,
                type: `pulumi:providers:${pkg}`,
                name,
                custom: true,
                inputs,
                outputs: inputs,
                dependencies: [],
                propertyDependencies: {},
            });
        }
        return `${urn}::${unknownString}`;
    };

    for (const r of registrations) {
        const parent = r.parent ? urnMap.get(r.parent) : undefined;
        const urn = engineUrn(stack, project, r.type, r.name, parent);
        urnMap.set(r.mockUrn, urn);
        const provider = providerRefFor(r);
        const pd: Record<string, string[]> = {};
        for (const [k, urns] of Object.entries(r.propertyDependencies)) {
            pd[k] = mapUrns(urns);
        }
        const timeouts = r.customTimeouts;
        out.push({
            urn,
            type: r.type,
            name: r.name,
            custom: r.custom,
            ...(parent ? { parent } : {}),
            ...(provider ? { provider } : {}),
            inputs: toEngineValue(r.inputs, urnMap) as WireObject,
            outputs: toEngineValue(r.outputs, urnMap) as WireObject,
            dependencies: mapUrns(r.dependencies),
            propertyDependencies: pd,
            protect: r.protect ?? false,
            ignoreChanges: r.ignoreChanges,
            ...(r.deleteBeforeReplace !== undefined ? { deleteBeforeReplace: r.deleteBeforeReplace } : {}),
            additionalSecretOutputs: r.additionalSecretOutputs,
            aliases: r.aliasUrns,
            ...(timeouts && (timeouts.create || timeouts.update || timeouts.delete)
                ? {
                      customTimeouts: {
                          create: durationSeconds(timeouts.create),
                          update: durationSeconds(timeouts.update),
                          delete: durationSeconds(timeouts.delete),
                      },
                  }
                : {}),
            external: r.external,
            ...(r.site ? { source: { file: r.site.file, line: r.site.line } } : {}),
        });
    }
    return out;
}

function shownPath(file: string): string {
    return path.relative(process.cwd(), file) || file;
}

function siteText(entry: string, site: ProgramSite | undefined): string {
    return site ? `${shownPath(site.file)}:${site.line}` : shownPath(entry);
}

function typeErrorLine(program: ProgramInfo, e: TypeDiagnostic): string {
    if (!e.file) {
        return `${shownPath(path.join(program.dir, process.env.PULUMI_NODEJS_TSCONFIG_PATH ?? "tsconfig.json"))}: ${e.message}`;
    }
    return `${shownPath(e.file)}${e.line ? `:${e.line}` : ""}: ${e.message}`;
}

export async function captureProgram(dir: string, options: CaptureOptions): Promise<Captured> {
    const started = Date.now();
    const warnings: string[] = [];
    const warn = (message: string) => {
        warnings.push(message);
        options.onWarning?.(message);
    };
    const program = findProgram(dir);
    const loaded = loadStackConfig(program, options.stack);
    loaded.warnings.forEach(warn);
    const config = { ...loaded.config, ...(options.config ?? {}) };
    const timeoutMs = options.timeoutMs ?? defaultTimeoutMs;
    const result = await runWorker(
        {
            programDir: program.dir,
            entry: program.entry,
            project: program.project,
            stack: options.stack,
            organization: options.organization ?? "organization",
            config,
            secretKeys: loaded.secretKeys,
            typeCheck: options.typeCheck ?? true,
        },
        timeoutMs,
    );
    for (const token of result.unansweredInvokes ?? []) {
        warn(
            `the program calls ${token}, which an offline preview cannot answer; its result is unknown, so checks that depend on it are undecided`,
        );
    }
    if (!result.ok) {
        if (result.typeErrors && result.typeErrors.length > 0) {
            throw new TypeCheckFailure(result.typeErrors.map((e) => typeErrorLine(program, e)));
        }
        if (result.timedOut) {
            throw new CaptureTimeout(
                shownPath(program.entry),
                `the program did not finish within ${seconds(timeoutMs)} (--timeout); it was stopped`,
            );
        }
        throw new InputError(siteText(program.entry, result.site), `the program failed: ${result.error}`);
    }
    return {
        program,
        resources: toSnapshots(result.registrations, program.project, options.stack, config),
        config,
        programMs: result.programMs,
        captureMs: Date.now() - started,
        warnings,
    };
}
