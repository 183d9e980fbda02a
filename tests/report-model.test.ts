// The report model, built through `aiguard analyze` on the reference state file with a policy
// config that waives, disables and downgrades: how each result status is known, the provenance,
// the classification, control coverage and the ATLAS view.
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Report } from "../cli/report";
import { aiguard } from "./support/cli";
import { projectRoot } from "./support/pack";

const stateFile = path.join(projectRoot, "examples", "state", "reference-dev.json");
const config = path.join(__dirname, "fixtures", "report-configs", "reference.json");
const sha256 = (file: string) => createHash("sha256").update(fs.readFileSync(file)).digest("hex");

let report: Report;
let text: string;
let markdown: string;
/** Every format's output of the same run, by format. */
const rendered = new Map<string, string>();

beforeAll(async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aiguard-model-"));
    const json = path.join(dir, "r.json");
    const md = path.join(dir, "r.md");
    const r = await aiguard(
        "analyze",
        "--file",
        stateFile,
        "--policy-config",
        config,
        "--ai-tag",
        "team=ml",
        "--format",
        "json",
        "--output",
        `json=${json}`,
        "--format",
        "text",
        "--format",
        "markdown",
        "--output",
        `markdown=${md}`,
        "--group-by",
        "control",
        ...["sarif", "html", "csv", "junit"].flatMap((f) => ["--format", f]),
        "--output-dir",
        dir,
    );
    expect(r.code).toBe(1);
    report = JSON.parse(fs.readFileSync(json, "utf8")) as Report;
    markdown = fs.readFileSync(md, "utf8");
    for (const f of fs.readdirSync(dir)) {
        rendered.set(f, fs.readFileSync(path.join(dir, f), "utf8"));
    }
    // With --output-dir, the text report goes there too.
    text = rendered.get("aiguard-report.txt") ?? "";
    fs.rmSync(dir, { recursive: true, force: true });
}, 300_000);

const resultOf = (policy: string, name: string) =>
    report.results.filter((r) => r.policy === policy && r.resource.name === name);

