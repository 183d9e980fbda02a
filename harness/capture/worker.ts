// Runs a Pulumi program under Pulumi's mocks in preview mode, in its own process, and records every
// registration exactly as the program sent it to the (mock) resource monitor. The parent process
// turns the records into what the engine would send the analyzer (see capture.ts).
//
// Usage: node worker.js <request.json> <result.json>
//
// The worker answers the invokes it can answer as the providers would (invokes.ts) and every other
// one with an unknown result; rejects duplicate URNs as the engine does; type-checks a TypeScript
// program in a worker thread while the program runs; and exits by itself, removing its temp folder,
// when the parent goes away.

import { AsyncLocalStorage } from "node:async_hooks";
import * as fs from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { answerInvoke, InvokeFailure, unknownResult } from "./invokes";
import type { CapturedRegistration, CaptureRequest, CaptureResult, ProgramSite } from "./protocol";
import type { TypeCheckResult } from "./typecheck";

const [requestFile, resultFile] = process.argv.slice(2) as [string, string];
const tempDir = path.dirname(resultFile);

// The mock monitor and the protobuf messages it handles have no published types.
// biome-ignore lint/suspicious/noExplicitAny: see above.
type Untyped = any;

let finished = false;
const unansweredInvokes = new Set<string>();

/** Writes the result once and exits; later calls (a second failure, a late success) are ignored. */
function finish(result: CaptureResult, code: number): void {
    if (finished) {
        return;
    }
    finished = true;
    try {
        fs.writeFileSync(resultFile, JSON.stringify(result));
    } catch {}
    process.exit(code);
}

function fail(error: string, site?: ProgramSite): void {
    finish({ ok: false, error, ...(site ? { site } : {}), unansweredInvokes: [...unansweredInvokes] }, 3);
}

/** Exit, and remove the temp folder, as soon as the parent is gone (killed, crashed, exited). */
function watchParent(): void {
    const parent = process.ppid;
    const gone = () => {
        finished = true;
        if (path.basename(tempDir).startsWith("aiguard-capture-")) {
            try {
                fs.rmSync(tempDir, { recursive: true, force: true });
            } catch {}
        }
        process.exit(4);
    };
    if (process.channel) {
        process.on("disconnect", gone);
        process.channel.unref();
    }
    setInterval(() => {
        if (process.ppid !== parent) {
            gone();
        }
    }, 500).unref();
}

// --- where in the program ----------------------------------------------------------------------

let programDir = "";
/** Our own compiled code, which sits inside the program directory when previewing this repository. */
const ownDir = path.resolve(__dirname, "..");

function isProgramFile(file: string): boolean {
    return (
        file.startsWith(programDir + path.sep) &&
        !file.split(path.sep).includes("node_modules") &&
        !file.startsWith(ownDir + path.sep)
    );
}

function fileOf(location: string): string {
    return location.startsWith("file://") ? fileURLToPath(location) : location;
}

/** The first frame of a stack that is in the program (source-mapped to the TypeScript line). */
function siteInStack(stack: string | undefined): ProgramSite | undefined {
    for (const line of (stack ?? "").split("\n")) {
        const m = /\(?((?:file:\/\/)?\/[^()]*?):(\d+):\d+\)?\s*$/.exec(line.trim());
        if (m) {
            const file = fileOf(m[1] as string);
            if (isProgramFile(file)) {
                return { file, line: Number(m[2]) };
            }
        }
    }
    return undefined;
}

/** The first frame of a registration's stack trace that is in the program. */
function siteOfRequest(req: Untyped): ProgramSite | undefined {
    const frames: Untyped[] = req.getStacktrace?.()?.getFramesList?.() ?? [];
    for (const pos of [...frames.map((f) => f.getPc?.()), req.getSourceposition?.()]) {
        const uri: string | undefined = pos?.getUri?.();
        if (uri) {
            const file = fileOf(uri);
            if (isProgramFile(file)) {
                return { file, line: pos.getLine() };
            }
        }
    }
    return undefined;
}

/** The program's call site of the invoke being answered (the SDK calls the mocks asynchronously). */
const invokeSites = new AsyncLocalStorage<ProgramSite | undefined>();
let lastInvokeFailure: { message: string; site: ProgramSite | undefined } | undefined;

