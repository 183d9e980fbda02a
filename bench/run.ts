// `npm run bench`: what platform teams wait for, against the floor, measured in one run on the same
// resources. Packs compared: an empty pack (start-up floor), a no-op pack with aiguard's policies
// doing nothing (the SDK's own cost for a pack of this shape), the same no-op pack with aiguard's
// deserializer hook (how much of that floor is repeated deserialization), and aiguard. Their
// measurements are interleaved round by round, so a busy machine slows them alike and the ratios
// stay fair. Writes bench/RESULTS.md (and the raw figures to bench/results.json).
import { execFileSync, spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { PackSession } from "../harness/engine";
import type { ResourceSnapshot } from "../harness/model";
import { startPack } from "../harness/pack-process";
import { captureExamples, estate, estateProject, estateStack, examplePrograms, stateFileOf } from "./estate";
import { writeNoopPack } from "./noop-pack";
import { type Figures, renderResults } from "./results";
import { median, percentile } from "./stats";

const root = path.resolve(__dirname, "..", "..");
// Generated packs and files; under dist/, next to node_modules so the packs resolve @pulumi/policy.
const work = path.join(root, "dist", "bench-work");
/** Rounds over the small estate; the large one is measured once per pack (it dominates the run time). */
const rounds = Math.max(1, Number(process.env.AIGUARD_BENCH_ROUNDS) || 2);
/** Another build of the aiguard pack to measure in the same run, e.g. the main branch's (a pack directory). */
const compareDir = process.env.AIGUARD_BENCH_COMPARE;
/** A loaded machine can be very slow; the bench waits rather than fails. */
const callTimeoutMs = 60 * 60 * 1000;
const smallSize = 1000;
const largeSize = 10_000;

type PackKey = "empty" | "noop" | "noopShared" | "compare" | "aiguard";

interface PackUnderTest {
    readonly key: PackKey;
    readonly dir: string;
}

interface PackRound {
    readonly perResourceMs: number[];
    readonly stackSmallMs: number;
    readonly stackLargeMs: number | undefined;
    readonly peakRssMiB: number | undefined;
    readonly diagnostics: number;
}

function log(message: string): void {
    process.stderr.write(`${message}\n`);
}

/** Peak resident set of a process (Linux), in MiB. */
function peakRssMiB(pid: number): number | undefined {
    try {
        const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
        const kb = /^VmHWM:\s+(\d+)\s+kB/m.exec(status)?.[1];
        return kb ? Number(kb) / 1024 : undefined;
    } catch {
        return undefined;
    }
}

function elapsedMs(since: bigint): number {
    return Number(process.hrtime.bigint() - since) / 1e6;
}

/** Marks every resource external: the harness then skips Analyze and sends only AnalyzeStack. */
function stackOnly(resources: readonly ResourceSnapshot[]): ResourceSnapshot[] {
    return resources.map((r) => ({ ...r, external: true }));
}

/** One round of one pack: Analyze per resource and AnalyzeStack over the small estate, AnalyzeStack over the large. */
async function measurePack(
    pack: PackUnderTest,
    small: readonly ResourceSnapshot[],
    large: readonly ResourceSnapshot[] | undefined,
): Promise<PackRound> {
    const session = await PackSession.open({
        packDir: pack.dir,
        project: estateProject,
        stack: estateStack,
        dryRun: true,
        callTimeoutMs,
    });
    try {
        // The time between progress reports is one resource's Remediate + Analyze, as the engine sends them.
        const perResourceMs: number[] = [];
        let last = process.hrtime.bigint();
        const smallRun = await session.run({
            resources: small,
            dryRun: true,
            // One call at a time, so each interval is one resource's latency, not a pipeline's throughput.
            concurrency: 1,
            onProgress: () => {
                const now = process.hrtime.bigint();
                perResourceMs.push(Number(now - last) / 1e6);
                last = now;
            },
        });
        const largeRun = large ? await session.run({ resources: large, dryRun: true }) : undefined;
        return {
            // The first tenth warms the JIT up and includes the configure calls.
            perResourceMs: perResourceMs.slice(Math.ceil(perResourceMs.length / 10)),
            stackSmallMs: smallRun.timings.stackMs,
            stackLargeMs: largeRun?.timings.stackMs,
            peakRssMiB: peakRssMiB(session.pid),
            diagnostics: smallRun.diagnostics.length,
        };
    } finally {
        await session.close();
    }
}

async function startUpMs(dir: string): Promise<number> {
    const pack = await startPack({ packDir: dir, project: estateProject, stack: estateStack, dryRun: true });
    await pack.close();
    return pack.startMs;
}

/** Wall time of one `aiguard` command, end to end (its exit code is the gate, not a failure here). */
function timeCli(args: readonly string[], cwd: string): Promise<number> {
    const started = process.hrtime.bigint();
    return new Promise((resolve, reject) => {
        const child = spawn(process.execPath, [path.join(root, "bin", "aiguard.js"), ...args], {
            cwd,
            env: { ...process.env, AIGUARD_PACK_CALL_TIMEOUT: String(callTimeoutMs / 1000) },
            stdio: ["ignore", "ignore", "pipe"],
        });
        let stderr = "";
        child.stderr.setEncoding("utf8").on("data", (d: string) => {
            stderr += d;
        });
        child.once("error", reject);
        child.once("exit", (code) => {
            if (code !== 0 && code !== 1) {
                reject(new Error(`aiguard ${args.join(" ")} exited with ${code}: ${stderr.slice(-2000)}`));
                return;
            }
            resolve(elapsedMs(started));
        });
    });
}

/** Rotates the order each round, so no pack always runs first (or last) on a warming machine. */
function rotated<T>(items: readonly T[], by: number): T[] {
    const k = by % items.length;
    return [...items.slice(k), ...items.slice(0, k)];
}

function machine(): Omit<Figures["machine"], "loadAtStart"> {
    const cpus = os.cpus();
    return {
        cpu: cpus[0]?.model.trim() ?? "unknown",
        cores: cpus.length,
        memoryGiB: Math.round(os.totalmem() / 1024 ** 3),
        node: process.version,
        os: `${os.type()} ${os.release()}`,
        load: os.loadavg().map((l) => Number(l.toFixed(2))),
    };
}

function gitRevision(): string {
    try {
        return execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: root, encoding: "utf8" }).trim();
    } catch {
        return "unknown";
    }
}