describe("report model", () => {
    it("gives one result per (policy, resource) and at least one per policy", () => {
        const keys = report.results.map((r) => `${r.policy} ${r.resource.urn}`);
        expect(new Set(keys).size).toBe(keys.length);
        for (const p of report.policies) {
            expect(
                report.results.some((r) => r.policy === p.id),
                p.id,
            ).toBe(true);
        }
    });

    it("knows a pass from the absence of a diagnostic on a resource the policy applies to", () => {
        // The KMS key is judged and compliant; the policy did not apply to anything else.
        const results = report.results.filter((r) => r.policy === "ai-kms-key-policy-not-public");
        expect(results.map((r) => [r.status, r.resource.type])).toEqual([["pass", "aws:kms/key:Key"]]);
    });

    it("keeps a fail with its structured findings and fix", () => {
        const [fail] = resultOf("sagemaker-notebook-root-disabled", "research-notebook");
        expect(fail).toMatchObject({ status: "fail", enforcementLevel: "mandatory", scope: "resource" });
        expect(fail?.findings?.[0]).toMatchObject({ setting: "rootAccess", expected: '"Disabled"' });
        expect(fail?.findings?.[0]?.fix).toMatch(/rootAccess/);
    });

    it("marks a waived violation with its waiver, and it does not count as mandatory", () => {
        const [waived] = resultOf("sagemaker-notebook-no-direct-internet", "research-notebook");
        expect(waived).toMatchObject({
            status: "waived",
            waiver: { status: "waived", owner: "ml-platform@example.com", expires: "2099-12-31" },
        });
        expect(waived?.reason).toContain("Sandbox account without data");
        expect(report.summary.waived).toBe(1);
    });

    it("shows a policy disabled by the config, on the resources it would judge", () => {
        expect(report.policies.find((p) => p.id === "sagemaker-notebook-imdsv2")).toMatchObject({
            defaultEnforcementLevel: "mandatory",
            enforcementLevel: "disabled",
            levelChange: "disabled",
        });
        const [disabled] = resultOf("sagemaker-notebook-imdsv2", "research-notebook");
        expect(disabled).toMatchObject({ status: "disabled" });
        expect(disabled?.reason).toBe("disabled by the policy config (the pack's default is mandatory)");
        expect(report.policyConfig.effective["sagemaker-notebook-imdsv2"]?.enforcementLevel).toBe("disabled");
        expect(report.policyConfig.file).toBe(path.relative(process.cwd(), config));
    });

    it("shows a downgraded policy, whose failures then count as advisory", () => {
        expect(report.policies.find((p) => p.id === "sagemaker-endpoint-data-capture")).toMatchObject({
            enforcementLevel: "advisory",
            levelChange: "downgraded",
        });
        const [r] = resultOf("sagemaker-endpoint-data-capture", "fraud-config");
        expect(r).toMatchObject({ status: "fail", enforcementLevel: "advisory" });
        expect(report.summary.downgradedPolicies).toBe(1);
    });

    it("says not-applicable once for a policy with nothing of its types in the stack, with the pack's reason", () => {
        const results = report.results.filter((r) => r.policy === "ai-account-cmk");
        expect(results).toEqual([
            expect.objectContaining({
                status: "not-applicable",
                scope: "stack",
                reason: "Policy only applies to resources of type 'azure-native:cognitiveservices:Account'",
            }),
        ]);
    });

    it("records every resource's classification with its reason, and the tag selectors", () => {
        const endpoint = report.resources.find((r) => r.type === "aws:sagemaker/endpoint:Endpoint");
        // The reference stack tags its AI resources; the tag is the strongest signal.
        expect(endpoint).toMatchObject({ system: "ai", reason: "tagged as part of the AI system", layer: "paas" });
        expect(report.resources.find((r) => r.name === "model-weights-pab")).toEqual(
            expect.objectContaining({ system: "none" }),
        );
        expect(report.resources.find((r) => r.name === "model-weights-pab")).not.toHaveProperty("reason");
        expect(report.selectors.aiTags).toEqual({ "aiguard:system": ["ai"], team: ["ml"] });
        expect(report.selectors.businessTags).toEqual({ "aiguard:system": ["business"] });
    });

    it("records provenance: versions, times and a SHA-256 of each input", () => {
        const prov = report.provenance;
        expect(prov?.tool).toMatchObject({ name: "aiguard", version: report.tool.version });
        expect(prov?.pack).toMatchObject({ name: "aiguard", version: report.pack.version });
        expect(prov?.inputs).toEqual([
            { kind: "state-file", path: path.relative(process.cwd(), stateFile), sha256: sha256(stateFile) },
            { kind: "policy-config", path: path.relative(process.cwd(), config), sha256: sha256(config) },
        ]);
        expect(Date.parse(prov?.startedAt ?? "")).toBeLessThanOrEqual(Date.parse(prov?.finishedAt ?? ""));
    });

    it("counts each control's tested and compliant resources from the results of the checks citing it", () => {
        for (const c of report.controls) {
            const ids = new Set(c.policies.map((p) => p.id));
            const tested = new Set(
                report.results
                    .filter((r) => ids.has(r.policy) && r.status !== "not-applicable" && r.status !== "disabled")
                    .map((r) => r.resource.urn),
            );
            expect(c.tested, `${c.framework} ${c.id}`).toBe(tested.size);
            expect(c.compliant + c.failing + c.waived + c.undecided).toBe(c.tested);
        }
        const sc7 = report.controls.find((c) => c.framework === "nist-800-53" && c.id === "SC-7");
        expect(sc7?.tested).toBeGreaterThan(0);
        expect(markdown).toContain(
            `**SC-7** Boundary Protection: tested on ${sc7?.tested} resources, ${sc7?.compliant} compliant`,
        );
    });

    it("lists the ATLAS techniques the deployed AI services face, with the checks against each", () => {
        expect(report.threats.services.map((s) => s.type)).toContain("aws:sagemaker/notebookInstance:NotebookInstance");
        const t0025 = report.threats.techniques.find((t) => t.id === "AML.T0025");
        expect(t0025?.name).toBe("Exfiltration via Cyber Means");
        expect(t0025?.checks).toContainEqual(
            expect.objectContaining({ policy: "sagemaker-notebook-no-direct-internet", counts: { waived: 1 } }),
        );
        expect(["exposed", "open", "mitigated"]).toContain(t0025?.status);
    });

    it("prints no secret value in any format", () => {
        // The notebook's defaultCodeRepository is a secret in the state file.
        expect([...rendered.keys()].sort()).toEqual([
            "aiguard-report.csv",
            "aiguard-report.html",
            "aiguard-report.junit.xml",
            "aiguard-report.sarif",
            "aiguard-report.txt",
            "r.json",
            "r.md",
        ]);
        for (const [name, out] of rendered) {
            expect(out, name).not.toContain("git.example.com");
        }
    });

    it("groups the text and markdown findings by control with --group-by control", () => {
        expect(text).toMatch(/\n {6}nist-800-53 SC-7 Boundary Protection {2}\(\d+\)\n/);
        expect(markdown).toMatch(/\n### nist-800-53 SC-7\n/);
    });
});
