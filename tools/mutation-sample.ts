// A mutation score for the whole policy logic, estimated from a random sample of its mutants.
//
// Why a sample: `npm run mutation` over core, shared and the policies is about 23,000 mutants, and
// every mutant runs the pack tests that reach it, which is days of CPU on a 2-core machine. A uniform
// random sample of mutants estimates the same score with a known margin (a 95 % Wilson interval,
// about ±4.5 points at 400 mutants), which is the standard way to afford mutation analysis at this
// size. The sample is drawn from exactly the mutants `npm run mutation` would create (same files,
// same excluded mutators, same instrumenter), so it is a sample of that run and not of a narrower one.
//
//   npm run mutation:sample -- --size 400 --seed 20261203
//   npm run mutation:sample -- --draw-only         (write the sample to reports/mutation-sample/sample.json only)
//   npm run mutation:sample -- --report            (score an existing run again, e.g. after an interruption)
//
// The run is Stryker's own (`stryker run stryker.config.mjs`) narrowed to the sampled mutants' source
// ranges, incremental so an interrupted run resumes. A range may also hold mutants nested inside the
// sampled one; only the sampled mutants count towards the score.
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";

interface Position {
    readonly line: number;
    readonly column: number;
}
interface Location {
    readonly start: Position;
    readonly end: Position;
}
interface SampledMutant {
    readonly file: string;
    readonly location: Location;
    readonly mutatorName: string;
    readonly replacement: string;
}
interface ReportedMutant {
    readonly mutatorName: string;
    readonly replacement?: string;
    readonly location: Location;
    readonly status: string;
}
interface MutationReport {
    readonly files: Record<string, { readonly mutants: readonly ReportedMutant[] }>;
}
interface StrykerConfig {
    readonly mutate: readonly string[];
    readonly mutator?: { readonly excludedMutations?: readonly string[] };
}

const outDir = path.join("reports", "mutation-sample");
const samplePath = path.join(outDir, "sample.json");
const strykerReport = path.join("reports", "mutation", "mutation.json");

function option(name: string, fallback: number): number {
    const i = process.argv.indexOf(`--${name}`);
    const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
    if (!Number.isInteger(value) || value <= 0) {
        throw new Error(`--${name} takes a positive whole number`);
    }
    return value;
}

/** Files under `root` that the Stryker config mutates (its include globs minus its `!` globs). */
function filesToMutate(config: StrykerConfig, root: string): string[] {
    const include = config.mutate.filter((g) => !g.startsWith("!"));
    const exclude = config.mutate.filter((g) => g.startsWith("!")).map((g) => g.slice(1));
    const found: string[] = [];
    const walk = (dir: string): void => {
        for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
            const file = path.posix.join(dir, entry.name);
            if (entry.isDirectory()) {
                walk(file);
            } else if (
                include.some((g) => path.matchesGlob(file, g)) &&
                !exclude.some((g) => path.matchesGlob(file, g))
            ) {
                found.push(file);
            }
        }
    };
    walk(root);
    return found.sort();
}

/** Every mutant Stryker would create in these files, from Stryker's own instrumenter. */
async function listMutants(config: StrykerConfig, files: readonly string[]): Promise<SampledMutant[]> {
    const { Instrumenter } = await import("@stryker-mutator/instrumenter");
    const quiet = () => undefined;
    const logger = {
        isTraceEnabled: () => false,
        isDebugEnabled: () => false,
        isInfoEnabled: () => false,
        isWarnEnabled: () => false,
        isErrorEnabled: () => false,
        isFatalEnabled: () => false,
        trace: quiet,
        debug: quiet,
        info: quiet,
        warn: quiet,
        error: quiet,
        fatal: quiet,
    };
    const instrumenter = new Instrumenter(logger);
    const result = await instrumenter.instrument(
        files.map((name) => ({ name, content: fs.readFileSync(name, "utf8"), mutate: true })),
        { plugins: null, ignorers: [], excludedMutations: [...(config.mutator?.excludedMutations ?? [])] },
    );
    // Mutants of excluded mutators are created as "Ignored" and never run: they are not in the population.
    return result.mutants
        .filter((m) => m.status !== "Ignored")
        .map((m) => ({
            file: path.relative(process.cwd(), m.fileName).split(path.sep).join("/"),
            location: m.location,
            mutatorName: m.mutatorName,
            replacement: m.replacement,
        }));
}

/** A seeded shuffle (mulberry32 driving Fisher–Yates): the same seed draws the same sample. */
function sample<T>(items: readonly T[], size: number, seed: number): T[] {
    let state = seed >>> 0;
    const next = () => {
        state = (state + 0x6d2b79f5) >>> 0;
        let t = state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
    }
    return copy.slice(0, Math.min(size, copy.length));
}

