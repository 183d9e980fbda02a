// The `aiguard` command as the contract specifies it: output shapes, exit codes, bad input. Each
// test goes through main(), the same path the installed command takes.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import type { Report } from "../cli/report";
import { policies } from "../policy-pack/policies";
import { aiguard } from "./support/cli";
import { projectRoot } from "./support/pack";

const stateFile = path.join(projectRoot, "examples", "state", "reference-dev.json");
const programs = path.join(__dirname, "fixtures", "programs");

function tempFile(name: string, content?: string): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aiguard-cli-"));
    const file = path.join(dir, name);
    if (content !== undefined) {
        fs.writeFileSync(file, content);
    }
    return file;
}

describe("aiguard policies", () => {
    it("lists every policy with the contract's fields in JSON", async () => {
        const r = await aiguard("policies", "--format", "json");
        expect(r.code).toBe(0);
        const doc = JSON.parse(r.stdout);
        expect(doc.policies).toHaveLength(policies.length);
        for (const p of doc.policies) {
            expect(Object.keys(p)).toEqual([
                "id",
                "cloud",
                "kind",
                "area",
                "layer",
                "severity",
                "enforcementLevel",
                "controls",
                "peers",
                "description",
            ]);
        }
        const notebook = doc.policies.find((p: { id: string }) => p.id === "sagemaker-notebook-no-direct-internet");
        expect(notebook).toMatchObject({ cloud: "aws", kind: "resource", area: "network-isolation", layer: "paas" });
        expect(notebook.peers).toContainEqual({ tool: "checkov", id: "CKV_AWS_122" });
    });

    it("prints a readable table with controls and peers", async () => {
        const r = await aiguard("policies");
        expect(r.code).toBe(0);
        expect(r.stdout).toMatch(/^ID\s+CLOUD\s+KIND\s+AREA\s+LAYER\s+SEVERITY\s+ENFORCEMENT/);
        expect(r.stdout).toContain("controls: nist-800-53:SC-7");
        expect(r.stdout).toContain(`${policies.length} policies.`);
    });
});

describe("aiguard analyze", () => {
    it("reports a state file in the contract's JSON shape, field by field, and exits 1 on mandatory violations", async () => {
        const r = await aiguard("analyze", "--file", stateFile, "--format", "json");
        expect(r.code).toBe(1);
        const report: Report = JSON.parse(r.stdout);
        expect(Object.keys(report)).toEqual([
            "tool",
            "pack",
            "mode",
            "project",
            "stack",
            "resourcesEvaluated",
            "violations",
            "undecided",
            "unmatchedWaivers",
            "summary",
            // Extensions of the contract, after its fields.
            "results",
            "policies",
            "resources",
            "selectors",
            "policyConfig",
            "controls",
            "threats",
            "provenance",
        ]);
        expect(report.tool).toEqual({ name: "aiguard", version: "0.1.0" });
        expect(report.pack).toEqual({ name: "aiguard", version: "0.1.0" });
        expect(report.mode).toBe("analyze");
        expect(report.resourcesEvaluated).toBe(14);
        const v = report.violations.find((x) => x.policy === "sagemaker-notebook-no-direct-internet");
        expect(v).toEqual({
            policy: "sagemaker-notebook-no-direct-internet",
            resource: {
                urn: "urn:pulumi:dev::aiguard-reference::aws:sagemaker/notebookInstance:NotebookInstance::research-notebook",
                type: "aws:sagemaker/notebookInstance:NotebookInstance",
                name: "research-notebook",
            },
            enforcementLevel: "mandatory",
            severity: "high",
            area: "network-isolation",
            layer: "paas",
            controls: expect.arrayContaining([
                expect.objectContaining({ framework: "nist-800-53", id: "SC-7(5)", relation: "implements" }),
                expect.objectContaining({ framework: "mitre-atlas", id: "AML.T0025", relation: "mitigates" }),
            ]),
            peers: expect.arrayContaining([{ tool: "aws-securityhub", id: "SageMaker.1" }]),
            message: expect.stringContaining("directInternetAccess is not set"),
            findings: [
                {
                    setting: "directInternetAccess",
                    found: 'not set (provider default "Enabled")',
                    expected: '"Disabled"',
                },
            ],
            fix: expect.stringContaining('Set directInternetAccess to "Disabled"'),
        });
        expect(report.summary).toMatchObject({
            mandatory: report.violations.filter((x) => x.enforcementLevel === "mandatory").length,
            advisory: report.violations.filter((x) => x.enforcementLevel === "advisory").length,
            waived: 0,
            undecided: report.undecided.length,
            disabledPolicies: 0,
            downgradedPolicies: 0,
        });
        expect(r.stdout).not.toContain("git.example.com");
    });

    it("notes encrypted secrets it cannot read", async () => {
        const r = await aiguard("analyze", "--file", stateFile);
        expect(r.stderr).toContain("holds 1 encrypted secret(s)");
    });

    it("exits 0 when every mandatory policy passes or is relaxed by policy config", async () => {
        const config = tempFile("config.json", JSON.stringify({ all: "advisory" }));
        const r = await aiguard("analyze", "--file", stateFile, "--policy-config", config, "--format", "json");
        expect(r.code).toBe(0);
        const report: Report = JSON.parse(r.stdout);
        expect(report.summary.mandatory).toBe(0);
        expect(report.summary.advisory).toBeGreaterThan(0);
    });

    it("writes the report to --output", async () => {
        const out = tempFile("report.json");
        const r = await aiguard("analyze", "--file", stateFile, "--format", "json", "--output", out);
        expect(r.stdout).toBe("");
        expect(JSON.parse(fs.readFileSync(out, "utf8")).mode).toBe("analyze");
    });

    it.each([
        [
            "a missing file",
            ["--file", "/nonexistent/state.json"],
            /^aiguard: \/nonexistent\/state\.json: no such file\n$/,
        ],
        ["invalid JSON", ["--file", "@bad"], /: not valid JSON/],
        ["a JSON file that is not a state file", ["--file", "@notstate"], /: not a Pulumi state file/],
        [
            "an unknown format",
            ["--file", stateFile, "--format", "xml"],
            /^aiguard: --format must be text, json, sarif, markdown, html, csv or junit, not 'xml'\n$/,
        ],
        [
            "a policy config that names no policy",
            ["--file", stateFile, "--policy-config", "@unknownpolicy"],
            /config names policy 'nope'/,
        ],
        [
            "a policy config with a bad value",
            ["--file", stateFile, "--policy-config", "@badconfig"],
            /policy 'sagemaker-endpoint-data-capture': minimumSamplingPercentage must be <= 100/,
        ],
    ])("exits 2 with one line naming the problem for %s", async (_, args, expected) => {
        const files: Record<string, string> = {
            "@bad": tempFile("bad.json", "{not json"),
            "@notstate": tempFile("other.json", JSON.stringify({ hello: "world" })),
            "@unknownpolicy": tempFile("c1.json", JSON.stringify({ nope: "mandatory" })),
            "@badconfig": tempFile(
                "c2.json",
                JSON.stringify({ "sagemaker-endpoint-data-capture": { minimumSamplingPercentage: 150 } }),
            ),
        };
        const r = await aiguard("analyze", ...args.map((a) => files[a] ?? a));
        expect(r.code).toBe(2);
        expect(r.stderr).toMatch(expected);
        expect(r.stderr.trim().split("\n")).toHaveLength(1);
        expect(r.stdout).toBe("");
    });
});

