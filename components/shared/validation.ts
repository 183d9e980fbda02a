/** A component argument that cannot be used, named with the values it may take. */
export class ArgumentError extends Error {
    override readonly name = "ArgumentError";
    constructor(component: string, argument: string, problem: string) {
        super(`${component}: argument '${argument}' ${problem}`);
    }
}

export function requireOneOf<T extends string>(
    component: string,
    argument: string,
    value: string,
    allowed: readonly T[],
): T {
    if (!(allowed as readonly string[]).includes(value)) {
        throw new ArgumentError(
            component,
            argument,
            `is '${value}'; allowed: ${allowed.map((a) => `'${a}'`).join(", ")}`,
        );
    }
    return value as T;
}

export function requireRange(component: string, argument: string, value: number, min: number, max: number): number {
    if (!Number.isFinite(value) || value < min || value > max) {
        throw new ArgumentError(component, argument, `is ${value}; allowed: a number from ${min} to ${max}`);
    }
    return value;
}

/** Tags that place a resource in the AI system for aiguard's classification, merged under the caller's. */
export function aiTags(tags: Readonly<Record<string, string>> | undefined): Record<string, string> {
    return { ...(tags ?? {}), "aiguard:system": "ai" };
}
