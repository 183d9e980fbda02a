// Every report format, by the name `--format` takes. A format is one file exporting a renderer of
// the report model; listing it here is all it takes to offer it on the command line.
import type { Report } from "../report";
import { csvFormat } from "./csv";
import { jsonFormat } from "./json";
import { junitFormat } from "./junit";
import { htmlFormat } from "./report-html";
import { markdownFormat } from "./report-markdown";
import { sarifFormat } from "./sarif";
import { textFormat } from "./text";

export const groupings = ["control", "framework", "layer", "area", "resource"] as const;
export type GroupBy = (typeof groupings)[number];

export interface RenderContext {
    /** How text and markdown group the failing results; by default, in level order. */
    readonly groupBy?: GroupBy;
    /** Where the pack was loaded from, as the text report names it. */
    readonly packLocation: string;
}

export interface ReportRenderer {
    /** File extension for `--output-dir`. */
    readonly extension: string;
    render(report: Report, context: RenderContext): string;
}

export const renderers = {
    text: textFormat,
    json: jsonFormat,
    sarif: sarifFormat,
    markdown: markdownFormat,
    html: htmlFormat,
    csv: csvFormat,
    junit: junitFormat,
} as const satisfies Record<string, ReportRenderer>;

export type ReportFormat = keyof typeof renderers;
export const reportFormats = Object.keys(renderers) as ReportFormat[];