async function main() {
    const started = process.hrtime.bigint();
    const load = os.loadavg()[0];
    const noopShape = writeNoopPack(path.join(work, "noop-pack"), { sharedDeserialization: false });
    writeNoopPack(path.join(work, "noop-shared-pack"), { sharedDeserialization: true });
    const packs: PackUnderTest[] = [
        { key: "empty", dir: path.join(root, "bench", "baseline-pack") },
        { key: "noop", dir: path.join(work, "noop-pack") },
        { key: "noopShared", dir: path.join(work, "noop-shared-pack") },
        ...(compareDir ? [{ key: "compare" as const, dir: path.resolve(compareDir) }] : []),
        { key: "aiguard", dir: path.join(root, "policy-pack") },
    ];

    log(`capturing the examples (${examplePrograms.join(", ")})`);
    const systems = await captureExamples(root);
    const small = estate(systems, smallSize);
    const large = estate(systems, largeSize);
    const largeStackOnly = stackOnly(large);
    const stateFile = path.join(work, `state-${large.length}.json`);
    fs.writeFileSync(stateFile, JSON.stringify(stateFileOf(large)));

    const startSamples: Record<string, number[]> = { empty: [], noop: [], aiguard: [] };
    const startPacks = packs.filter((p) => p.key in startSamples);
    for (let i = 0; i < 5; i++) {
        for (const p of rotated(startPacks, i)) {
            startSamples[p.key]?.push(await startUpMs(p.dir));
        }
    }
    log("start-up measured");

    const byPack = new Map<PackUnderTest["key"], PackRound[]>(packs.map((p) => [p.key, []]));
    for (let round = 0; round < rounds; round++) {
        for (const p of rotated(packs, round)) {
            const measured = await measurePack(p, small, round === 0 ? largeStackOnly : undefined);
            byPack.get(p.key)?.push(measured);
            // Each pack's figures as they come, so a long run on a busy machine shows progress.
            const { perResourceMs, ...figures } = measured;
            log(
                `round ${round + 1}/${rounds}: ${p.key} ${JSON.stringify({ ...figures, p50: percentile(perResourceMs, 0.5) })}`,
            );
        }
    }

    // End to end: the CLI reads the state file, starts the pack, runs Analyze and AnalyzeStack, reports.
    const analyzeArgs = ["analyze", "--file", stateFile, "--format", "json", "--output", os.devNull];
    const analyzeMs = await timeCli(analyzeArgs, root);
    log("aiguard analyze measured");
    const previewSamples: Record<"empty" | "aiguard", number[]> = { empty: [], aiguard: [] };
    for (let i = 0; i < rounds; i++) {
        const runs: ["empty" | "aiguard", string[]][] = [
            ["aiguard", []],
            ["empty", ["--policy-pack", path.join(root, "bench", "baseline-pack")]],
        ];
        for (const [key, extra] of rotated(runs, i)) {
            previewSamples[key].push(
                await timeCli(["preview", ".", "--format", "json", "--output", os.devNull, ...extra], root),
            );
        }
    }
    log("aiguard preview measured");

    const rows = (key: PackKey) => byPack.get(key) ?? [];
    const pooled = (key: PackKey) => rows(key).flatMap((r) => r.perResourceMs);
    const best = (key: PackKey, f: (r: PackRound) => number | undefined) =>
        Math.min(...rows(key).map((r) => f(r) ?? Number.POSITIVE_INFINITY));
    const perPack = (key: PackKey) => ({
        analyzeP50: percentile(pooled(key), 0.5),
        analyzeP95: percentile(pooled(key), 0.95),
        stackSmall: best(key, (r) => r.stackSmallMs),
        stackLarge: best(key, (r) => r.stackLargeMs),
        peakRssMiB: Math.max(...rows(key).map((r) => r.peakRssMiB ?? Number.NaN)),
    });
    const figures: Figures = {
        command: "npm run bench",
        revision: gitRevision(),
        date: new Date().toISOString(),
        machine: { ...machine(), loadAtStart: Number((load ?? 0).toFixed(2)) },
        rounds,
        estate: {
            programs: examplePrograms,
            small: small.length,
            large: large.length,
            types: new Set(large.map((r) => r.type)).size,
        },
        noopShape,
        startUp: {
            empty: median(startSamples.empty ?? []),
            noop: median(startSamples.noop ?? []),
            aiguard: median(startSamples.aiguard ?? []),
        },
        packs: {
            empty: perPack("empty"),
            noop: perPack("noop"),
            noopShared: perPack("noopShared"),
            aiguard: perPack("aiguard"),
            ...(compareDir ? { compare: perPack("compare") } : {}),
        },
        ...(compareDir ? { compareDir } : {}),
        diagnosticsSmall: rows("aiguard")[0]?.diagnostics ?? 0,
        analyzeEndToEnd: analyzeMs,
        preview: { empty: Math.min(...previewSamples.empty), aiguard: Math.min(...previewSamples.aiguard) },
        totalSeconds: Math.round(elapsedMs(started) / 1000),
    };
    const notes = path.join(root, "bench", "NOTES.md");
    const markdown = renderResults(figures, fs.existsSync(notes) ? fs.readFileSync(notes, "utf8") : "");
    fs.writeFileSync(path.join(root, "bench", "RESULTS.md"), markdown);
    fs.writeFileSync(path.join(root, "bench", "results.json"), `${JSON.stringify(figures, null, 2)}\n`);
    process.stdout.write(markdown);
}

main().catch((e) => {
    console.error(e);
    process.exitCode = 1;
});
