// Secret canaries: one recognizable token placed, as a secret, in every string property the pack's
// policies read, for every resource type the pack reads. Whatever the pack or the runner prints must
// never contain the token. Kept free of test-runner imports: a previewed program uses it too.
import * as fs from "node:fs";
import * as path from "node:path";

/** The token; any output containing it leaks a secret (also a part of one, such as an ARN's name). */
export const canaryToken = "c4n4ry5ec2e700";

/** Shapes a canary takes, so that checks parsing ARNs, IDs or URLs see something they recognise. */
const variants = [
    canaryToken,
    `arn:aws:iam::aws:policy/${canaryToken}`,
    `arn:aws:kms:us-east-1:111122223333:key/${canaryToken}`,
    `/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/${canaryToken}`,
    `https://${canaryToken}.example.com/`,
];

const sourceRoot = path.resolve(__dirname, "..", "..", "policy-pack");
const literal = /"([^"\\\n]{1,120})"|'([^'\\\n]{1,120})'/g;
const typeToken = /^(aws|azure-native):[A-Za-z0-9/]+:[A-Za-z0-9]+$/;
const propertyPath = /^[a-z][A-Za-z0-9]*(\.(?:[a-z][A-Za-z0-9]*|\d+))*$/;

function literalsIn(file: string): string[] {
    return [...fs.readFileSync(file, "utf8").matchAll(literal)].map((m) => m[1] ?? m[2] ?? "");
}

function sources(dir: string): string[] {
    return fs
        .readdirSync(dir, { withFileTypes: true, recursive: true })
        .filter((e) => e.isFile() && e.name.endsWith(".ts") && !e.name.endsWith(".test.ts"))
        .map((e) => path.join(e.parentPath, e.name));
}

/**
 * Types the pack reads, each with the property paths read next to it: the type tokens and property
 * paths written in each policy's and shared module's source, paired by file. Read from the sources
 * rather than the catalog so that a previewed program can use it without loading the pack.
 */
export function canaryTypes(): Map<string, readonly string[]> {
    const out = new Map<string, Set<string>>();
    for (const file of [...sources(path.join(sourceRoot, "policies")), ...sources(path.join(sourceRoot, "shared"))]) {
        const found = literalsIn(file);
        const paths = found.filter((l) => propertyPath.test(l) && l !== "tags");
        for (const t of found.filter((l) => typeToken.test(l))) {
            const set = out.get(t) ?? new Set<string>();
            for (const p of paths) {
                set.add(p);
            }
            out.set(t, set);
        }
    }
    return new Map([...out].sort(([a], [b]) => a.localeCompare(b)).map(([t, set]) => [t, [...set].sort()] as const));
}

/**
 * A property bag with a canary at every path (numeric segments index lists), each leaf passed through
 * `wrap` to make it secret the way the caller's format does. Deeper paths win over a shorter path that
 * would be a leaf on their way, so every path that can hold a string does. The AI tag stays plain so
 * the AI system's policies judge the resource.
 */
export function canaryBag<T>(paths: readonly string[], wrap: (value: string) => T): Record<string, unknown> {
    const bag: Record<string, unknown> = {
        tags: { "aiguard:system": "ai", owner: wrap(canaryToken) },
    };
    const byDepth = [...paths].sort((a, b) => b.split(".").length - a.split(".").length || a.localeCompare(b));
    byDepth.forEach((p, i) => {
        const segments = p.split(".");
        let current = bag as Record<string, unknown>;
        for (let s = 0; s < segments.length; s++) {
            const seg = segments[s] as string;
            if (s === segments.length - 1) {
                if (!Object.hasOwn(current, seg)) {
                    current[seg] = wrap(variants[i % variants.length] as string);
                }
                return;
            }
            let next = current[seg];
            if (next === undefined) {
                next = /^\d+$/.test(segments[s + 1] as string) ? [] : {};
                current[seg] = next;
            }
            if (next === null || typeof next !== "object" || !isPlainContainer(next)) {
                return;
            }
            current = next as Record<string, unknown>;
        }
    });
    return bag;
}

function isPlainContainer(v: object): boolean {
    const proto = Object.getPrototypeOf(v);
    return proto === Object.prototype || proto === Array.prototype;
}
