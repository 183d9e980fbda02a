// Arbitrary property bags for the pack's resource types, for property-based tests through the real
// pack path. Realistic shapes come from the policies themselves: the property paths and string
// constants written in each policy's source (what it reads and compares against), so the bags reach
// the branches that decide verdicts. Hostility is layered on top: wrong types at any path, nulls,
// unknowns and secrets at any depth, huge arrays and strings, deep nesting, prototype-pollution keys.
import * as fs from "node:fs";
import * as path from "node:path";
import fc from "fast-check";
import { secret, type WireObject, type WireValue } from "../../harness/model";
import type { PolicyDefinition } from "../../policy-pack/core/definition";
import { policies } from "../../policy-pack/policies";

/** The engine's unknown sentinels by element type (see policy-pack/core/values.ts). */
export const unknowns = {
    string: "04da6b54-80e4-46f7-96ec-b56ff0331ba9",
    number: "3eeb2bf0-c639-47a8-9e75-3b44932eb421",
    bool: "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7",
    array: "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2",
    object: "dd056dcd-154b-4c76-9bd3-c8f88648b5ff",
} as const;
const unknownValues: ReadonlySet<string> = new Set(Object.values(unknowns));

/** Marks strings whose appearance in a message is traceable: `c4n4ry` and 8 hex digits. */
export const canaryPattern = /c4n4ry[0-9a-f]{8}/g;

/** Keys that mean something to JavaScript objects rather than to the provider. */
export const hostileKeys = [
    "__proto__",
    "constructor",
    "prototype",
    "toString",
    "valueOf",
    "hasOwnProperty",
    "__defineGetter__",
    "__getSpecialProxyTarget",
    "then",
    "length",
    "",
    "0",
    "a.b",
    "\u0000",
    "ключ",
] as const;

const projectRoot = path.resolve(__dirname, "..", "..");
const policiesDir = path.join(projectRoot, "policy-pack", "policies");
const sharedDir = path.join(projectRoot, "policy-pack", "shared");

function sourceFiles(dir: string): string[] {
    return fs
        .readdirSync(dir, { withFileTypes: true, recursive: true })
        .filter((e) => e.isFile() && e.name.endsWith(".ts") && !e.name.endsWith(".test.ts"))
        .map((e) => path.join(e.parentPath, e.name));
}

const literalPattern = /"((?:[^"\\\n]|\\.){0,80})"|'((?:[^'\\\n]|\\.){0,80})'/g;
const pathPattern = /^[a-z][A-Za-z0-9]*(\.(?:[a-z][A-Za-z0-9]*|\d+))*$/;

function literalsOf(text: string): string[] {
    const out: string[] = [];
    for (const m of text.matchAll(literalPattern)) {
        const s = m[1] ?? m[2] ?? "";
        if (!s.includes("\\") && !s.includes(" ")) {
            out.push(s);
        }
    }
    return out;
}

export interface TypeShape {
    /** Property paths the policies of this type read (dot-separated, numeric segments index lists). */
    readonly paths: readonly string[];
    /** String constants those policies compare values with. */
    readonly strings: readonly string[];
}

/** Every policy's source literals, by policy id. */
function literalsByPolicy(): Map<string, string[]> {
    const out = new Map<string, string[]>();
    for (const file of sourceFiles(policiesDir)) {
        const text = fs.readFileSync(file, "utf8");
        const id = /\bid: "([a-z0-9-]+)"/.exec(text)?.[1];
        if (id) {
            out.set(id, literalsOf(text));
        }
    }
    return out;
}

