/** Bad command-line usage. Exit status 2. */
export class UsageError extends Error {
    override readonly name = "UsageError";
}

/** An input that cannot be read or used: a file, a program, a policy pack. Exit status 2. */
export class InputError extends Error {
    override readonly name = "InputError";
    constructor(
        readonly subject: string,
        readonly problem: string,
    ) {
        super(`${subject}: ${problem}`);
    }
}

/**
 * The line of a Node process's stderr that names the problem: the thrown error, without colour
 * codes or stack frames. Empty when there is nothing to show.
 */
export function keyErrorLine(output: string): string {
    const lines = output
        // biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI colour codes start with ESC.
        .replace(/\u001b\[[0-9;]*m/g, "")
        .split("\n")
        .map((l) => l.trim())
        .filter((l) => l.length > 0 && !l.startsWith("at ") && !/^Node\.js v\d/.test(l));
    const thrown = lines.find((l) => /^\w*(Error|Exception)\b.*:/.test(l));
    return (thrown ?? lines.find((l) => /error/i.test(l)) ?? lines[lines.length - 1] ?? "").slice(0, 500);
}
