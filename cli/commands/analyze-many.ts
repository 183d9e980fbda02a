// `aiguard analyze` over many state files: several `--file` arguments, or directories of `*.json`
// state files. Files are evaluated in parallel, each by its own pack process, at most one per CPU;
// every stack gets its own report (every requested format, under --output-dir/<file name>/), and an
// aggregate by control and layer goes to --output-dir/aggregate.json and, as text, to stdout. A file
// that cannot be read or evaluated is reported and skipped; the others still run.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { InputError, UsageError } from "../../harness/errors";
import { readStateFile } from "../../harness/state-file";
import type { Io } from "../io";
import type { RunOptions } from "../options";
import { planOutputs, writeReportFile } from "../outputs";
import { digest } from "../provenance";
import { renderers } from "../render/formats";
import type { Report, ResultStatus } from "../report";
import { evaluateToReport, exitStatus } from "./evaluate";

/** `--file` values: files as given, directories expanded to their `*.json` files in name order. */
export function stateFiles(args: readonly string[]): string[] {
    return args.flatMap((a) => {
        let stat: fs.Stats;
        try {
            stat = fs.statSync(a);
        } catch {
            return [a]; // reported as unreadable with the other bad files
        }
        if (!stat.isDirectory()) {
            return [a];
        }
        return fs
            .readdirSync(a)
            .filter((f) => f.endsWith(".json"))
            .sort()
            .map((f) => path.join(a, f));
    });
}

export interface StackOutcome {
    readonly file: string;
    readonly report?: Report;
    readonly error?: string;
    readonly exitCode: number;
}

/** Runs `task` over `items` with at most `limit` running at once, keeping the input order. */
async function boundedMap<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
    const out = new Array<R>(items.length);
    let next = 0;
    const worker = async () => {
        while (next < items.length) {
            const i = next++;
            out[i] = await task(items[i] as T);
        }
    };
    await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
    return out;
}

/** A directory name for a stack's reports: the state file's name, made unique. */
function reportDirs(files: readonly string[]): string[] {
    const seen = new Map<string, number>();
    return files.map((f) => {
        const base = path.basename(f, ".json").replace(/[^\w.-]+/g, "_") || "stack";
        const n = (seen.get(base) ?? 0) + 1;
        seen.set(base, n);
        return n === 1 ? base : `${base}-${n}`;
    });
}

export interface Aggregate {
    readonly stacks: readonly {
        readonly file: string;
        readonly project?: string;
        readonly stack?: string;
        readonly mandatory?: number;
        readonly advisory?: number;
        readonly waived?: number;
        readonly undecided?: number;
        readonly error?: string;
    }[];
    /** Per layer, results by status over every stack. */
    readonly layers: Readonly<Record<string, Partial<Record<ResultStatus, number>>>>;
    /** Per control, resources tested and compliant over every stack. */
    readonly controls: readonly {
        readonly framework: string;
        readonly id: string;
        readonly stacks: number;
        readonly tested: number;
        readonly compliant: number;
        readonly failing: number;
        readonly waived: number;
        readonly undecided: number;
    }[];
}

export function aggregate(outcomes: readonly StackOutcome[]): Aggregate {
    const layers: Record<string, Partial<Record<ResultStatus, number>>> = {};
    const controls = new Map<
        string,
        { -readonly [K in keyof Aggregate["controls"][number]]: Aggregate["controls"][number][K] }
    >();
    for (const o of outcomes) {
        for (const r of o.report?.results ?? []) {
            const layer = r.layer || "unknown";
            const counts = layers[layer] ?? {};
            counts[r.status] = (counts[r.status] ?? 0) + 1;
            layers[layer] = counts;
        }
        for (const c of o.report?.controls ?? []) {
            if (c.tested === 0) {
                continue;
            }
            const k = `${c.framework}\u0000${c.id}`;
            const e = controls.get(k) ?? {
                framework: c.framework,
                id: c.id,
                stacks: 0,
                tested: 0,
                compliant: 0,
                failing: 0,
                waived: 0,
                undecided: 0,
            };
            e.stacks++;
            e.tested += c.tested;
            e.compliant += c.compliant;
            e.failing += c.failing;
            e.waived += c.waived;
            e.undecided += c.undecided;
            controls.set(k, e);
        }
    }
    return {
        stacks: outcomes.map((o) =>
            o.report
                ? {
                      file: o.file,
                      project: o.report.project,
                      stack: o.report.stack,
                      mandatory: o.report.summary.mandatory,
                      advisory: o.report.summary.advisory,
                      waived: o.report.summary.waived,
                      undecided: o.report.summary.undecided,
                  }
                : { file: o.file, error: o.error ?? "failed" },
        ),
        layers,
        controls: [...controls.values()].sort(
            (a, b) => b.failing - a.failing || a.framework.localeCompare(b.framework) || a.id.localeCompare(b.id),
        ),
    };
}

