// Where a report comes from: versions (with the git commit when the code runs from a checkout),
// when the run started and ended, and a SHA-256 of every input, so an auditor can tell which
// program, state file and policy config produced it.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";

export type InputKind = "state-file" | "program-file" | "policy-config" | "event-log";

export interface InputDigest {
    readonly kind: InputKind;
    /** Relative to the working directory when inside it. */
    readonly path: string;
    readonly sha256: string;
}

export interface Provenance {
    readonly tool: { readonly name: "aiguard"; readonly version: string; readonly commit?: string };
    readonly pack: {
        readonly name: string;
        readonly version: string;
        readonly location?: string;
        readonly commit?: string;
    };
    readonly startedAt: string;
    readonly finishedAt: string;
    readonly inputs: readonly InputDigest[];
}

export function sha256Of(file: string): string {
    return createHash("sha256").update(fs.readFileSync(file)).digest("hex");
}

export function shownPath(file: string): string {
    const rel = path.relative(process.cwd(), file);
    return rel === "" ? "." : rel.startsWith("..") || path.isAbsolute(rel) ? file : rel;
}

export function digest(kind: InputKind, file: string): InputDigest {
    return { kind, path: shownPath(path.resolve(file)), sha256: sha256Of(file) };
}

/** Source and config files of a program, skipping dependencies, build output and nested programs. */
const programFile = /\.(ts|tsx|mts|cts|js|mjs|cjs|json|ya?ml)$/;
const skippedDirs = new Set(["node_modules", "dist", "bin", ".git", ".pulumi"]);
const maxProgramFiles = 5000;

export function programDigests(dir: string): InputDigest[] {
    const out: InputDigest[] = [];
    const walk = (d: string) => {
        let entries: fs.Dirent[];
        try {
            entries = fs.readdirSync(d, { withFileTypes: true });
        } catch {
            return;
        }
        for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
            if (out.length >= maxProgramFiles) {
                return;
            }
            const full = path.join(d, e.name);
            if (e.isDirectory()) {
                // A folder with its own Pulumi.yaml is another program, not part of this one.
                const otherProgram = ["Pulumi.yaml", "Pulumi.yml"].some((f) => fs.existsSync(path.join(full, f)));
                if (!skippedDirs.has(e.name) && !e.name.startsWith(".") && !otherProgram) {
                    walk(full);
                }
            } else if (e.isFile() && programFile.test(e.name)) {
                out.push(digest("program-file", full));
            }
        }
    };
    walk(path.resolve(dir));
    return out;
}

/**
 * The commit of the checkout `dir` belongs to, only when that checkout's top is `expectedTop`
 * (so an installed copy inside someone else's repository does not report their commit).
 */
export function gitCommit(dir: string, expectedTops: readonly string[]): string | undefined {
    try {
        const out = execFileSync("git", ["-C", dir, "rev-parse", "--show-toplevel", "HEAD"], {
            encoding: "utf8",
            stdio: ["ignore", "pipe", "ignore"],
            timeout: 5000,
        })
            .trim()
            .split("\n");
        const [top, commit] = out;
        if (!top || !commit || !/^[0-9a-f]{40}$/.test(commit)) {
            return undefined;
        }
        const real = (p: string) => {
            try {
                return fs.realpathSync(p);
            } catch {
                return path.resolve(p);
            }
        };
        return expectedTops.map(real).includes(real(top)) ? commit : undefined;
    } catch {
        return undefined;
    }
}
