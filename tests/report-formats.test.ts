// Every report format, produced in one run per program the way a CI job runs aiguard (several
// --format flags, one --output-dir), for the reference program and both insecure examples. Each run
// uses a policy config that waives one violation, disables one policy and downgrades another, and
// every format must show all three. The checks name the fields each format must carry.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import Ajv from "ajv-draft-04";
import addFormats from "ajv-formats";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Report } from "../cli/report";
import { aiguard } from "./support/cli";
import { projectRoot } from "./support/pack";

const sarifSchema = path.join(projectRoot, "..", "shared", "reference", "schemas", "sarif-2.1.0.schema.json");
const configs = path.join(__dirname, "fixtures", "report-configs");

interface Case {
    readonly name: string;
    readonly dir: string;
    readonly config: string;
    readonly waived: { readonly policy: string; readonly resource: string };
    readonly disabled: string;
    readonly downgraded: string;
}

const cases: readonly Case[] = [
    {
        name: "reference",
        dir: projectRoot,
        config: path.join(configs, "reference.json"),
        waived: { policy: "sagemaker-notebook-no-direct-internet", resource: "research-notebook" },
        disabled: "sagemaker-notebook-imdsv2",
        downgraded: "sagemaker-endpoint-data-capture",
    },
    {
        name: "aws-insecure",
        dir: path.join(projectRoot, "examples", "aws-insecure"),
        config: path.join(configs, "aws-insecure.json"),
        waived: { policy: "ai-bucket-versioning", resource: "ml-data" },
        disabled: "agentcore-browser-vpc",
        downgraded: "ai-bucket-sse-kms",
    },
    {
        name: "azure-insecure",
        dir: path.join(projectRoot, "examples", "azure-insecure"),
        config: path.join(configs, "azure-insecure.json"),
        waived: { policy: "ai-account-cmk", resource: "genai-openai" },
        disabled: "ai-account-managed-identity",
        downgraded: "ai-account-local-auth-disabled",
    },
];

const formats = ["text", "json", "sarif", "markdown", "html", "csv", "junit"] as const;
const extensions: Record<(typeof formats)[number], string> = {
    text: "txt",
    json: "json",
    sarif: "sarif",
    markdown: "md",
    html: "html",
    csv: "csv",
    junit: "junit.xml",
};

/** RFC 4180 reader: quoted fields may hold commas, quotes (doubled) and line breaks. */
function parseCsv(text: string): string[][] {
    const rows: string[][] = [];
    let row: string[] = [];
    let field = "";
    let quoted = false;
    for (let i = 0; i < text.length; i++) {
        const c = text[i] as string;
        if (quoted) {
            if (c === '"' && text[i + 1] === '"') {
                field += '"';
                i++;
            } else if (c === '"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c === '"') {
            quoted = true;
        } else if (c === ",") {
            row.push(field);
            field = "";
        } else if (c === "\r" && text[i + 1] === "\n") {
            row.push(field);
            rows.push(row);
            row = [];
            field = "";
            i++;
        } else {
            field += c;
        }
    }
    return rows;
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "aiguard-formats-"));
const outputs = new Map<string, { code: number; files: Record<string, string>; report: Report }>();

beforeAll(async () => {
    for (const c of cases) {
        const dir = path.join(tmp, c.name);
        const r = await aiguard(
            "preview",
            c.dir,
            "--policy-config",
            c.config,
            ...formats.flatMap((f) => ["--format", f]),
            "--output-dir",
            dir,
        );
        expect(r.stderr).not.toMatch(/aiguard: /);
        const files = Object.fromEntries(
            formats.map((f) => [f, fs.readFileSync(path.join(dir, `aiguard-report.${extensions[f]}`), "utf8")]),
        );
        outputs.set(c.name, { code: r.code, files, report: JSON.parse(files.json as string) as Report });
    }
}, 900_000);

afterAll(() => {
    fs.rmSync(tmp, { recursive: true, force: true });
});