describe("aiguard preview", () => {
    it("previews the reference program offline and finds a violation in every area it touches", async () => {
        const r = await aiguard("preview", projectRoot, "--format", "json");
        expect(r.code).toBe(1);
        const report: Report = JSON.parse(r.stdout);
        expect(report.mode).toBe("preview");
        expect(report.project).toBe("aiguard-reference");
        const areas = new Set(report.violations.map((v) => v.area));
        for (const area of ["model-storage", "network-isolation", "io-logging", "segmentation"]) {
            expect(areas).toContain(area);
        }
    });

    it("prints violations the way the Pulumi CLI's policy section does", async () => {
        const r = await aiguard("preview", projectRoot);
        expect(r.stdout).toContain("Policies:\n    ❌ aiguard@v0.1.0 (local: ");
        expect(r.stdout).toMatch(
            /\n {8}- \[mandatory\] {2}sagemaker-notebook-no-direct-internet {2}\(aws:sagemaker\/notebookInstance:NotebookInstance: research-notebook\)\n {10}high · network-isolation · paas · SC-7\(5\)[^\n]*\n {10}SageMaker notebook instances have direct internet access disabled\.\n {10}NotebookInstance 'research-notebook': /,
        );
        expect(r.stdout).toMatch(/Resources evaluated: 14\. Violations: \d+ mandatory, \d+ advisory\./);
    });

    it("applies --ai-tag to classification: an untagged security group becomes part of the AI system", async () => {
        const untagged = await aiguard("preview", path.join(programs, "tagged"), "--format", "json");
        expect(untagged.code).toBe(0);
        const tagged = await aiguard(
            "preview",
            path.join(programs, "tagged"),
            "--format",
            "json",
            "--ai-tag",
            "workload=llm",
        );
        expect(tagged.code).toBe(1);
        const report: Report = JSON.parse(tagged.stdout);
        expect(report.violations.map((v) => `${v.policy}:${v.resource.name}`)).toEqual([
            "ai-sg-no-public-ingress:llm-sg",
        ]);
    });

    it.each([
        [
            "a program that throws",
            path.join(programs, "throws"),
            /index\.ts:1: the program failed: .*the program refuses to run/,
        ],
        ["a directory without Pulumi.yaml", programs, /no Pulumi\.yaml here/],
        ["a missing directory", path.join(programs, "nowhere"), /: no such directory/],
    ])("exits 2 with one line for %s", async (_, dir, expected) => {
        const r = await aiguard("preview", dir);
        expect(r.code).toBe(2);
        expect(r.stderr).toMatch(expected);
        expect(r.stderr.trim().split("\n")).toHaveLength(1);
    });
});

describe("usage", () => {
    it("exits 2 on an unknown option or command, 0 on --help", async () => {
        expect((await aiguard("analyze", "--nope")).code).toBe(2);
        expect((await aiguard("frobnicate")).code).toBe(2);
        expect((await aiguard("analyze")).code).toBe(2);
        expect((await aiguard("--help")).code).toBe(0);
        expect((await aiguard("--version")).stdout.trim()).toBe("0.1.0");
    });
});