function aggregateText(agg: Aggregate, elapsedMs: number): string {
    const lines = [`Analyzed ${agg.stacks.length} state file(s) in ${(elapsedMs / 1000).toFixed(1)} s.`, "", "Stacks:"];
    for (const s of agg.stacks) {
        lines.push(
            s.error
                ? `    ✗ ${s.file}: ${s.error}`
                : `    ${(s.mandatory ?? 0) > 0 ? "❌" : "✅"} ${s.file} (${s.project}/${s.stack}): ${s.mandatory} mandatory, ${s.advisory} advisory, ${s.waived} waived, ${s.undecided} undecided`,
        );
    }
    lines.push("", "By layer (results over every stack):");
    for (const [layer, counts] of Object.entries(agg.layers).sort()) {
        lines.push(
            `    ${layer}: ${Object.entries(counts)
                .map(([k, v]) => `${k} ${v}`)
                .join(", ")}`,
        );
    }
    const failing = agg.controls.filter((c) => c.failing > 0);
    lines.push("", `Controls failing somewhere: ${failing.length} of ${agg.controls.length} tested.`);
    for (const c of failing.slice(0, 15)) {
        lines.push(
            `    ${c.framework} ${c.id}: ${c.failing} of ${c.tested} resources failing, in ${c.stacks} stack(s)`,
        );
    }
    return `${lines.join("\n")}\n`;
}

export async function analyzeMany(args: readonly string[], options: RunOptions, io: Io): Promise<number> {
    const started = Date.now();
    const outDir = options.outputDir;
    if (outDir === undefined || options.outputs.length > 0) {
        throw new UsageError("several state files need --output-dir DIR (one report per stack), not --output");
    }
    const files = stateFiles(args);
    if (files.length === 0) {
        throw new UsageError(`no state files (*.json) in ${args.join(", ")}`);
    }
    const formats = options.formats.length > 0 ? options.formats : (["json"] as const);
    const dirs = reportDirs(files);
    const quiet: Io = { stdout: () => {}, stderr: () => {}, stderrIsTty: false };
    const workers = Math.max(1, Math.min(os.availableParallelism(), files.length));
    let done = 0;
    const progress = () => {
        if (io.stderrIsTty) {
            io.stderr(`\ranalyzed ${done}/${files.length} state files`);
            if (done === files.length) {
                io.stderr("\n");
            }
        }
    };
    const outcomes = await boundedMap(
        files.map((f, i) => [f, dirs[i] as string] as const),
        workers,
        async ([file, dir]) => {
            let outcome: StackOutcome;
            try {
                const startedAt = new Date();
                const state = readStateFile(file);
                const { report, packLocation } = await evaluateToReport(
                    {
                        mode: "analyze",
                        project: state.project,
                        stack: state.stack,
                        resources: state.resources,
                        config: {},
                        startedAt,
                        inputs: [digest("state-file", file)],
                    },
                    options,
                    quiet,
                );
                for (const d of planOutputs(formats, [], path.join(outDir, dir))) {
                    writeReportFile(d.file as string, renderers[d.format].render(report, { packLocation }));
                }
                outcome = { file, report, exitCode: exitStatus(report, options) };
            } catch (e) {
                const message =
                    e instanceof InputError || e instanceof UsageError ? e.message : String((e as Error).message ?? e);
                // Every file is named once, in front: strip the repetition an InputError already carries.
                const error = message.startsWith(`${file}: `) ? message.slice(file.length + 2) : message;
                io.stderr(`${io.stderrIsTty ? "\n" : ""}aiguard: ${file}: ${error}\n`);
                outcome = { file, error, exitCode: 2 };
            }
            done++;
            progress();
            return outcome;
        },
    );
    const agg = aggregate(outcomes);
    writeReportFile(path.join(outDir, "aggregate.json"), `${JSON.stringify(agg, null, 2)}\n`);
    io.stdout(aggregateText(agg, Date.now() - started));
    io.stderr(`Wrote ${outcomes.filter((o) => o.report).length} stack report(s) and aggregate.json to ${outDir}\n`);
    // 2 when a file could not be analyzed, else 1 when a stack has a mandatory violation.
    return Math.max(...outcomes.map((o) => o.exitCode));
}
