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
