// `--format oscal`: an OSCAL 1.0.6 Assessment Results document from the report model, validated
// against NIST's published schema (kept with the shared reference material beside the repo).
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import Ajv from "ajv";
import addFormats from "ajv-formats";
import { beforeAll, describe, expect, it } from "vitest";
import { oscalControlId } from "../cli/oscal/common";
import type { Report } from "../cli/report";
import { aiguard } from "./support/cli";
import { projectRoot } from "./support/pack";

const schemaFile = path.join(
    projectRoot,
    "..",
    "shared",
    "reference",
    "schemas",
    "oscal-1.0.6-assessment-results.schema.json",
);
const stateFile = path.join(projectRoot, "examples", "state", "reference-dev.json");
const waivers = JSON.parse(
    fs.readFileSync(path.join(projectRoot, "examples", "policy-config", "waivers.json"), "utf8"),
) as Record<string, unknown>;

interface Prop {
    name: string;
    value: string;
}
interface Observation {
    uuid: string;
    props: Prop[];
    "relevant-evidence"?: { description: string; props?: Prop[] }[];
}
interface Finding {
    props: Prop[];
    target: { "target-id": string; status: { state: string } };
    "related-observations"?: { "observation-uuid": string }[];
}
interface Result {
    props: Prop[];
    "reviewed-controls": { "control-selections": { "include-controls"?: { "control-id": string }[] }[] };
    observations: Observation[];
    findings: Finding[];
}

const prop = (x: { props?: Prop[] }, name: string) => x.props?.find((p) => p.name === name)?.value;

describe("--format oscal", () => {
    let doc: { "assessment-results": { results: Result[] } };
    let json: Report;
    beforeAll(async () => {
        // A waiver, a downgraded policy and a disabled policy, so the document must show all three.
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aiguard-oscal-"));
        const config = path.join(dir, "policy-config.json");
        fs.writeFileSync(
            config,
            JSON.stringify({ ...waivers, "ai-bucket-tls-only": "disabled", "ai-bucket-sse-kms": "advisory" }),
        );
        const oscalFile = path.join(dir, "report.oscal.json");
        const jsonFile = path.join(dir, "report.json");
        const r = await aiguard(
            "analyze",
            "--file",
            stateFile,
            "--policy-config",
            config,
            "--format",
            "oscal",
            "--format",
            "json",
            "--output",
            `oscal=${oscalFile}`,
            "--output",
            `json=${jsonFile}`,
        );
        expect(r.code).toBe(1);
        doc = JSON.parse(fs.readFileSync(oscalFile, "utf8"));
        json = JSON.parse(fs.readFileSync(jsonFile, "utf8"));
    }, 180_000);

    const result = () => doc["assessment-results"].results[0] as Result;

    it.skipIf(!fs.existsSync(schemaFile))("is a valid OSCAL 1.0.6 assessment results document", () => {
        const schema = JSON.parse(fs.readFileSync(schemaFile, "utf8"));
        expect(schema.$schema).toBe("http://json-schema.org/draft-07/schema#");
        const ajv = new Ajv({ allErrors: true, strict: false });
        addFormats(ajv);
        const validate = ajv.compile(schema);
        validate(doc);
        expect(validate.errors ?? []).toEqual([]);
    });

    it("reviews every control the pack tested and gives each a finding with its status", () => {
        const tested = json.controls.filter((c) => c.tested > 0);
        const reviewed = result()["reviewed-controls"]["control-selections"][0]?.["include-controls"] ?? [];
        expect(reviewed.map((c) => c["control-id"]).sort()).toEqual(
            [...new Set(tested.map((c) => oscalControlId(c.framework, c.id)))].sort(),
        );
        expect(result().findings.length).toBe(tested.length);
        for (const c of tested) {
            const f = result().findings.find(
                (x) => prop(x, "framework") === c.framework && prop(x, "control-label") === c.id,
            );
            expect(f?.target.status.state, `${c.framework} ${c.id}`).toBe(
                c.failing + c.waived + c.undecided > 0 ? "not-satisfied" : "satisfied",
            );
            expect(prop(f as Finding, "tested")).toBe(String(c.tested));
        }
        expect(result().findings.some((f) => f.target.status.state === "satisfied")).toBe(true);
        expect(result().findings.some((f) => f.target.status.state === "not-satisfied")).toBe(true);
    });

    it("has one observation per (policy, resource) result, with the findings as evidence", () => {
        expect(result().observations.length).toBe(json.results.length);
        const uuids = new Set(result().observations.map((o) => o.uuid));
        for (const f of result().findings) {
            for (const r of f["related-observations"] ?? []) {
                expect(uuids.has(r["observation-uuid"])).toBe(true);
            }
        }
        const failing = result().observations.find(
            (o) => prop(o, "policy-id") === "sagemaker-notebook-root-disabled" && prop(o, "result") === "fail",
        );
        expect(failing?.["relevant-evidence"]?.[0]?.props?.map((p) => p.name)).toEqual([
            "setting",
            "found",
            "expected",
        ]);
    });

    it("shows the waived violation, the disabled policy and the downgraded policy", () => {
        const waived = result().observations.find((o) => prop(o, "result") === "waived");
        expect(prop(waived as Observation, "policy-id")).toBe("sagemaker-notebook-no-direct-internet");
        expect(prop(waived as Observation, "waiver-owner")).toBe("ml-platform@example.com");
        expect(
            result().observations.some(
                (o) => prop(o, "policy-id") === "ai-bucket-tls-only" && prop(o, "result") === "disabled",
            ),
        ).toBe(true);
        expect(prop(result(), "disabled-policies")).toContain("ai-bucket-tls-only");
        expect(prop(result(), "downgraded-policies")).toContain("ai-bucket-sse-kms");
    });
});