describe.each(cases.map((c) => [c.name, c] as const))("reports of %s", (_, c) => {
    const out = () => {
        const o = outputs.get(c.name);
        if (!o) {
            throw new Error(`no run for ${c.name}`);
        }
        return o;
    };

    it("json: keeps the contract's fields and adds results, policies, resources, coverage, threats and provenance", () => {
        const { report, code } = out();
        expect(code).toBe(1);
        for (const field of ["tool", "pack", "mode", "resourcesEvaluated", "violations", "summary"]) {
            expect(report, field).toHaveProperty(field);
        }
        expect(report.mode).toBe("preview");
        for (const field of ["results", "policies", "resources", "selectors", "policyConfig", "controls", "threats"]) {
            expect(report, field).toHaveProperty(field);
        }
        const statuses = new Set(report.results.map((r) => r.status));
        for (const s of ["pass", "fail", "waived", "not-applicable", "disabled"]) {
            expect(statuses, s).toContain(s);
        }
        const failing = report.results.find((r) => r.status === "fail" && r.findings);
        expect(failing?.findings?.[0]).toEqual(
            expect.objectContaining({
                setting: expect.any(String),
                found: expect.any(String),
                expected: expect.any(String),
                fix: expect.any(String),
            }),
        );
        const waived = report.results.find((r) => r.status === "waived");
        expect(waived).toMatchObject({ policy: c.waived.policy, resource: { name: c.waived.resource } });
        expect(report.policies.find((p) => p.id === c.disabled)).toMatchObject({
            enforcementLevel: "disabled",
            levelChange: "disabled",
        });
        expect(report.policies.find((p) => p.id === c.downgraded)).toMatchObject({
            defaultEnforcementLevel: "mandatory",
            enforcementLevel: "advisory",
            levelChange: "downgraded",
        });
        expect(report.summary).toMatchObject({ disabledPolicies: 1, downgradedPolicies: 1, waived: 1 });
        expect(report.resources.some((r) => r.system === "ai" && r.reason)).toBe(true);
        expect(report.controls.some((x) => x.tested > 0)).toBe(true);
        expect(report.threats.services.length).toBeGreaterThan(0);
        expect(report.threats.techniques.length).toBeGreaterThan(0);
        const prov = report.provenance;
        expect(prov?.inputs.some((i) => i.kind === "program-file" && /^[0-9a-f]{64}$/.test(i.sha256))).toBe(true);
        expect(prov?.inputs.some((i) => i.kind === "policy-config")).toBe(true);
        expect(Date.parse(prov?.finishedAt ?? "") >= Date.parse(prov?.startedAt ?? "x")).toBe(true);
        expect(prov?.tool.version).toBe(report.tool.version);
    });

    it("text: every violation shows severity, area, layer and controls; the config's changes are listed", () => {
        const text = out().files.text as string;
        expect(text).toMatch(/\[waived\] {2}\S+/);
        expect(text).toContain(`- ${c.disabled}: disabled (`);
        expect(text).toContain(`- ${c.downgraded}: downgraded (mandatory → advisory)`);
        // The line under each entry: severity · area · layer · controls.
        expect(text).toMatch(/\n {10}(low|medium|high|critical) · [a-z-]+ · [a-z-]+ · [A-Z]{2}-\d+/);
    });

    it("sarif: rules carry the effective level, the config's changes are rule overrides, the waiver a suppression", () => {
        const log = JSON.parse(out().files.sarif as string);
        const run = log.runs[0];
        const overrides = run.invocations[0].ruleConfigurationOverrides as {
            descriptor: { id: string };
            configuration: { enabled?: boolean; level?: string };
        }[];
        expect(overrides.find((o) => o.descriptor.id === c.disabled)?.configuration).toEqual({ enabled: false });
        expect(overrides.find((o) => o.descriptor.id === c.downgraded)?.configuration).toEqual({ level: "warning" });
        const waived = run.results.find(
            (r: { ruleId: string; suppressions?: unknown[] }) => r.ruleId === c.waived.policy && r.suppressions,
        );
        expect(waived?.suppressions?.[0]).toMatchObject({ status: "accepted" });
        if (fs.existsSync(sarifSchema)) {
            const ajv = new Ajv({ allErrors: true, strict: false });
            addFormats(ajv);
            const validate = ajv.compile(JSON.parse(fs.readFileSync(sarifSchema, "utf8")));
            validate(log);
            expect(validate.errors ?? []).toEqual([]);
        }
    });

    it("markdown: summary by layer and area, framework view with coverage, threats, findings with settings and fix", () => {
        const md = out().files.markdown as string;
        for (const heading of [
            "## Summary",
            "### By layer",
            "### By area",
            "## By framework",
            "## MITRE ATLAS threat view",
            "## Findings",
        ]) {
            expect(md).toContain(heading);
        }
        for (const fw of [
            "### NIST AI RMF",
            "### NIST SP 800-53 Rev. 5",
            "### ISO/IEC 42001",
            "### ISO/IEC 27001",
            "### MITRE ATLAS",
        ]) {
            expect(md).toContain(fw);
        }
        expect(md).toMatch(/- \*\*[A-Z]{2}-\d+(\(\d+\))?\*\* .*: tested on \d+ resources?, \d+ compliant/);
        expect(md).toContain("| Setting | Found | Expected |");
        expect(md).toMatch(/\nFix: \S/);
        expect(md).toContain(`| ${c.disabled} | disabled | `);
        expect(md).toContain(`| ${c.downgraded} | downgraded | mandatory | advisory |`);
        expect(md).toMatch(new RegExp(`#### ${c.waived.policy}: .*'${c.waived.resource}' \\(WAIVED\\)`));
        expect(md).toContain("- Waiver (waived): until 2099-12-31");
    });

    it("html: one self-contained file with the same sections, the config's changes and the waiver", () => {
        const html = out().files.html as string;
        expect(html).toMatch(/^<!DOCTYPE html>/);
        expect(html).not.toMatch(/<(script|link|img)\b/);
        expect(html).not.toMatch(/(src|href)="https?:/);
        for (const id of [
            "summary",
            "frameworks",
            "threats",
            "findings",
            "skipped",
            "passed",
            "resources",
            "provenance",
        ]) {
            expect(html).toContain(`<section id="${id}">`);
        }
        expect(html).toContain(`data-policy="${c.waived.policy}" data-status="waived"`);
        expect(html).toMatch(new RegExp(`<td>${c.disabled}</td><td><span class="badge disabled">disabled</span>`));
        expect(html).toMatch(new RegExp(`<td>${c.downgraded}</td><td><span class="badge [a-z]+">downgraded</span>`));
    });

    it("csv: one RFC 4180 row per result with findings, fix, level change and waiver", () => {
        const { files, report } = out();
        const csv = files.csv as string;
        expect(csv.endsWith("\r\n")).toBe(true);
        const [header, ...rows] = parseCsv(csv);
        expect(header).toEqual([
            "policy",
            "status",
            "enforcement_level",
            "level_change",
            "severity",
            "area",
            "layer",
            "resource_type",
            "resource_name",
            "resource_urn",
            "scope",
            "setting",
            "found",
            "expected",
            "fix",
            "reason",
            "waiver_owner",
            "waiver_expires",
            "controls",
        ]);
        expect(rows).toHaveLength(report.results.length);
        const col = (name: string) => (header as string[]).indexOf(name);
        expect(rows.every((r) => r.length === (header as string[]).length)).toBe(true);
        const waived = rows.find((r) => r[col("status")] === "waived");
        expect(waived?.[col("policy")]).toBe(c.waived.policy);
        expect(waived?.[col("waiver_expires")]).toBe("2099-12-31");
        expect(rows.some((r) => r[col("policy")] === c.disabled && r[col("status")] === "disabled")).toBe(true);
        expect(rows.find((r) => r[col("policy")] === c.downgraded)?.[col("level_change")]).toBe(
            "downgraded: mandatory → advisory",
        );
        const failing = rows.find((r) => r[col("status")] === "fail" && r[col("setting")] !== "");
        expect(failing?.[col("fix")]).not.toBe("");
        expect(rows.flat().some((cell) => /^[=+\-@]/.test(cell))).toBe(false);
    });

    it("junit: one test case per result; failures for fail, skipped with reasons for the rest", () => {
        const { files, report } = out();
        const xml = files.junit as string;
        const cases = xml.match(/<testcase /g) ?? [];
        expect(cases).toHaveLength(report.results.length);
        const failures = xml.match(/<failure /g) ?? [];
        expect(failures).toHaveLength(report.results.filter((r) => r.status === "fail").length);
        const top = /<testsuites [^>]*tests="(\d+)" failures="(\d+)" errors="0" skipped="(\d+)"/.exec(xml);
        expect(Number(top?.[1])).toBe(report.results.length);
        expect(xml).toMatch(
            new RegExp(
                `<testsuite name="${c.waived.policy}"[\\s\\S]*?<skipped message="waived: waived until 2099-12-31`,
            ),
        );
        expect(xml).toMatch(
            new RegExp(
                `<testsuite name="${c.disabled}"[\\s\\S]*?<skipped message="disabled: disabled by the policy config`,
            ),
        );
        expect(xml).toMatch(
            new RegExp(
                `<testsuite name="${c.downgraded}"[^>]*>\\s*<properties>[\\s\\S]*?<property name="levelChange" value="downgraded"/>`,
            ),
        );
    });
});
