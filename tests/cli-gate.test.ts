// What a CI gate relies on, through main() as the installed command runs: waivers from a policy
// config file, waivers that match nothing, --strict on undecided checks, structured findings in JSON.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import type { Report } from "../cli/report";
import { aiguard } from "./support/cli";
import { projectRoot } from "./support/pack";

const programs = path.join(__dirname, "fixtures", "programs");
const waiverConfig = path.join(projectRoot, "examples", "policy-config", "waivers.json");

describe("waivers in a policy config file", () => {
    it("marks the waived violation, keeps it in the report and lists a waiver that matches nothing", async () => {
        const { code, stdout } = await aiguard("preview", "--policy-config", waiverConfig, "--format", "json");
        const report = JSON.parse(stdout) as Report;
        const waived = report.violations.filter((v) => v.waiver);
        expect(waived).toEqual([
            expect.objectContaining({
                policy: "sagemaker-notebook-no-direct-internet",
                enforcementLevel: "advisory",
                waiver: {
                    status: "waived",
                    expires: "2027-03-31",
                    owner: "ml-platform@example.com",
                    reason: "Sandbox account without data; internet access needed for package mirrors until 2027-Q1",
                },
            }),
        ]);
        expect(report.summary.waived).toBe(1);
        // The reference program still has other mandatory gaps.
        expect(report.summary.mandatory).toBe(5);
        expect(code).toBe(1);
        // "model-weigths" is a typo of the bucket's name: the waiver matches nothing and says so.
        expect(report.unmatchedWaivers).toEqual([
            {
                policy: "ai-bucket-versioning",
                resource: "model-weigths",
                owner: "ml-platform@example.com",
                expires: "2027-01-31",
            },
        ]);
    });

    it("shows waived entries and unmatched waivers in the text report", async () => {
        const { stdout } = await aiguard("preview", "--policy-config", waiverConfig);
        expect(stdout).toContain("- [waived]  sagemaker-notebook-no-direct-internet");
        expect(stdout).toContain('Waived until 2027-03-31 by ml-platform@example.com: "Sandbox account');
        expect(stdout).toContain("Waivers that match no resource (correct or remove them):");
        expect(stdout).toMatch(/Violations: 5 mandatory, \d+ advisory\. Waived: 1\./);
    });

    it("rejects a waiver without an owner with exit 2, naming the file and the policy", async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aiguard-gate-"));
        const file = path.join(dir, "bad.json");
        fs.writeFileSync(
            file,
            JSON.stringify({
                "sagemaker-notebook-no-direct-internet": {
                    waivers: [{ resource: "research-notebook", reason: "r", expires: "2027-03-31" }],
                },
            }),
        );
        const { code, stderr } = await aiguard("preview", "--policy-config", file);
        expect(code).toBe(2);
        expect(stderr).toMatch(
            /bad\.json: policy 'sagemaker-notebook-no-direct-internet': waivers\.0 must have required property 'owner'/,
        );
    });
});

describe("--strict", () => {
    const program = path.join(programs, "undecided");

    it("passes a preview whose only open question is decided at pulumi up", async () => {
        const { code, stdout } = await aiguard("preview", program);
        expect(stdout).toContain("Decided at pulumi up");
        expect(code).toBe(0);
    });

    it("fails the same preview when undecided checks must not pass a gate", async () => {
        const { code } = await aiguard("preview", program, "--strict");
        expect(code).toBe(1);
    });
});

describe("structured findings", () => {
    it("reads every failing setting back from the message into findings", async () => {
        const { stdout } = await aiguard("preview", "--format", "json");
        const report = JSON.parse(stdout) as Report;
        const capture = report.violations.find((v) => v.policy === "sagemaker-endpoint-data-capture");
        expect(capture?.findings).toEqual([
            {
                setting: "dataCaptureConfig",
                found: "not set (data capture off)",
                expected: "a data capture configuration with enableCapture true",
            },
        ]);
        expect(report.violations.every((v) => (v.findings?.length ?? 0) > 0)).toBe(true);
    });
});