/** Shapes per resource type: what the policies reading that type (and the shared modules) mention. */
export function typeShapes(): Map<string, TypeShape> {
    const byPolicy = literalsByPolicy();
    const shared = sourceFiles(sharedDir).flatMap((f) => literalsOf(fs.readFileSync(f, "utf8")));
    const literalsByType = new Map<string, Set<string>>();
    for (const p of policies) {
        for (const t of p.resourceTypes) {
            const set = literalsByType.get(t) ?? new Set<string>();
            for (const l of byPolicy.get(p.id) ?? []) {
                set.add(l);
            }
            literalsByType.set(t, set);
        }
    }
    const out = new Map<string, TypeShape>();
    for (const [t, set] of literalsByType) {
        const all = [...set, ...shared];
        const paths = [...new Set(all.filter((l) => pathPattern.test(l) && l.length > 1)), "tags"];
        const strings = [...new Set(all.filter((l) => l.length > 0))];
        out.set(t, { paths: paths.sort(), strings: strings.sort() });
    }
    return out;
}

export function policyById(id: string): PolicyDefinition {
    const p = policies.find((x) => x.id === id);
    if (!p) {
        throw new Error(`no policy '${id}'`);
    }
    return p;
}

const canary = fc.bigInt({ min: 0n, max: 0xffffffffn }).map((n) => `c4n4ry${n.toString(16).padStart(8, "0")}`);

/** Strings that look like the values policies read, some with a canary inside. */
function stringLeaf(shape: TypeShape): fc.Arbitrary<string> {
    return fc.oneof(
        { weight: 6, arbitrary: fc.constantFrom(...shape.strings) },
        { weight: 2, arbitrary: canary },
        {
            weight: 2,
            arbitrary: fc
                .tuple(
                    fc.constantFrom(
                        "arn:aws:iam::aws:policy/",
                        "arn:aws:kms:us-east-1:111122223333:key/",
                        "arn:aws:s3:::",
                        "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/",
                        "https://",
                        "",
                    ),
                    canary,
                )
                .map(([a, b]) => a + b),
        },
        { weight: 1, arbitrary: fc.constantFrom("*", "0.0.0.0/0", "::/0", "Enabled", "Disabled", "true", "") },
        { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
        { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 10 }) },
        { weight: 1, arbitrary: fc.constantFrom("line\nbreak", "\u001b[31mred", "tab\there", "\u202eltr") },
    );
}

/** Any one value, hostile or realistic; `depth` bounds the structure. */
function valueArb(shape: TypeShape, depth: number): fc.Arbitrary<WireValue> {
    const leaf: fc.Arbitrary<WireValue> = fc.oneof(
        { weight: 6, arbitrary: stringLeaf(shape) },
        { weight: 2, arbitrary: fc.boolean() },
        {
            weight: 2,
            arbitrary: fc.oneof(
                fc.integer(),
                fc.constantFrom(0, -0, 1, -1, 1e308, -1e308, 0.5, 2 ** 53 + 1),
                fc.double({ noNaN: true, noDefaultInfinity: true }),
            ),
        },
        { weight: 1, arbitrary: fc.constant(null) },
        { weight: 2, arbitrary: fc.constantFrom(...Object.values(unknowns)) },
    );
    if (depth <= 0) {
        return leaf;
    }
    const inner = valueArb(shape, depth - 1);
    return fc.oneof(
        { weight: 8, arbitrary: leaf },
        { weight: 1, arbitrary: fc.array(inner, { maxLength: 4 }) },
        { weight: 1, arbitrary: objectArb(shape, inner) },
        { weight: 1, arbitrary: inner.map((v) => secret(v)) },
    );
}

function objectArb(shape: TypeShape, inner: fc.Arbitrary<WireValue>): fc.Arbitrary<WireObject> {
    const key = fc.oneof(
        fc.constantFrom(...shape.paths.map((p) => p.split(".").at(-1) as string)),
        fc.constantFrom(...hostileKeys),
    );
    return fc.array(fc.tuple(key, inner), { maxLength: 4 }).map((entries) => {
        const o: WireObject = {};
        for (const [k, v] of entries) {
            // defineProperty: `__proto__` is an own key here, as in a decoded JSON document.
            Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
        }
        return o;
    });
}

