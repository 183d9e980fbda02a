// Launches a policy pack the way `pulumi preview --policy-pack` does: the Node language host runs
// `@pulumi/pulumi/cmd/run-policy-pack` with the engine address and the pack directory, cwd = pack
// directory, the engine's environment plus the PULUMI_NODEJS_* variables. The first stdout line is
// the port. The pack runs in its own process group, which is SIGINTed on close and killed on every
// other way out, so no pack outlives the harness. If the harness dies without a chance to clean up
// (SIGKILL), a watchdog preloaded into the pack sees a pipe from the harness close and ends the pack.

import { type ChildProcess, spawn } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { InputError, keyErrorLine } from "./errors";

export interface PackLaunch {
    readonly packDir: string;
    readonly project: string;
    readonly stack: string;
    readonly organization?: string;
    readonly dryRun: boolean;
    /** Stack config as the engine passes it: `namespace:key` to string. */
    readonly config?: Readonly<Record<string, string>>;
    /** Extra environment, e.g. for the tests. */
    readonly env?: Readonly<Record<string, string>>;
    /** Milliseconds to wait for the port. */
    readonly startTimeoutMs?: number;
    /** Deadline of each call to the pack, in milliseconds. */
    readonly callTimeoutMs?: number;
}

export interface PackProcess {
    readonly port: number;
    readonly pid: number;
    /** Milliseconds from spawn to the port line. */
    readonly startMs: number;
    /** What the pack wrote to stderr so far (and stdout after the port line), its last `maxOutputChars`. */
    output(): string;
    close(): Promise<void>;
}

// The engine does not pass a dialable address to packs; run-policy-pack discards it.
const unusedEngineAddress = "127.0.0.1:1";
const closeGraceMs = 5000;
/** Only the tail of what a pack writes is kept: enough for its error, bounded whatever it prints. */
export const maxOutputChars = 64 * 1024;
const live = new Set<ChildProcess>();

/** Appends to a bounded tail. */
export function appendTail(tail: string, more: string, max = maxOutputChars): string {
    if (more.length >= max) {
        return more.slice(more.length - max);
    }
    const joined = tail + more;
    return joined.length > max ? joined.slice(joined.length - max) : joined;
}

/** Kills every pack this process started, at once (for signal handlers and exits). */
export function killAllPacks(): void {
    for (const child of live) {
        killGroup(child, "SIGKILL");
    }
}

// The watchdog is compiled next to this file; tests that run the sources use the built copy.
function watchdogScript(): string | undefined {
    const candidates = [
        path.join(__dirname, "pack-watchdog.js"),
        path.resolve(__dirname, "..", "dist", "harness", "pack-watchdog.js"),
    ];
    return candidates.find((c) => fs.existsSync(c));
}

function withPreload(nodeOptions: string | undefined, script: string): string {
    const quoted = `"${script.replace(/(["\\])/g, "\\$1")}"`;
    return [nodeOptions, `--require ${quoted}`].filter(Boolean).join(" ");
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
    if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) {
        return;
    }
    try {
        process.kill(-child.pid, signal);
    } catch {
        // Already gone.
    }
}

process.once("exit", killAllPacks);

export function runPolicyPackScript(packDir: string): string {
    try {
        return require.resolve("@pulumi/pulumi/cmd/run-policy-pack/index.js", { paths: [packDir] });
    } catch {
        throw new InputError(packDir, "@pulumi/pulumi is not installed for this policy pack (run npm install)");
    }
}

