// Runs the `aiguard` command through main(), the path the installed command takes, and collects
// what it prints.
import { main } from "../../cli/main";

export interface CliRun {
    readonly code: number;
    readonly stdout: string;
    readonly stderr: string;
}

export async function aiguard(...argv: string[]): Promise<CliRun> {
    let stdout = "";
    let stderr = "";
    const code = await main(argv, {
        stdout: (t) => {
            stdout += t;
        },
        stderr: (t) => {
            stderr += t;
        },
        stderrIsTty: false,
    });
    return { code, stdout, stderr };
}