function describeError(e: unknown): string {
    if (e instanceof Error) {
        // A Pulumi RunError carries the message the user needs; the stack is noise here.
        return e.message.split("\n")[0] ?? String(e);
    }
    return String(e);
}

/** The type check running beside the program, if any: its errors take precedence over a failed run. */
let pendingTypeCheck: Promise<TypeCheckResult> | undefined;

function typeFailure(r: TypeCheckResult): CaptureResult | undefined {
    return r.checked && r.errors.length > 0
        ? { ok: false, error: "the program does not type-check", typeErrors: r.errors }
        : undefined;
}

let failing = false;

async function failWith(e: unknown): Promise<void> {
    failing = true;
    if (pendingTypeCheck) {
        const failure = typeFailure(await pendingTypeCheck);
        if (failure) {
            finish(failure, 3);
            return;
        }
    }
    const message = describeError(e);
    const site =
        siteInStack(e instanceof Error ? e.stack : undefined) ??
        (lastInvokeFailure && message.includes(lastInvokeFailure.message) ? lastInvokeFailure.site : undefined);
    fail(message, site);
}

// --- TypeScript -----------------------------------------------------------------------------------

function registerTypeScript(dir: string): void {
    let ts: typeof import("typescript");
    try {
        ts = require(require.resolve("typescript", { paths: [dir, __dirname] }));
    } catch {
        throw new Error("the program is TypeScript but the typescript package is not installed");
    }
    const previous = require.extensions[".ts"];
    require.extensions[".ts"] = (module, filename) => {
        if (filename.includes(`${path.sep}node_modules${path.sep}`) && previous) {
            previous(module, filename);
            return;
        }
        const source = fs.readFileSync(filename, "utf8");
        const out = ts.transpileModule(source, {
            fileName: filename,
            compilerOptions: {
                module: ts.ModuleKind.CommonJS,
                target: ts.ScriptTarget.ES2022,
                esModuleInterop: true,
                inlineSourceMap: true,
                inlineSources: true,
            },
        });
        (module as unknown as { _compile(code: string, file: string): void })._compile(out.outputText, filename);
    };
}

function startTypeCheck(request: CaptureRequest): Promise<TypeCheckResult> {
    return new Promise((resolve) => {
        const worker = new Worker(path.join(__dirname, "typecheck.js"), {
            workerData: { kind: "typecheck", programDir: request.programDir, entry: request.entry },
        });
        worker.once("message", (r: TypeCheckResult) => resolve(r));
        worker.once("error", (e) => resolve({ checked: false, reason: `the type checker failed: ${e.message}` }));
        worker.once("exit", () => resolve({ checked: false, reason: "the type checker stopped" }));
    });
}

// --- invokes ---------------------------------------------------------------------------------------

