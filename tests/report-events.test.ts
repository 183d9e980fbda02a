// `aiguard report --events FILE`: reports from the event log of a real `pulumi preview --policy-pack`
// run. The logs are built from the engine's event types with the real pack's verdicts on the
// reference state file, mixed with events of other kinds and of another pack.
import * as fs from "node:fs";
import * as path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parseEventLog } from "../cli/events";
import type { Report } from "../cli/report";
import { aiguard } from "./support/cli";
import { type EngineEvent, engineEvents, engineMessage, writeEventLog } from "./support/events";
import { packDir, projectRoot } from "./support/pack";

const stateFile = path.join(projectRoot, "examples", "state", "reference-dev.json");
const waiverConfig = path.join(projectRoot, "examples", "policy-config", "waivers.json");
const foreignPack = path.join(__dirname, "fixtures", "packs", "foreign");

const pairs = (xs: readonly { policy: string; resource: { urn: string } }[]) =>
    xs.map((x) => `${x.policy} ${x.resource.urn}`).sort();

describe("report --events", () => {
    let events: EngineEvent[];
    let log: string;
    let direct: Report;
    beforeAll(async () => {
        ({ events } = await engineEvents({ packDir, stateFile }));
        log = writeEventLog(events);
        const r = await aiguard("analyze", "--file", stateFile, "--format", "json");
        direct = JSON.parse(r.stdout) as Report;
    }, 180_000);

    it("reports the violations the engine logged, as analyzing the same state reports them", async () => {
        const r = await aiguard("report", "--events", log, "--format", "json");
        expect(r.code).toBe(1);
        const report = JSON.parse(r.stdout) as Report;
        expect(pairs(report.violations)).toEqual(pairs(direct.violations));
        expect(report.summary.mandatory).toBe(direct.summary.mandatory);
        expect(report.project).toBe("aiguard-reference");
        expect(report.stack).toBe("dev");
        expect(report.mode).toBe("events");
        // Metadata joined from the served pack: layer, area and controls of every violation.
        const notebook = report.violations.find((v) => v.policy === "sagemaker-notebook-no-direct-internet");
        expect(notebook?.area).toBe("network-isolation");
        expect(notebook?.controls.map((c) => c.id)).toContain("SC-7(5)");
        expect(notebook?.findings?.[0]?.setting).toBe("directInternetAccess");
        // The engine's summaries say which policies passed.
        expect(report.summary.results.pass).toBe(direct.summary.results.pass);
        expect(report.provenance?.inputs.map((i) => i.kind)).toEqual(["event-log"]);
    }, 120_000);

    it("ignores events of other packs and of other kinds", async () => {
        const r = await aiguard("report", "--events", log, "--format", "json");
        const report = JSON.parse(r.stdout) as Report;
        expect(report.violations.map((v) => v.policy)).not.toContain("require-tags");
        expect(report.pack).toEqual({ name: "aiguard", version: direct.pack.version });
        expect(r.stderr).toBe("");
        const parsed = parseEventLog(fs.readFileSync(log, "utf8"), log);
        expect(parsed.violations.some((v) => v.packName === "org-baseline")).toBe(true);
        expect(parsed.violations.every((v) => !v.message.includes("<{%"))).toBe(true);
    }, 120_000);

    it("shows a waived violation and a disabled policy when given the policy config of the run", async () => {
        const config = JSON.parse(fs.readFileSync(waiverConfig, "utf8"));
        const withConfig = { ...config, "ai-bucket-tls-only": "disabled" };
        const configFile = writeEventLog([], "config.json").replace(/config\.json$/, "policy-config.json");
        fs.writeFileSync(configFile, JSON.stringify(withConfig));
        const built = await engineEvents({ packDir, stateFile, policyConfig: withConfig });
        const r = await aiguard(
            "report",
            "--events",
            writeEventLog(built.events),
            "--policy-config",
            configFile,
            "--format",
            "json",
        );
        const report = JSON.parse(r.stdout) as Report;
        expect(report.violations.find((v) => v.waiver)?.policy).toBe("sagemaker-notebook-no-direct-internet");
        expect(report.results.filter((x) => x.status === "disabled").map((x) => x.policy)).toContain(
            "ai-bucket-tls-only",
        );
        expect(report.summary.disabledPolicies).toBe(1);
    }, 180_000);

    it("keeps to the violations when the log has no policy summaries, and says so", async () => {
        const built = await engineEvents({ packDir, stateFile, withoutSummaries: true });
        const r = await aiguard("report", "--events", writeEventLog(built.events), "--format", "json");
        const report = JSON.parse(r.stdout) as Report;
        expect(pairs(report.violations)).toEqual(pairs(direct.violations));
        expect(report.summary.results.pass).toBe(0);
        expect(r.stderr).toMatch(/has no policy summary events .*passes are not/);
    }, 180_000);

    it("describes another pack by what it states, and says when the log holds nothing of the pack", async () => {
        const built = await engineEvents({ packDir: foreignPack, stateFile });
        const r = await aiguard(
            "report",
            "--events",
            writeEventLog(built.events),
            "--policy-pack",
            foreignPack,
            "--format",
            "json",
        );
        const report = JSON.parse(r.stdout) as Report;
        expect(report.pack.name).toBe("foreign");
        const v = report.violations.find((x) => x.policy === "ai-bucket-sse-kms");
        expect(v?.message).toContain("bucket has no owner tag");
        expect(v?.area).toBe("");
        expect(v?.controls).toEqual([{ framework: "nist-800-53", id: "CM-8" }]);
        const missing = await aiguard("report", "--events", log, "--policy-pack", foreignPack, "--format", "json");
        expect(missing.stderr).toMatch(
            /holds no results of policy pack foreign \(it has results of aiguard, org-baseline\)/,
        );
    }, 180_000);

    it("renders every report format from the log", async () => {
        const dir = path.dirname(writeEventLog([]));
        const formats = ["text", "sarif", "csv", "junit", "oscal"];
        const r = await aiguard(
            "report",
            "--events",
            log,
            ...formats.flatMap((f) => ["--format", f]),
            "--output-dir",
            dir,
        );
        expect(r.code).toBe(1);
        for (const f of fs.readdirSync(dir).filter((x) => x.startsWith("aiguard-report."))) {
            expect(fs.readFileSync(path.join(dir, f), "utf8"), f).toContain("sagemaker-notebook-no-direct-internet");
        }
        expect(fs.readdirSync(dir).filter((x) => x.startsWith("aiguard-report.")).length).toBe(formats.length);
        const text = fs.readdirSync(dir).find((x) => x.startsWith("aiguard-report.") && x.endsWith(".txt"));
        expect(fs.readFileSync(path.join(dir, text ?? "missing"), "utf8")).toMatch(
            /^Reporting on aiguard-reference \(dev\) from a pulumi event log with policy pack /,
        );
    }, 180_000);

    it("stops at a malformed line with one error naming the file and line, exit 2", async () => {
        const bad = writeEventLog([...events.slice(0, 3)]);
        fs.appendFileSync(bad, '{"sequence": 4, "policyEvent": \n');
        const r = await aiguard("report", "--events", bad);
        expect(r.code).toBe(2);
        expect(r.stderr).toMatch(
            new RegExp(`^aiguard: ${bad.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:4: not JSON \\(.*\\)\\n$`),
        );
        expect(r.stdout).toBe("");
        const level = writeEventLog([
            {
                sequence: 1,
                timestamp: 1,
                policyEvent: { policyName: "p", policyPackName: "x", enforcementLevel: "loud" },
            },
        ]);
        const r2 = await aiguard("report", "--events", level);
        expect(r2.code).toBe(2);
        expect(r2.stderr).toMatch(/:1: policyEvent with an unknown enforcementLevel "loud"\n$/);
        const missing = await aiguard("report", "--events", "no-such-events.jsonl");
        expect(missing.stderr).toBe("aiguard: no-such-events.jsonl: no such file\n");
        expect(missing.code).toBe(2);
    });

    it("strips the engine's colour directives from messages", () => {
        const parsed = parseEventLog(
            JSON.stringify({
                sequence: 1,
                timestamp: 1,
                policyEvent: {
                    resourceUrn: "urn:pulumi:dev::p::aws:s3/bucket:Bucket::b",
                    message: engineMessage("Bucket 'b': versioning is off"),
                    color: "raw",
                    policyName: "x",
                    policyPackName: "aiguard",
                    policyPackVersion: "0.1.0",
                    policyPackVersionTag: "0.1.0",
                    enforcementLevel: "advisory",
                },
            }),
            "log",
        );
        expect(parsed.violations[0]?.message).toBe("Bucket 'b': versioning is off");
    });
});