/** Sets `value` at `segments`, creating objects (or lists for numeric segments) on the way. */
function setAt(root: WireObject, segments: readonly string[], value: WireValue): void {
    let current: WireValue = root;
    for (let i = 0; i < segments.length; i++) {
        const seg = segments[i] as string;
        const last = i === segments.length - 1;
        if (current === null || typeof current !== "object") {
            return; // a wrong type set earlier sits on the way: leave it there
        }
        const container = current as Record<string, WireValue>;
        if (last) {
            Object.defineProperty(container, seg, { value, enumerable: true, writable: true, configurable: true });
            return;
        }
        if (!Object.hasOwn(container, seg)) {
            const next = segments[i + 1] as string;
            const child: WireValue = /^\d+$/.test(next) ? [] : {};
            Object.defineProperty(container, seg, {
                value: child,
                enumerable: true,
                writable: true,
                configurable: true,
            });
        }
        current = container[seg] as WireValue;
        if (Array.isArray(current) && /^\d+$/.test(segments[i + 1] as string)) {
            const index = Number(segments[i + 1]);
            while (current.length <= index) {
                current.push(i + 2 < segments.length ? {} : null);
            }
        }
    }
}

function getAt(root: WireValue, segments: readonly string[]): WireValue | undefined {
    let current: WireValue | undefined = root;
    for (const seg of segments) {
        if (current === null || typeof current !== "object" || !Object.hasOwn(current, seg)) {
            return undefined;
        }
        current = (current as Record<string, WireValue>)[seg];
    }
    return current;
}

type Edit =
    | { kind: "set"; path: string; value: WireValue }
    | { kind: "secret"; prefix: number; path: string }
    | { kind: "unknown"; prefix: number; path: string; sentinel: string }
    | { kind: "wrong"; prefix: number; path: string; value: WireValue }
    | { kind: "nest"; path: string; depth: number; list: boolean }
    | { kind: "huge"; path: string; length: number; string: boolean };

function editArb(shape: TypeShape, maxNest: number): fc.Arbitrary<Edit> {
    const p = fc.constantFrom(...shape.paths);
    const prefix = fc.nat({ max: 6 });
    return fc.oneof(
        { weight: 12, arbitrary: fc.record({ kind: fc.constant("set" as const), path: p, value: valueArb(shape, 2) }) },
        { weight: 3, arbitrary: fc.record({ kind: fc.constant("secret" as const), prefix, path: p }) },
        {
            weight: 3,
            arbitrary: fc.record({
                kind: fc.constant("unknown" as const),
                prefix,
                path: p,
                sentinel: fc.constantFrom(...Object.values(unknowns)),
            }),
        },
        {
            weight: 2,
            arbitrary: fc.record({ kind: fc.constant("wrong" as const), prefix, path: p, value: valueArb(shape, 1) }),
        },
        {
            weight: 1,
            arbitrary: fc.record({
                kind: fc.constant("nest" as const),
                path: p,
                depth: fc.integer({ min: 10, max: maxNest }),
                list: fc.boolean(),
            }),
        },
        {
            weight: 1,
            arbitrary: fc.record({
                kind: fc.constant("huge" as const),
                path: p,
                length: fc.integer({ min: 1000, max: 100_000 }),
                string: fc.boolean(),
            }),
        },
    );
}

function applyEdit(bag: WireObject, e: Edit): void {
    const segments = e.path.split(".");
    switch (e.kind) {
        case "set":
            setAt(bag, segments, e.value);
            return;
        case "nest": {
            let v: WireValue = "deep";
            for (let i = 0; i < e.depth; i++) {
                v = e.list ? [v] : { [segments.at(-1) as string]: v };
            }
            setAt(bag, segments, v);
            return;
        }
        case "huge":
            setAt(bag, segments, e.string ? "x".repeat(e.length) : Array.from({ length: e.length / 50 }, (_, i) => i));
            return;
        default: {
            // Replace a prefix of the path (a whole block, or one leaf) that the bag has.
            const cut = segments.slice(0, Math.max(1, segments.length - e.prefix));
            const current = getAt(bag, cut);
            if (current === undefined && e.kind !== "wrong") {
                return;
            }
            const value = e.kind === "secret" ? secret(current ?? null) : e.kind === "unknown" ? e.sentinel : e.value;
            setAt(bag, cut, value);
        }
    }
}

