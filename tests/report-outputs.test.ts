// Where each format goes (--format repeatable, --output FILE or FORMAT=FILE, --output-dir), and the
// escaping rules of the tracker formats: RFC 4180 quoting, spreadsheet formula injection, XML text.
import { describe, expect, it } from "vitest";
import { planOutputs } from "../cli/outputs";
import { csvField, defuse } from "../cli/render/csv";
import type { GroupBy } from "../cli/render/formats";
import { groupViolations } from "../cli/render/grouping";
import { groupFindings } from "../cli/render/human";
import { xml } from "../cli/render/junit";
import type { Report } from "../cli/report";
import { UsageError } from "../harness/errors";

describe("planOutputs", () => {
    it("keeps the single --format X --output F meaning", () => {
        expect(planOutputs(["json"], ["r.json"], undefined)).toEqual([{ format: "json", file: "r.json" }]);
        expect(planOutputs([], [], undefined)).toEqual([{ format: "text" }]);
    });

    it("pairs plain outputs in order with the formats, and FORMAT=FILE with its format", () => {
        expect(planOutputs(["html", "csv", "junit"], ["junit=j.xml", "r.html", "r.csv"], undefined)).toEqual([
            { format: "html", file: "r.html" },
            { format: "csv", file: "r.csv" },
            { format: "junit", file: "j.xml" },
        ]);
    });

    it("sends the formats without an output to the output directory, or one of them to stdout", () => {
        expect(planOutputs(["text", "sarif"], ["sarif=s.sarif"], undefined)).toEqual([
            { format: "text" },
            { format: "sarif", file: "s.sarif" },
        ]);
        expect(planOutputs(["markdown", "junit"], [], "out")).toEqual([
            { format: "markdown", file: "out/aiguard-report.md" },
            { format: "junit", file: "out/aiguard-report.junit.xml" },
        ]);
    });

    it("refuses two formats on stdout, an output for a format not asked for, and too many outputs", () => {
        expect(() => planOutputs(["text", "json"], [], undefined)).toThrow(UsageError);
        expect(() => planOutputs(["text", "json"], [], undefined)).toThrow(
            /--format text, json would all write to stdout/,
        );
        expect(() => planOutputs(["json"], ["csv=r.csv"], undefined)).toThrow(/no --format asks for/);
        expect(() => planOutputs(["json"], ["a.json", "b.json"], undefined)).toThrow(UsageError);
    });

    it("treats a file name with '=' that does not start with a format as a plain file", () => {
        expect(planOutputs(["json"], ["a=b.json"], undefined)).toEqual([{ format: "json", file: "a=b.json" }]);
    });
});

describe("CSV fields", () => {
    it("quotes commas, quotes and line breaks as RFC 4180 says", () => {
        expect(csvField("plain")).toBe("plain");
        expect(csvField("a,b")).toBe('"a,b"');
        expect(csvField('say "hi"')).toBe('"say ""hi"""');
        expect(csvField("two\nlines")).toBe('"two\nlines"');
    });

    it("defuses what a spreadsheet would run as a formula", () => {
        for (const v of ['=HYPERLINK("x")', "+1", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd"]) {
            expect(defuse(v)).toBe(`'${v}`);
        }
        expect(csvField('=cmd|"/c calc"!A1')).toBe('"\'=cmd|""/c calc""!A1"');
        expect(defuse('"=quoted"')).toBe('"=quoted"');
    });
});

describe("XML text", () => {
    it("escapes markup and drops characters XML 1.0 cannot hold", () => {
        expect(xml(`<a href="x">&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;");
        expect(xml("bell\u0007 and esc\u001b[31m")).toBe("bell and esc[31m");
        expect(xml("tab\tnewline\n")).toBe("tab\tnewline\n");
    });
});

describe("--group-by", () => {
    const notebook = { urn: "urn:nb", type: "aws:sagemaker/notebookInstance:NotebookInstance", name: "nb" };
    const bucket = { urn: "urn:b", type: "aws:s3/bucket:Bucket", name: "weights" };
    const sc7 = { framework: "nist-800-53", id: "SC-7", relation: "implements", rationale: "r" } as const;
    const t0025 = { framework: "mitre-atlas", id: "AML.T0025", relation: "mitigates", rationale: "r" } as const;
    const sc28 = { framework: "nist-800-53", id: "SC-28", relation: "implements", rationale: "r" } as const;
    const entry = (policy: string, resource: typeof notebook, area: string, layer: string, controls: unknown[]) => ({
        policy,
        resource,
        enforcementLevel: "mandatory",
        severity: "high",
        area,
        layer,
        controls,
        peers: [],
        message: "m",
    });
    const violations = [
        entry("nb-internet", notebook, "network-isolation", "paas", [sc7, t0025]),
        entry("bucket-kms", bucket, "model-storage", "data-plane", [sc28]),
    ];
    const report = {
        violations,
        results: violations.map((v) => ({ ...v, scope: "resource", status: "fail" })),
        policies: violations.map((v) => ({ id: v.policy, controls: v.controls })),
    } as unknown as Report;

    it("lists an entry under each control, framework, layer, area or resource it belongs to", () => {
        const titles = (by: GroupBy) => groupViolations(report, by).map((g) => [g.key, g.entries.map((e) => e.policy)]);
        expect(titles("control")).toEqual([
            ["mitre-atlas AML.T0025", ["nb-internet"]],
            ["nist-800-53 SC-7", ["nb-internet"]],
            ["nist-800-53 SC-28", ["bucket-kms"]],
        ]);
        expect(titles("framework")).toEqual([
            ["mitre-atlas", ["nb-internet"]],
            ["nist-800-53", ["nb-internet", "bucket-kms"]],
        ]);
        expect(titles("layer")).toEqual([
            ["data-plane", ["bucket-kms"]],
            ["paas", ["nb-internet"]],
        ]);
        expect(titles("area")).toEqual([
            ["model-storage", ["bucket-kms"]],
            ["network-isolation", ["nb-internet"]],
        ]);
        expect(titles("resource")).toEqual([
            ["urn:b", ["bucket-kms"]],
            ["urn:nb", ["nb-internet"]],
        ]);
    });

    it("groups the markdown findings the same way, under readable titles", () => {
        const titles = (by: GroupBy) => groupFindings(report, by).map((g) => [g.title, g.results.map((r) => r.policy)]);
        expect(titles("layer")).toEqual([
            ["Data plane: stores, registries, keys and log sinks", ["bucket-kms"]],
            ["Managed ML platform (PaaS)", ["nb-internet"]],
        ]);
        expect(titles("resource")).toEqual([
            ["Bucket 'weights'", ["bucket-kms"]],
            ["NotebookInstance 'nb'", ["nb-internet"]],
        ]);
        expect(titles("framework").map(([t]) => t)).toEqual(["MITRE ATLAS", "NIST SP 800-53 Rev. 5"]);
        expect(groupFindings(report, undefined)).toEqual([{ title: "", results: report.results }]);
    });
});
