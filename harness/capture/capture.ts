// Offline stand-in for the program side of `pulumi preview`: finds the program from Pulumi.yaml,
// runs it under mocks in a worker process, and converts what it registered into the resources the
// engine would send the analyzer (engine URNs, default providers, resource references as IDs).

import { spawn } from "node:child_process";
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
import type { CapturedRegistration, CaptureRequest, CaptureResult } from "./protocol";

export interface ProgramInfo {
    readonly dir: string;
    readonly project: string;
    readonly entry: string;
}

export interface CaptureOptions {
    readonly stack: string;
    readonly organization?: string;
    /** Extra config on top of Pulumi.<stack>.yaml, `namespace:key` to value. */
    readonly config?: Readonly<Record<string, string>>;
    readonly timeoutMs?: number;
}

export interface Captured {
    readonly program: ProgramInfo;
    readonly resources: ResourceSnapshot[];
    readonly config: Record<string, string>;
    readonly programMs: number;
    readonly captureMs: number;
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
    return { dir: programDir, project: doc.name, entry };
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

export function loadStackConfig(
    program: ProgramInfo,
    stack: string,
): { config: Record<string, string>; secretKeys: string[] } {
    const file = path.join(program.dir, `Pulumi.${stack}.yaml`);
    const config: Record<string, string> = {};
    if (!fs.existsSync(file)) {
        return { config, secretKeys: [] };
    }
    const doc = readYaml(file) as { config?: Record<string, unknown> } | null;
    for (const [rawKey, value] of Object.entries(doc?.config ?? {})) {
        const key = rawKey.includes(":") ? rawKey : `${program.project}:${rawKey}`;
        if (value !== null && typeof value === "object" && "secure" in (value as object)) {
            throw new InputError(
                file,
                `config '${key}' is encrypted; an offline preview cannot decrypt it, so give it in plain text`,
            );
        }
        config[key] = typeof value === "string" ? value : JSON.stringify(value);
    }
    return { config, secretKeys: [] };
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

function runWorker(request: CaptureRequest, timeoutMs: number): Promise<CaptureResult> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aiguard-capture-"));
    const requestFile = path.join(dir, "request.json");
    const resultFile = path.join(dir, "result.json");
    fs.writeFileSync(requestFile, JSON.stringify(request));
    const worker = workerScript();
    return new Promise<CaptureResult>((resolve, reject) => {
        const child = spawn(process.execPath, [worker, requestFile, resultFile], {
            cwd: request.programDir,
            // Program output is the program's business; keep stdout for our report.
            stdio: ["ignore", "ignore", "pipe"],
            detached: true,
            env: { ...process.env, PULUMI_NODEJS_STACK: request.stack, PULUMI_NODEJS_PROJECT: request.project },
        });
        let stderr = "";
        child.stderr?.setEncoding("utf8").on("data", (d: string) => {
            stderr += d;
        });
        const timer = setTimeout(() => {
            try {
                process.kill(-(child.pid as number), "SIGKILL");
            } catch {}
        }, timeoutMs);
        child.once("error", (e) => {
            clearTimeout(timer);
            reject(new InputError(request.programDir, `cannot run the program: ${e.message}`));
        });
        child.once("exit", (code, signal) => {
            clearTimeout(timer);
            try {
                if (fs.existsSync(resultFile)) {
                    resolve(JSON.parse(fs.readFileSync(resultFile, "utf8")));
                } else if (signal === "SIGKILL") {
                    resolve({ ok: false, error: `the program did not finish within ${timeoutMs} ms` });
                } else {
                    const key = keyErrorLine(stderr);
                    resolve({
                        ok: false,
                        error: `the program exited (${signal ?? `code ${code}`})${key ? `: ${key}` : ""}`,
                    });
                }
            } finally {
                fs.rmSync(dir, { recursive: true, force: true });
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
        });
    }
    return out;
}

export async function captureProgram(dir: string, options: CaptureOptions): Promise<Captured> {
    const started = Date.now();
    const program = findProgram(dir);
    const { config: fileConfig, secretKeys } = loadStackConfig(program, options.stack);
    const config = { ...fileConfig, ...(options.config ?? {}) };
    const result = await runWorker(
        {
            programDir: program.dir,
            entry: program.entry,
            project: program.project,
            stack: options.stack,
            organization: options.organization ?? "organization",
            config,
            secretKeys,
        },
        options.timeoutMs ?? 300_000,
    );
    if (!result.ok) {
        throw new InputError(
            path.relative(process.cwd(), program.entry) || program.entry,
            `the program failed: ${result.error}`,
        );
    }
    return {
        program,
        resources: toSnapshots(result.registrations, program.project, options.stack, config),
        config,
        programMs: result.programMs,
        captureMs: Date.now() - started,
    };
}
