// The CI recipes in docs/ci/: they parse as YAML, use only known actions, and pass only flags that
// `pulumi preview` and `aiguard report` define (aiguard's read from its own option definitions,
// through the help the command prints).
import * as fs from "node:fs";
import * as path from "node:path";
import * as yaml from "js-yaml";
import { describe, expect, it } from "vitest";
import { reportFormats } from "../cli/options";
import { aiguard } from "./support/cli";
import { projectRoot } from "./support/pack";

const ciDir = path.join(projectRoot, "docs", "ci");
const recipes = ["github-actions.yml", "gitlab-ci.yml"];

/** Actions the recipes may use, at the major versions that exist. */
const knownActions = new Set([
    "actions/checkout@v4",
    "actions/setup-node@v4",
    "actions/upload-artifact@v4",
    "pulumi/actions@v6",
    "github/codeql-action/upload-sarif@v3",
]);

/**
 * Flags of `pulumi preview` the recipes may pass, from the CLI reference
 * (pulumi.com/docs/iac/cli/commands/pulumi_preview, with the global --non-interactive).
 */
const pulumiPreviewFlags = new Set([
    "--stack",
    "--non-interactive",
    "--policy-pack",
    "--policy-pack-config",
    "--event-log",
    "--diff",
    "--suppress-progress",
    "--cwd",
    "--refresh",
]);

/** Every string in a YAML document: commands live in `run` and `script` entries. */
function strings(node: unknown): string[] {
    if (typeof node === "string") {
        return [node];
    }
    if (Array.isArray(node)) {
        return node.flatMap(strings);
    }
    if (node !== null && typeof node === "object") {
        return Object.values(node).flatMap(strings);
    }
    return [];
}

function uses(node: unknown): string[] {
    if (Array.isArray(node)) {
        return node.flatMap(uses);
    }
    if (node !== null && typeof node === "object") {
        return Object.entries(node).flatMap(([k, v]) => (k === "uses" && typeof v === "string" ? [v] : uses(v)));
    }
    return [];
}

/** The flags of each invocation of a command: the words after `command` up to a shell operator. */
function invocations(docText: string[], command: RegExp): string[][] {
    const out: string[][] = [];
    for (const s of docText) {
        const flat = s.replace(/\s+/g, " ");
        for (const m of flat.matchAll(new RegExp(`${command.source}(.*?)(?:\\|\\||&&|;|\\)|$)`, "g"))) {
            out.push((m[1] ?? "").trim().split(" "));
        }
    }
    return out;
}

const load = (name: string) => yaml.load(fs.readFileSync(path.join(ciDir, name), "utf8"));

describe("CI recipes", () => {
    it("parse as YAML and use only known actions", () => {
        for (const name of recipes) {
            expect(load(name), name).toBeTypeOf("object");
        }
        const used = uses(load("github-actions.yml"));
        expect(used).toContain("github/codeql-action/upload-sarif@v3");
        expect(used.filter((u) => !knownActions.has(u))).toEqual([]);
    });

    it("run pulumi preview with the pack and an event log, and aiguard report on that log", async () => {
        const help = await aiguard("report", "--help");
        const aiguardFlags = new Set([...help.stdout.matchAll(/^\s+(?:-\w, )?(--[a-z-]+)/gm)].map((m) => m[1]));
        expect(aiguardFlags).toContain("--events");
        for (const name of recipes) {
            const text = strings(load(name));
            const previews = invocations(text, /pulumi preview/);
            const reports = invocations(text, /aiguard\.js report/);
            expect(previews.length, name).toBe(1);
            expect(reports.length, name).toBe(1);
            const previewFlags = (previews[0] ?? []).filter((w) => w.startsWith("--"));
            expect(previewFlags, name).toEqual(expect.arrayContaining(["--policy-pack", "--event-log"]));
            expect(
                previewFlags.filter((f) => !pulumiPreviewFlags.has(f)),
                name,
            ).toEqual([]);
            const words = reports[0] ?? [];
            expect(
                words.filter((w) => w.startsWith("--") && !aiguardFlags.has(w)),
                name,
            ).toEqual([]);
            // The log aiguard reads is the one pulumi wrote.
            const log = (previews[0] ?? [])[(previews[0] ?? []).indexOf("--event-log") + 1];
            expect(words[words.indexOf("--events") + 1], name).toBe(log);
            const formats = words.flatMap((w, i) => (w === "--format" ? [words[i + 1] as string] : []));
            expect(
                formats.filter((f) => !(reportFormats as readonly string[]).includes(f)),
                name,
            ).toEqual([]);
            expect(formats, name).toContain("sarif");
        }
    });

    it("are shown verbatim in docs/ci.md", () => {
        const md = fs.readFileSync(path.join(projectRoot, "docs", "ci.md"), "utf8");
        for (const name of recipes) {
            expect(md).toContain(`\`\`\`yaml\n${fs.readFileSync(path.join(ciDir, name), "utf8")}\`\`\``);
        }
    });
});
