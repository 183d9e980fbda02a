import { captureProgram } from "../../harness/capture/capture";
import type { Io } from "../io";
import type { RunOptions } from "../options";
import { evaluateAndReport } from "./evaluate";

export async function preview(dir: string, stack: string, options: RunOptions, io: Io): Promise<number> {
    const captured = await captureProgram(dir, { stack });
    return evaluateAndReport(
        {
            mode: "preview",
            project: captured.program.project,
            stack,
            resources: captured.resources,
            config: captured.config,
        },
        options,
        io,
    );
}