/** A property bag of one type: realistic settings first, then hostile edits in order. */
export function bagArb(shape: TypeShape, maxNest: number): fc.Arbitrary<WireObject> {
    return fc
        .record({
            ai: fc.constantFrom("ai", "ai", "business", "none", "unknown", "secret"),
            edits: fc.array(editArb(shape, maxNest), { maxLength: 12 }),
        })
        .map(({ ai, edits }) => {
            const bag: WireObject = {};
            if (ai === "ai" || ai === "business") {
                bag.tags = { "aiguard:system": ai };
            } else if (ai === "unknown") {
                bag.tags = unknowns.object;
            } else if (ai === "secret") {
                bag.tags = { "aiguard:system": secret("ai") };
            }
            for (const e of edits) {
                applyEdit(bag, e);
            }
            return bag;
        });
}

/** Every string under a secret marker, and every string outside one, in a wire value. */
export function stringsBySecrecy(
    v: WireValue | undefined,
    inSecret = false,
    out = { secret: new Set<string>(), plain: new Set<string>() },
) {
    if (v === null || v === undefined) {
        return out;
    }
    if (typeof v === "string") {
        (inSecret ? out.secret : out.plain).add(v);
        return out;
    }
    if (typeof v !== "object") {
        return out;
    }
    const isSecretHere =
        !Array.isArray(v) &&
        (v as WireObject)["4dabf18193072939515e22adb298388d"] === "1b47061264138c4ac30d75fd1eb44270";
    for (const [k, e] of Object.entries(v)) {
        if (!Array.isArray(v)) {
            out.plain.add(k);
        }
        stringsBySecrecy(e, inSecret || isSecretHere, out);
    }
    return out;
}

/** Canary tokens that appear only under secret markers: none of them may reach a message. */
export function secretOnlyCanaries(bags: readonly WireValue[]): Set<string> {
    const secretTokens = new Set<string>();
    const plainTokens = new Set<string>();
    for (const b of bags) {
        const { secret: s, plain } = stringsBySecrecy(b);
        for (const x of s) {
            for (const m of x.matchAll(canaryPattern)) {
                secretTokens.add(m[0]);
            }
        }
        for (const x of plain) {
            for (const m of x.matchAll(canaryPattern)) {
                plainTokens.add(m[0]);
            }
        }
    }
    return new Set([...secretTokens].filter((t) => !plainTokens.has(t)));
}

export function hasUnknown(v: WireValue | undefined): boolean {
    if (typeof v === "string") {
        return unknownValues.has(v);
    }
    if (v === null || typeof v !== "object") {
        return false;
    }
    return Object.values(v).some(hasUnknown);
}

/**
 * The same value with every unknown resolved to a known value of its element type, drawn from
 * `pick` in order: one of the values the unknown could turn out to be at `pulumi up`.
 */
export function concretize(v: WireValue, pick: () => number, strings: readonly string[]): WireValue {
    if (typeof v === "string" && unknownValues.has(v)) {
        const n = pick();
        switch (v) {
            case unknowns.bool:
                return n % 2 === 0;
            case unknowns.number:
                return n % 1000;
            case unknowns.array:
                return n % 2 === 0 ? [] : [strings[n % strings.length] as string];
            case unknowns.object:
                return n % 2 === 0 ? {} : { "aiguard:system": "ai" };
            default:
                return strings[n % strings.length] as string;
        }
    }
    if (v === null || typeof v !== "object") {
        return v;
    }
    if (Array.isArray(v)) {
        return v.map((e) => concretize(e, pick, strings));
    }
    const o: WireObject = {};
    for (const [k, e] of Object.entries(v)) {
        Object.defineProperty(o, k, {
            value: concretize(e, pick, strings),
            enumerable: true,
            writable: true,
            configurable: true,
        });
    }
    return o;
}
