// `aiguard analyze` over many state files: one report per stack, an aggregate by control and layer,
// and bad files reported and skipped without stopping the others.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Aggregate } from "../cli/commands/analyze-many";
import type { Report } from "../cli/report";
import { aiguard, type CliRun } from "./support/cli";
import { projectRoot } from "./support/pack";

const reference = fs.readFileSync(path.join(projectRoot, "examples", "state", "reference-dev.json"), "utf8");

/** The reference state as another stack of the same project. */
const variant = (stack: string) => reference.replaceAll("urn:pulumi:dev::", `urn:pulumi:${stack}::`);

describe("analyze with many state files", () => {
    let dir: string;
    let out: string;
    let run: CliRun;
    beforeAll(async () => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), "aiguard-many-"));
        const states = path.join(dir, "states");
        fs.mkdirSync(states);
        fs.writeFileSync(path.join(states, "prod.json"), variant("prod"));
        fs.writeFileSync(path.join(states, "staging.json"), variant("staging"));
        fs.writeFileSync(path.join(states, "broken.json"), '{"version": 3, "deployment": ');
        out = path.join(dir, "reports");
        run = await aiguard(
            "analyze",
            "--file",
            states,
            "--file",
            path.join(dir, "missing.json"),
            "--output-dir",
            out,
            "--format",
            "json",
            "--format",
            "oscal",
        );
    }, 300_000);

    it("writes one report per stack in every format asked for", () => {
        for (const stack of ["prod", "staging"]) {
            const report = JSON.parse(fs.readFileSync(path.join(out, stack, "aiguard-report.json"), "utf8")) as Report;
            expect(report.stack).toBe(stack);
            expect(report.summary.mandatory).toBeGreaterThan(0);
            expect(fs.existsSync(path.join(out, stack, "aiguard-report.oscal.json"))).toBe(true);
        }
    });

    it("reports bad files, skips them, and says so in the exit status", () => {
        expect(run.code).toBe(2);
        const errors = run.stderr.split("\n").filter((l) => l.startsWith("aiguard: "));
        expect(errors).toEqual([
            expect.stringMatching(/broken\.json: /),
            expect.stringMatching(/missing\.json: no such file$/),
        ]);
        expect(fs.existsSync(path.join(out, "broken"))).toBe(false);
    });

    it("aggregates the stacks by control and by layer", () => {
        const agg = JSON.parse(fs.readFileSync(path.join(out, "aggregate.json"), "utf8")) as Aggregate;
        expect(agg.stacks.map((s) => s.stack ?? s.error?.slice(0, 0))).toEqual(["", "prod", "staging", ""]);
        const one = JSON.parse(fs.readFileSync(path.join(out, "prod", "aiguard-report.json"), "utf8")) as Report;
        // Two identical stacks: every count is twice one stack's.
        const sc7 = one.controls.find((c) => c.framework === "nist-800-53" && c.id === "SC-7(5)");
        const aggSc7 = agg.controls.find((c) => c.framework === "nist-800-53" && c.id === "SC-7(5)");
        expect(aggSc7?.tested).toBe(2 * (sc7?.tested ?? 0));
        expect(aggSc7?.stacks).toBe(2);
        const paasFails = one.results.filter((r) => r.layer === "paas" && r.status === "fail").length;
        expect(agg.layers.paas?.fail).toBe(2 * paasFails);
        expect(run.stdout).toMatch(/Analyzed 4 state file\(s\) in [\d.]+ s\./);
        expect(run.stdout).toContain("By layer");
    });

    it("needs an output directory for many stacks", async () => {
        const r = await aiguard("analyze", "--file", path.join(dir, "states"));
        expect(r.code).toBe(2);
        expect(r.stderr).toBe(
            "aiguard: several state files need --output-dir DIR (one report per stack), not --output\n",
        );
    });
});
