/** Where a command writes; tests pass their own. */
export interface Io {
    stdout(text: string): void;
    stderr(text: string): void;
    readonly stderrIsTty: boolean;
}

export const processIo: Io = {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    stderrIsTty: Boolean(process.stderr.isTTY),
};
