/** A component argument that cannot be used, named with the values it may take. */
export class ArgumentError extends Error {
    override readonly name = "ArgumentError";
    constructor(
        readonly component: string,
        readonly argument: string,
        readonly problem: string,
        /** The component instance (its Pulumi name), once known. */
        readonly instance?: string,
    ) {
        super(`${component}${instance === undefined ? "" : ` '${instance}'`}: argument '${argument}' ${problem}`);
    }
}

/**
 * Runs a component's argument checks so that an error names the instance too: a program with two
 * stores must say which one is wrong.
 */
export function validateFor(name: string, validate: () => void): void {
    try {
        validate();
    } catch (e) {
        if (e instanceof ArgumentError && e.instance === undefined) {
            throw new ArgumentError(e.component, e.argument, e.problem, name);
        }
        throw e;
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
