// Where each format goes (--format repeatable, --output FILE or FORMAT=FILE, --output-dir), and the
// escaping rules of the tracker formats: RFC 4180 quoting, spreadsheet formula injection, XML text.
import { describe, expect, it } from "vitest";
import { planOutputs } from "../cli/outputs";
import { csvField, defuse } from "../cli/render/csv";
import { xml } from "../cli/render/junit";
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
