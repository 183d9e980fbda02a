// Which values of a resource are secret, so that no message ever prints one.
//
// `@pulumi/policy` unwraps secrets before a policy sees the properties (deserialize.ts, with
// `proxySecrets` false for Analyze and AnalyzeStack), so a policy cannot tell a secret from a plain
// value. The engine does send the secret markers; the deserializer hook (wire.ts) keeps a reference
// from each deserialized property bag to the wire struct it came from, and this module reads the
// secret values out of the struct only when a message is about to be written (rarely, compared with
// how often properties are read).
import { wireStructOf } from "./wire";

const secretSigKey = "4dabf18193072939515e22adb298388d";
const secretSig = "1b47061264138c4ac30d75fd1eb44270";

function collect(v: unknown, inSecret: boolean, out: Set<string>, depth: number): void {
    if (depth > 200) {
        return;
    }
    if (v === null || v === undefined) {
        return;
    }
    if (typeof v !== "object") {
        if (inSecret) {
            out.add(String(v));
        }
        return;
    }
    const obj = v as Record<string, unknown>;
    const secretHere = inSecret || (!Array.isArray(v) && obj[secretSigKey] === secretSig);
    for (const value of Array.isArray(v) ? v : Object.values(obj)) {
        collect(value, secretHere, out, depth + 1);
    }
}

/** The secret primitive values (as strings) of a deserialized property bag; empty when unknown. */
export function secretValuesOf(props: unknown): ReadonlySet<string> {
    const out = new Set<string>();
    if (props === null || typeof props !== "object") {
        return out;
    }
    const struct = wireStructOf(props);
    if (struct) {
        try {
            collect(struct.toJavaScript(), false, out, 0);
        } catch {
            // A struct that cannot be read again has no secrets we could name.
        }
    }
    return out;
}

/**
 * Whether `text` would show a secret value. Values of three characters or more are looked for
 * anywhere in the text; shorter ones (a port, a flag) only as the whole text or a quoted whole, so
 * that a secret `1` does not hide "a list of 1".
 */
export function showsSecret(text: string, secrets: ReadonlySet<string>): boolean {
    if (secrets.size === 0) {
        return false;
    }
    // A quoted part of a secret (a policy name cut from a secret ARN) shows the secret too.
    for (const m of text.matchAll(/"((?:[^"\\]|\\.){3,})"/g)) {
        const part = m[1] as string;
        for (const s of secrets) {
            if (s.includes(part)) {
                return true;
            }
        }
    }
    for (const s of secrets) {
        if (s.length === 0) {
            continue;
        }
        if (s.length >= 3 ? text.includes(s) : text === s || text.includes(JSON.stringify(s))) {
            return true;
        }
    }
    return false;
}

/** What a message says in place of a value that is secret. */
export const secretText = "a secret value (not shown)";
