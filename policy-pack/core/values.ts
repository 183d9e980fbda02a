// Reading resource properties without tripping over unknowns, nulls or odd shapes.
//
// The engine sends values it cannot know during preview as fixed sentinel strings (one per element
// type). `@pulumi/policy` wraps properties in a proxy that throws on them; policies here read the raw
// object through `Value` instead, so every read states whether the value is missing, unknown or known,
// and a policy decides explicitly what each case means.

import { quoteFound } from "./message";

/** Wire sentinels for unknown values, as the engine marshals them (one per element type). */
export const unknownSentinels: ReadonlySet<string> = new Set([
    "04da6b54-80e4-46f7-96ec-b56ff0331ba9", // string
    "3eeb2bf0-c639-47a8-9e75-3b44932eb421", // number
    "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7", // bool
    "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2", // array
    "dd056dcd-154b-4c76-9bd3-c8f88648b5ff", // object
    "030794c1-ac77-496b-92df-f27374a8bd58", // asset
    "e48ece36-62e2-4504-bad9-02848725956a", // archive
]);

export function isUnknownSentinel(v: unknown): boolean {
    return typeof v === "string" && unknownSentinels.has(v);
}

export type Value =
    | { readonly state: "missing" }
    | { readonly state: "unknown"; readonly path: string }
    | { readonly state: "known"; readonly value: unknown };

const missing: Value = Object.freeze({ state: "missing" });

/**
 * Reads `path` (dot-separated keys; numeric segments index arrays) from a raw property bag.
 * `null` counts as missing, as the provider treats an explicit null as "not set".
 */
export function readPath(root: unknown, path: string): Value {
    let current: unknown = root;
    const segments = path.split(".");
    for (let i = 0; i < segments.length; i++) {
        const segment = segments[i] as string;
        if (isUnknownSentinel(current)) {
            return { state: "unknown", path: segments.slice(0, i).join(".") };
        }
        if (current === null || typeof current !== "object") {
            return missing;
        }
        if (!Object.hasOwn(current, segment)) {
            return missing;
        }
        current = (current as Record<string, unknown>)[segment];
    }
    if (current === undefined || current === null) {
        return missing;
    }
    if (isUnknownSentinel(current)) {
        return { state: "unknown", path };
    }
    return { state: "known", value: current };
}

/** True when the value is known to be a non-empty string (the way "a key is set" is decided). */
export function isNonEmptyString(v: Value): boolean {
    return v.state === "known" && typeof v.value === "string" && v.value.trim().length > 0;
}

/** Elements of a known array value; `undefined` when the value is not a known array. */
export function arrayOf(v: Value): readonly unknown[] | undefined {
    return v.state === "known" && Array.isArray(v.value) ? v.value : undefined;
}

/** Reads a field of an array element or nested object that was obtained from a known value. */
export function field(obj: unknown, path: string): Value {
    return readPath(obj, path);
}

/** Case-insensitive string comparison, because Azure enums arrive as `Disabled` or `disabled`. */
export function equalsIgnoreCase(v: Value, expected: string): boolean {
    return v.state === "known" && typeof v.value === "string" && v.value.toLowerCase() === expected.toLowerCase();
}

/**
 * Renders a value for a violation message: booleans and numbers as they are, strings quoted and cut
 * to a readable length, lists and objects by their size. Secret values never reach the text: the
 * adapter replaces any found value that shows a secret (see core/secrets.ts) before it is written.
 */
export function describe(v: Value): string {
    switch (v.state) {
        case "missing":
            return "not set";
        case "unknown":
            return "unknown until apply";
        case "known": {
            const value = v.value;
            if (typeof value === "boolean" || typeof value === "number") {
                return String(value);
            }
            if (typeof value === "string") {
                return value.trim() === "" ? "an empty string" : quoteFound(value);
            }
            if (Array.isArray(value)) {
                return value.length === 0 ? "an empty list" : `a list of ${value.length}`;
            }
            return "an object";
        }
    }
}
