import { captureProgram, TypeCheckFailure } from "../../harness/capture/capture";
import { UsageError } from "../../harness/errors";
import type { Io } from "../io";
import type { RunOptions } from "../options";
import { programDigests } from "../provenance";
import { evaluateAndReport } from "./evaluate";

export interface PreviewOptions {
    readonly stack: string;
    /** Stop the program after this many seconds. */
    readonly timeoutSeconds?: number;
}

export async function preview(
    dir: string,
    previewOptions: PreviewOptions,
    options: RunOptions,
    io: Io,
): Promise<number> {
    const startedAt = new Date();
    const { stack, timeoutSeconds } = previewOptions;
    let captured: Awaited<ReturnType<typeof captureProgram>>;
    try {
        captured = await captureProgram(dir, {
            stack,
            ...(timeoutSeconds !== undefined ? { timeoutMs: timeoutSeconds * 1000 } : {}),
            onWarning: (message) => io.stderr(`warning: ${message}\n`),
        });
    } catch (e) {
        if (e instanceof TypeCheckFailure) {
            // One line per type error, `file:line: message`, as pulumi preview stops on them.
            for (const line of e.lines) {
                io.stderr(`aiguard: ${line}\n`);
            }
            return 2;
        }
        throw e;
    }
    return evaluateAndReport(
        {
            mode: "preview",
            project: captured.program.project,
            stack,
            resources: captured.resources,
            config: captured.config,
            startedAt,
            inputs: programDigests(captured.program.dir),
        },
        options,
        io,
    );
}

/** `--timeout SECONDS`: a positive number. */
export function parseTimeout(value: string): number {
    const n = Number(value);
    if (!/^\d+(\.\d+)?$/.test(value.trim()) || !Number.isFinite(n) || n <= 0) {
        throw new UsageError(`--timeout must be a positive number of seconds, not '${value}'`);
    }
    return n;
}
