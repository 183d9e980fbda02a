import type { Report } from "../report";
import type { ReportRenderer } from "./formats";

export function renderJson(report: Report): string {
    return `${JSON.stringify(report, null, 2)}\n`;
}

export const jsonFormat: ReportRenderer = { extension: "json", render: renderJson };
