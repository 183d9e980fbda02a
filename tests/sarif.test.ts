// SARIF as GitHub code scanning reads it, produced through main() as a CI job runs it, and validated
// against the published SARIF 2.1.0 schema (kept with the shared reference material beside the repo).
import * as fs from "node:fs";
import * as path from "node:path";
import Ajv from "ajv-draft-04";
import addFormats from "ajv-formats";
import { beforeAll, describe, expect, it } from "vitest";
import { policies } from "../policy-pack/policies";
import { aiguard } from "./support/cli";
import { projectRoot } from "./support/pack";

const schemaFile = path.join(projectRoot, "..", "shared", "reference", "schemas", "sarif-2.1.0.schema.json");
const waiverConfig = path.join(projectRoot, "examples", "policy-config", "waivers.json");
const stateFile = path.join(projectRoot, "examples", "state", "reference-dev.json");

interface SarifResult {
    ruleId: string;
    kind: string;
    level: string;
    partialFingerprints: Record<string, string>;
    suppressions?: { kind: string; status: string; justification: string }[];
    locations: {
        physicalLocation?: { artifactLocation: { uri: string }; region: { startLine: number } };
        logicalLocations: { fullyQualifiedName: string; name: string }[];
    }[];
    properties: { findings?: unknown[]; layer: string };
}
interface SarifLog {
    version: string;
    runs: {
        tool: { driver: { rules: { id: string; properties: Record<string, unknown>; help: { markdown: string } }[] } };
        results: SarifResult[];
    }[];
}

async function sarifOf(...argv: string[]): Promise<{ code: number; log: SarifLog }> {
    const r = await aiguard(...argv, "--format", "sarif");
    return { code: r.code, log: JSON.parse(r.stdout) as SarifLog };
}

describe("--format sarif", () => {
    // The reference program previewed once with a waiver config; the tests read the same log.
    let preview: { code: number; log: SarifLog };
    beforeAll(async () => {
        preview = await sarifOf("preview", "--policy-config", waiverConfig);
    }, 180_000);

    it.skipIf(!fs.existsSync(schemaFile))("is valid SARIF 2.1.0", async () => {
        const { code, log } = preview;
        expect(code).toBe(1);
        const ajv = new Ajv({ allErrors: true, strict: false });
        addFormats(ajv);
        const validate = ajv.compile(JSON.parse(fs.readFileSync(schemaFile, "utf8")));
        const valid = validate(log);
        expect(validate.errors ?? []).toEqual([]);
        expect(valid).toBe(true);
    });

    it("has one rule per policy with severity, tags and help, and one result per failing (policy, resource)", async () => {
        const { log } = preview;
        const run = log.runs[0];
        expect(run?.tool.driver.rules.map((r) => r.id)).toEqual(policies.map((p) => p.id));
        const notebook = run?.tool.driver.rules.find((r) => r.id === "sagemaker-notebook-no-direct-internet");
        expect(notebook?.properties["security-severity"]).toBe("7.5");
        expect(notebook?.properties.tags).toEqual(
            expect.arrayContaining(["security", "area:network-isolation", "nist-800-53:SC-7(5)"]),
        );
        expect(notebook?.help.markdown).toContain("implements nist-800-53 SC-7(5)");
        const failed = run?.results.filter((r) => r.kind === "fail") ?? [];
        const pairs = failed.map((r) => `${r.ruleId} ${r.locations[0]?.logicalLocations[0]?.fullyQualifiedName}`);
        expect(new Set(pairs).size).toBe(pairs.length);
        expect(failed.every((r) => (r.properties.findings?.length ?? 0) > 0)).toBe(true);
    });

    it("marks a waived violation as an accepted suppression with its justification", async () => {
        const { log } = preview;
        const waived = log.runs[0]?.results.filter((r) => r.suppressions) ?? [];
        expect(waived.map((r) => r.ruleId)).toEqual(["sagemaker-notebook-no-direct-internet"]);
        expect(waived[0]?.suppressions).toEqual([
            {
                kind: "external",
                status: "accepted",
                justification: expect.stringContaining("owner ml-platform@example.com, until 2027-03-31"),
            },
        ]);
    });

    it("locates each previewed result at the program line that registered its resource", () => {
        const results = preview.log.runs[0]?.results ?? [];
        expect(results.length).toBeGreaterThan(0);
        for (const r of results) {
            const location = r.locations[0];
            const physical = location?.physicalLocation;
            expect(physical?.artifactLocation.uri, r.ruleId).toBe("examples/reference/index.ts");
            const line = fs
                .readFileSync(path.join(projectRoot, "examples", "reference", "index.ts"), "utf8")
                .split("\n")[(physical?.region.startLine ?? 0) - 1];
            // The registering line is the `new …("name", …)` of that resource.
            expect(line, r.ruleId).toContain(`"${location?.logicalLocations[0]?.name}"`);
        }
    });

    it("locates results of a state file by URN only: no program line is known", async () => {
        const { log } = await sarifOf("analyze", "--file", stateFile);
        const results = log.runs[0]?.results ?? [];
        expect(results.length).toBeGreaterThan(0);
        expect(results.every((r) => r.locations[0]?.physicalLocation === undefined)).toBe(true);
    });

    it("gives the same fingerprints on every run, so alerts are tracked across commits", async () => {
        const first = await sarifOf("analyze", "--file", stateFile);
        const second = await sarifOf("analyze", "--file", stateFile);
        const prints = (log: SarifLog) => log.runs[0]?.results.map((r) => r.partialFingerprints["aiguardFinding/v1"]);
        expect(prints(second.log)).toEqual(prints(first.log));
        expect(new Set(prints(first.log)).size).toBe(first.log.runs[0]?.results.length);
    });
});