export async function startPack(launch: PackLaunch): Promise<PackProcess> {
    const packDir = path.resolve(launch.packDir);
    const script = runPolicyPackScript(packDir);
    const env: Record<string, string> = {
        ...(process.env as Record<string, string>),
        PULUMI_NODEJS_PROJECT: launch.project,
        PULUMI_NODEJS_STACK: launch.stack,
        PULUMI_NODEJS_ORGANIZATION: launch.organization ?? "organization",
        PULUMI_NODEJS_DRY_RUN: String(launch.dryRun),
        PULUMI_NODEJS_TYPESCRIPT: "true",
        PULUMI_CONFIG: JSON.stringify(launch.config ?? {}),
        ...(launch.env ?? {}),
    };
    // Same argv, cwd and variables as under the CLI; the watchdog rides in NODE_OPTIONS, and fd 3 is
    // the pipe it watches.
    const watchdog = watchdogScript();
    if (watchdog) {
        env.NODE_OPTIONS = withPreload(env.NODE_OPTIONS, watchdog);
        env.AIGUARD_PARENT_PIPE_FD = "3";
    }
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, [script, unusedEngineAddress, packDir], {
        cwd: packDir,
        env,
        detached: true,
        stdio: ["ignore", "pipe", "pipe", watchdog ? "pipe" : "ignore"],
    });
    live.add(child);
    child.once("exit", () => live.delete(child));
    // The harness never reads or writes fd 3; it only holds it open. It must not keep us alive.
    const lifeline = child.stdio[3] as (NodeJS.ReadableStream & { unref?: () => void }) | null;
    lifeline?.on("error", () => {});
    lifeline?.unref?.();

    let output = "";
    child.stderr?.setEncoding("utf8").on("data", (d: string) => {
        output = appendTail(output, d);
    });

    const port = await new Promise<number>((resolve, reject) => {
        let stdout = "";
        let settled = false;
        const finish = (err: Error | undefined, value?: number) => {
            if (settled) {
                return;
            }
            settled = true;
            clearTimeout(timer);
            if (err) {
                killGroup(child, "SIGKILL");
                reject(err);
            } else {
                resolve(value as number);
            }
        };
        const timer = setTimeout(
            () =>
                finish(
                    new InputError(
                        packDir,
                        `policy pack did not report its port within ${launch.startTimeoutMs ?? 60000} ms${tail(output)}`,
                    ),
                ),
            launch.startTimeoutMs ?? 60000,
        );
        child.stdout?.setEncoding("utf8").on("data", (d: string) => {
            if (settled) {
                output = appendTail(output, d);
                return;
            }
            stdout += d;
            const nl = stdout.indexOf("\n");
            if (nl < 0) {
                if (stdout.length > 4096) {
                    finish(
                        new InputError(
                            packDir,
                            `policy pack wrote an invalid port to stdout: ${JSON.stringify(stdout.slice(0, 200))}`,
                        ),
                    );
                }
                return;
            }
            const first = stdout.slice(0, nl).trim();
            output = appendTail(output, stdout.slice(nl + 1));
            const n = Number(first);
            if (!/^\d+$/.test(first) || n <= 0 || n > 65535) {
                finish(
                    new InputError(
                        packDir,
                        `policy pack wrote an invalid port to stdout: ${JSON.stringify(first.slice(0, 200))}`,
                    ),
                );
            } else {
                finish(undefined, n);
            }
        });
        child.once("error", (e) => finish(new InputError(packDir, `cannot start the policy pack: ${e.message}`)));
        // "close" rather than "exit": it fires after stderr is drained, so the error text is complete.
        child.once("close", (code, signal) =>
            finish(
                new InputError(
                    packDir,
                    `policy pack exited before serving (${signal ?? `exit code ${code}`})${tail(output)}`,
                ),
            ),
        );
    });
    const startMs = Number(process.hrtime.bigint() - started) / 1e6;

    return {
        port,
        pid: child.pid as number,
        startMs,
        output: () => output,
        close: () => closeChild(child),
    };
}

function closeChild(child: ChildProcess): Promise<void> {
    if (child.exitCode !== null || child.signalCode !== null) {
        return Promise.resolve();
    }
    return new Promise((resolve) => {
        const hard = setTimeout(() => killGroup(child, "SIGKILL"), closeGraceMs);
        child.once("exit", () => {
            clearTimeout(hard);
            resolve();
        });
        killGroup(child, "SIGINT");
    });
}

function tail(output: string): string {
    const key = keyErrorLine(output);
    return key ? `: ${key}` : "";
}
