import { readStateFile } from "../../harness/state-file";
import type { Io } from "../io";
import type { RunOptions } from "../options";
import { digest } from "../provenance";
import { evaluateAndReport } from "./evaluate";

export async function analyze(file: string, options: RunOptions, io: Io): Promise<number> {
    const startedAt = new Date();
    const state = readStateFile(file);
    for (const warning of state.warnings) {
        io.stderr(`warning: ${warning}\n`);
    }
    const code = await evaluateAndReport(
        {
            mode: "analyze",
            project: state.project,
            stack: state.stack,
            resources: state.resources,
            config: {},
            startedAt,
            inputs: [digest("state-file", file)],
        },
        options,
        io,
    );
    if (state.encryptedSecrets > 0) {
        io.stderr(
            `note: ${file} holds ${state.encryptedSecrets} encrypted secret(s); checks that need them decide as unknown (export with --show-secrets to include them)\n`,
        );
    }
    return code;
}
