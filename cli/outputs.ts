// Where each requested format goes. `--output FILE` with one format keeps its old meaning; with
// several formats, `--output FORMAT=FILE` names each one's file, plain `--output FILE` values pair
// in order with the formats not named that way, and `--output-dir DIR` takes the rest as
// DIR/aiguard-report.<ext>. At most one format may be left for stdout.
import * as fs from "node:fs";
import * as path from "node:path";
import { InputError, UsageError } from "../harness/errors";
import { type ReportFormat, renderers, reportFormats } from "./render/formats";

export interface Destination {
    readonly format: ReportFormat;
    /** Absent: stdout. */
    readonly file?: string;
}

export function planOutputs(
    formats: readonly ReportFormat[],
    outputs: readonly string[],
    outputDir: string | undefined,
): Destination[] {
    const wanted = [...new Set(formats.length > 0 ? formats : (["text"] as ReportFormat[]))];
    const named = new Map<ReportFormat, string>();
    const plain: string[] = [];
    for (const o of outputs) {
        const eq = o.indexOf("=");
        const prefix = eq > 0 ? o.slice(0, eq) : "";
        if ((reportFormats as readonly string[]).includes(prefix)) {
            const format = prefix as ReportFormat;
            if (!wanted.includes(format)) {
                throw new UsageError(`--output ${o} names the format ${format}, which no --format asks for`);
            }
            named.set(format, o.slice(eq + 1));
        } else {
            plain.push(o);
        }
    }
    const unnamed = wanted.filter((f) => !named.has(f));
    if (plain.length > unnamed.length) {
        throw new UsageError(`--output is given ${outputs.length} times for ${wanted.length} format(s)`);
    }
    unnamed.forEach((f, i) => {
        const file = plain[i];
        if (file !== undefined) {
            named.set(f, file);
        } else if (outputDir !== undefined) {
            named.set(f, path.join(outputDir, `aiguard-report.${renderers[f].extension}`));
        }
    });
    const toStdout = wanted.filter((f) => !named.has(f));
    if (toStdout.length > 1) {
        throw new UsageError(
            `--format ${toStdout.join(", ")} would all write to stdout; give --output FORMAT=FILE or --output-dir DIR`,
        );
    }
    return wanted.map((format) => {
        const file = named.get(format);
        return file === undefined ? { format } : { format, file };
    });
}

export function writeReportFile(file: string, text: string): void {
    try {
        fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
        fs.writeFileSync(file, text);
    } catch (e) {
        throw new InputError(
            file,
            `cannot write the report (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
        );
    }
}
