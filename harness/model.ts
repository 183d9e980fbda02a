// What the engine knows about one resource when it calls the analyzer: the shape shared by state
// files, captured programs and test fixtures. Property bags are in wire form: JSON in which unknown
// values are the engine's sentinel strings and secrets are `{ <sig key>: <secret sig>, value }`.

export type WireValue = null | boolean | number | string | WireValue[] | { [key: string]: WireValue };
export type WireObject = { [key: string]: WireValue };

export interface ResourceSnapshot {
    readonly urn: string;
    readonly type: string;
    readonly name: string;
    readonly custom: boolean;
    readonly id?: string;
    readonly parent?: string;
    /** Provider reference `urn::id`, as the engine records it. */
    readonly provider?: string;
    readonly inputs: WireObject;
    readonly outputs: WireObject;
    readonly dependencies: readonly string[];
    readonly propertyDependencies: Readonly<Record<string, readonly string[]>>;
    readonly protect?: boolean;
    readonly ignoreChanges?: readonly string[];
    readonly deleteBeforeReplace?: boolean;
    readonly additionalSecretOutputs?: readonly string[];
    readonly aliases?: readonly string[];
    /** Seconds. */
    readonly customTimeouts?: { create?: number; update?: number; delete?: number };
    /** Read (`.get`) resources are not analyzed one by one, but are part of the stack. */
    readonly external?: boolean;
    /** The program file (absolute) and 1-based line that registered it; known only for previewed programs. */
    readonly source?: { readonly file: string; readonly line: number };
}

export const secretSigKey = "4dabf18193072939515e22adb298388d";
export const secretSig = "1b47061264138c4ac30d75fd1eb44270";
export const resourceRefSig = "5cf8f73096256a8f31e491e813e4eb8e";
export const unknownString = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

export function secret(value: WireValue): WireObject {
    return { [secretSigKey]: secretSig, value };
}

export function isSecret(v: WireValue | undefined): v is WireObject {
    return v !== null && typeof v === "object" && !Array.isArray(v) && v[secretSigKey] === secretSig;
}

export function qualifiedType(urn: string): string {
    return urn.split("::")[2] ?? "";
}

export function rootStackType(): string {
    return "pulumi:pulumi:Stack";
}

/** The engine's URN rule: the parent's full qualified type prefixes the child's, except the root stack. */
export function engineUrn(stack: string, project: string, type: string, name: string, parentUrn?: string): string {
    let qualified = type;
    if (parentUrn) {
        const parentType = qualifiedType(parentUrn);
        if (parentType !== rootStackType()) {
            qualified = `${parentType}$${type}`;
        }
    }
    return `urn:pulumi:${stack}::${project}::${qualified}::${name}`;
}