/** Stryker's mutate range syntax: 1-based lines, 0-based columns. */
function rangeOf(m: SampledMutant): string {
    const { start, end } = m.location;
    return `${m.file}:${start.line + 1}:${start.column}-${end.line + 1}:${end.column}`;
}

function sameLocation(a: Location, b: Location): boolean {
    return (
        a.start.line === b.start.line &&
        a.start.column === b.start.column &&
        a.end.line === b.end.line &&
        a.end.column === b.end.column
    );
}

/** Wilson score interval at 95 %: honest at small samples and near 0 or 1, unlike the normal one. */
function wilson(hits: number, n: number): [number, number] {
    if (n === 0) {
        return [0, 1];
    }
    const z = 1.96;
    const p = hits / n;
    const centre = (p + (z * z) / (2 * n)) / (1 + (z * z) / n);
    const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / (1 + (z * z) / n);
    return [centre - half, centre + half];
}

const percent = (x: number) => `${(x * 100).toFixed(1)} %`;

function score(population: number, sampled: readonly SampledMutant[], seed: number): string {
    const report = JSON.parse(fs.readFileSync(strykerReport, "utf8")) as MutationReport;
    const rows = sampled.map((m) => {
        const found = report.files[m.file]?.mutants.find(
            (r) =>
                r.mutatorName === m.mutatorName &&
                (r.replacement === undefined || r.replacement === m.replacement) &&
                sameLocation(r.location, m.location),
        );
        return { m, status: found?.status ?? "NotRun" };
    });
    const count = (s: string) => rows.filter((r) => r.status === s).length;
    const detected = count("Killed") + count("Timeout");
    const undetected = count("Survived") + count("NoCoverage");
    const notRun = count("NotRun") + count("Pending");
    const errors = count("CompileError") + count("RuntimeError");
    const judged = detected + undetected;
    const [low, high] = wilson(detected, judged);
    const lines = [
        "# Mutation score, estimated from a random sample",
        "",
        `Population: ${population} mutants (the files and mutators of \`npm run mutation\`). Sample: ${sampled.length}, seed ${seed}.`,
        "",
        "| status | mutants |",
        "|---|---|",
        ...["Killed", "Timeout", "Survived", "NoCoverage", "CompileError", "RuntimeError", "Ignored", "NotRun"].map(
            (s) => `| ${s} | ${count(s)} |`,
        ),
        "",
        `Score: ${detected} detected of ${judged} judged = ${judged ? percent(detected / judged) : "n/a"} (95 % Wilson interval ${percent(low)} – ${percent(high)}).`,
        errors > 0
            ? `${errors} mutants did not compile or crashed the run; Stryker leaves them out of the score too.`
            : "",
        notRun > 0 ? `${notRun} sampled mutants have no result yet: run again to resume.` : "",
        "",
        "## Undetected mutants",
        "",
        ...rows
            .filter((r) => r.status === "Survived" || r.status === "NoCoverage")
            .map(
                (r) =>
                    `- ${r.m.file}:${r.m.location.start.line + 1} ${r.m.mutatorName} (${r.status}): \`${r.m.replacement.replace(/\s+/g, " ").slice(0, 100)}\``,
            ),
    ];
    return `${lines.filter((l, i, all) => l !== "" || all[i - 1] !== "").join("\n")}\n`;
}

async function main(): Promise<void> {
    const size = option("size", 400);
    const seed = option("seed", 20261203);
    const config = (await import(path.resolve("stryker.config.mjs"))).default as StrykerConfig;
    fs.mkdirSync(outDir, { recursive: true });

    if (!process.argv.includes("--report")) {
        const population = await listMutants(config, filesToMutate(config, "policy-pack"));
        const sampled = sample(population, size, seed);
        fs.writeFileSync(samplePath, JSON.stringify({ seed, population: population.length, sampled }, null, 2));
        console.log(`Sampled ${sampled.length} of ${population.length} mutants (seed ${seed}).`);
        if (process.argv.includes("--draw-only")) {
            return;
        }
        const ranges = [...new Set(sampled.map(rangeOf))];
        const run = spawnSync(
            "npx",
            [
                "stryker",
                "run",
                "stryker.config.mjs",
                "--incremental",
                "--incrementalFile",
                path.join(outDir, "incremental.json"),
                "--mutate",
                ranges.join(","),
            ],
            { stdio: "inherit", env: { ...process.env, AIGUARD_MUTATION_SAMPLE: path.resolve(samplePath) } },
        );
        if (run.status !== 0) {
            console.error(`Stryker exited with ${run.status}; scoring what it reported.`);
        }
    }

    const drawn = JSON.parse(fs.readFileSync(samplePath, "utf8")) as {
        seed: number;
        population: number;
        sampled: SampledMutant[];
    };
    const summary = score(drawn.population, drawn.sampled, drawn.seed);
    fs.writeFileSync(path.join(outDir, "summary.md"), summary);
    console.log(summary);
}

main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(2);
});