/** The fields of a function's result type, read from its SDK declaration, so all of them are unknown. */
function resultFields(token: string): string[] {
    const [pkg, mod, fn] = token.split(":");
    if (!pkg || mod === undefined || !fn) {
        return [];
    }
    let pkgDir: string;
    try {
        pkgDir = path.dirname(require.resolve(`@pulumi/${pkg}/package.json`, { paths: [programDir] }));
    } catch {
        return [];
    }
    const file = `${fn[0]?.toLowerCase()}${fn.slice(1)}.d.ts`;
    const dirs = mod === "index" ? [""] : [mod, mod.split("/")[0] as string, ""];
    for (const dir of dirs) {
        const candidate = path.join(pkgDir, dir, file);
        if (!fs.existsSync(candidate)) {
            continue;
        }
        const text = fs.readFileSync(candidate, "utf8");
        const start = text.indexOf(`export interface ${fn[0]?.toUpperCase()}${fn.slice(1)}Result {`);
        if (start < 0) {
            continue;
        }
        const body = text.slice(start, text.indexOf("\n}", start));
        return [...body.matchAll(/^ {4}readonly ["']?([\w$-]+)["']?\??:/gm)].map((m) => m[1] as string);
    }
    return [];
}

async function main(): Promise<void> {
    process.setSourceMapsEnabled(true);
    watchParent();
    const request: CaptureRequest = JSON.parse(fs.readFileSync(requestFile, "utf8"));
    programDir = request.programDir;
    const isTypeScript = request.entry.endsWith(".ts");
    // The type check starts first: it takes longer than loading and running most programs.
    const typeChecked = request.typeCheck && isTypeScript ? startTypeCheck(request) : undefined;
    pendingTypeCheck = typeChecked;
    let pulumiDir: string;
    try {
        pulumiDir = path.dirname(require.resolve("@pulumi/pulumi/package.json", { paths: [programDir] }));
    } catch {
        throw new Error("@pulumi/pulumi is not installed for this program (run npm install)");
    }
    // The runtime keeps process-global state, so the copy the mocks configure must be the program's.
    const pulumi: typeof import("@pulumi/pulumi") = require(pulumiDir);
    const settings = require(path.join(pulumiDir, "runtime", "settings"));

    // Type errors end the run as soon as they are known, as ts-node stops before running the program.
    typeChecked?.then((r) => {
        const failure = typeFailure(r);
        if (failure) {
            finish(failure, 3);
        }
    });
    if (isTypeScript) {
        registerTypeScript(programDir);
    }

    const registrations: CapturedRegistration[] = [];
    const defaultRegion =
        request.config["aws:region"] ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? "us-east-1";
    /** The region of the provider an invoke goes to: its own `region`, else the stack's. */
    const awsRegionOf = (providerRef: string | undefined): string => {
        if (providerRef) {
            const urn = providerRef.slice(0, providerRef.lastIndexOf("::"));
            const provider = registrations.find((r) => r.mockUrn === urn);
            const region = provider?.inputs.region;
            if (typeof region === "string" && region !== "") {
                return region;
            }
        }
        return defaultRegion;
    };

    pulumi.runtime.setAllConfig(request.config, request.secretKeys);
    await pulumi.runtime.setMocks(
        {
            newResource: (args) => ({ id: undefined as unknown as string, state: args.inputs }),
            call: (args) => {
                let answer: ReturnType<typeof answerInvoke>;
                try {
                    answer = answerInvoke(args.token, args.inputs, {
                        awsRegion: awsRegionOf(args.provider),
                        config: request.config,
                    });
                } catch (e) {
                    if (e instanceof InvokeFailure) {
                        lastInvokeFailure = { message: e.details, site: invokeSites.getStore() };
                    }
                    throw e;
                }
                if (answer.answered) {
                    return answer.result;
                }
                unansweredInvokes.add(args.token);
                const fields = resultFields(args.token);
                return unknownResult(fields.length > 0 ? fields : ["id"]);
            },
        },
        request.project,
        request.stack,
        true,
        request.organization,
    );

    // Remember where the program calls each invoke, to name that line if the invoke fails.
    const runtime = pulumi.runtime as unknown as Record<string, Untyped>;
    for (const name of ["invoke", "invokeOutput", "invokeSingle", "invokeSingleOutput"]) {
        const original = runtime[name];
        if (typeof original === "function") {
            runtime[name] = (...args: unknown[]) =>
                invokeSites.run(siteInStack(new Error().stack), () => original(...args));
        }
    }

    const outputsByMockUrn = new Map<string, unknown>();
    const seenUrns = new Set<string>();
    // The mocks qualify a child's type with its parent's type only; the engine with the parent's
    // whole qualified type, and not with the root stack's.
    const engineUrns = new Map<string, string>();
    const engineUrnOf = (req: Untyped): string => {
        const parentMock: string = req.getParent();
        const parent = parentMock ? (engineUrns.get(parentMock) ?? parentMock) : undefined;
        let qualified: string = req.getType();
        const parentType = parent?.split("::")[2];
        if (parentType && parentType !== "pulumi:pulumi:Stack") {
            qualified = `${parentType}$${qualified}`;
        }
        return `urn:pulumi:${request.stack}::${request.project}::${qualified}::${req.getName()}`;
    };
    const monitor: Untyped = settings.getMonitor();
    const wrap = (method: "registerResource" | "readResource", external: boolean) => {
        const original = monitor[method].bind(monitor);
        monitor[method] = (req: Untyped, callback: (err: unknown, resp: Untyped) => void) => {
            const urn = engineUrnOf(req);
            if (seenUrns.has(urn)) {
                // The engine refuses a second registration of a URN and the deployment stops.
                fail(`Duplicate resource URN '${urn}'; try giving it a unique name`, siteOfRequest(req));
                return;
            }
            seenUrns.add(urn);
            original(req, (err: unknown, resp: Untyped) => {
                if (!err && resp) {
                    engineUrns.set(resp.getUrn(), urn);
                    const pd: Record<string, string[]> = {};
                    if (!external) {
                        req.getPropertydependenciesMap().forEach((v: { getUrnsList(): string[] }, k: string) => {
                            pd[k] = v.getUrnsList();
                        });
                    }
                    const timeouts = external ? undefined : req.getCustomtimeouts();
                    const site = siteOfRequest(req);
                    registrations.push({
                        mockUrn: resp.getUrn(),
                        type: req.getType(),
                        name: req.getName(),
                        parent: req.getParent() || undefined,
                        custom: external ? true : req.getCustom(),
                        provider: req.getProvider() || undefined,
                        version: req.getVersion() || undefined,
                        inputs: (external ? req.getProperties() : req.getObject())?.toJavaScript() ?? {},
                        outputs: resp.getObject?.()?.toJavaScript() ?? resp.getProperties?.()?.toJavaScript() ?? {},
                        dependencies: external ? [] : req.getDependenciesList(),
                        propertyDependencies: pd,
                        protect: external ? undefined : req.getProtect(),
                        ignoreChanges: external ? [] : req.getIgnorechangesList(),
                        deleteBeforeReplace: external ? undefined : req.getDeletebeforereplace(),
                        additionalSecretOutputs: external ? [] : req.getAdditionalsecretoutputsList(),
                        aliasUrns: external ? [] : req.getAliasurnsList(),
                        customTimeouts: timeouts
                            ? {
                                  create: timeouts.getCreate(),
                                  update: timeouts.getUpdate(),
                                  delete: timeouts.getDelete(),
                              }
                            : undefined,
                        external,
                        ...(site ? { site } : {}),
                    });
                }
                callback(err, resp);
            });
        };
    };
    wrap("registerResource", false);
    wrap("readResource", true);
    const originalOutputs = monitor.registerResourceOutputs.bind(monitor);
    monitor.registerResourceOutputs = (req: Untyped, callback: (err: unknown, resp: unknown) => void) => {
        outputsByMockUrn.set(req.getUrn(), req.getOutputs()?.toJavaScript() ?? {});
        originalOutputs(req, callback);
    };

    const started = Date.now();
    let programError: { error: unknown } | undefined;
    try {
        await pulumi.runtime.runInPulumiStack(async () => {
            const program = require(request.entry);
            const main =
                typeof program === "function"
                    ? program
                    : typeof program?.default === "function"
                      ? program.default
                      : undefined;
            return main ? await main() : program;
        });
        await settings.waitForRPCs();
        // A registration that failed (an input whose apply threw) rejects a promise nobody awaits;
        // Node reports it once the microtasks drain. The language host stays alive for that and fails
        // the program, so wait one turn of the event loop before calling the run a success.
        await new Promise((resolve) => setImmediate(resolve));
    } catch (e) {
        programError = { error: e };
    }
    const programMs = Date.now() - started;

    // A program that does not type-check fails for that reason, whatever its run did.
    const checked = typeChecked ? await typeChecked : undefined;
    const failure = checked ? typeFailure(checked) : undefined;
    if (failure) {
        finish(failure, 3);
        return;
    }
    if (programError) {
        await failWith(programError.error);
        return;
    }
    if (failing) {
        // An unhandled rejection of the program is being reported.
        return;
    }
    for (const r of registrations) {
        const outputs = outputsByMockUrn.get(r.mockUrn);
        if (outputs !== undefined) {
            r.outputs = outputs as Record<string, unknown>;
        }
    }
    finish({ ok: true, registrations, programMs, unansweredInvokes: [...unansweredInvokes] }, 0);
}

process.on("unhandledRejection", (e) => void failWith(e));
process.on("uncaughtException", (e) => void failWith(e));

main().then(
    () => finish({ ok: false, error: "the program ended without a result" }, 3),
    (e) => failWith(e),
);
