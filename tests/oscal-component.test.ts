// `aiguard policies --format oscal-component`: the pack as an OSCAL 1.0.6 Component Definition,
// validated against NIST's published schema (kept with the shared reference material beside the repo).
import * as fs from "node:fs";
import * as path from "node:path";
import Ajv from "ajv";
import addFormats from "ajv-formats";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { oscalControlId } from "../cli/oscal/common";
import { uuidV5 } from "../cli/oscal/uuid";
import { policies } from "../policy-pack/policies";
import { aiguard } from "./support/cli";
import { packDir, projectRoot } from "./support/pack";

const schemaFile = path.join(
    projectRoot,
    "..",
    "shared",
    "reference",
    "schemas",
    "oscal-1.0.6-component-definition.schema.json",
);
const foreignPack = path.join(__dirname, "fixtures", "packs", "foreign");

interface Prop {
    name: string;
    value: string;
}
interface Requirement {
    uuid: string;
    "control-id": string;
    description: string;
    props: Prop[];
    links?: { href: string }[];
}
interface ComponentDefinition {
    "component-definition": {
        uuid: string;
        metadata: { "oscal-version": string; version: string; "last-modified": string };
        components: {
            title: string;
            "control-implementations": { source: string; "implemented-requirements": Requirement[] }[];
        }[];
    };
}

async function componentDefinition(...argv: string[]): Promise<ComponentDefinition> {
    const r = await aiguard("policies", "--format", "oscal-component", ...argv);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    return JSON.parse(r.stdout) as ComponentDefinition;
}

const requirements = (doc: ComponentDefinition) =>
    doc["component-definition"].components.flatMap((c) =>
        c["control-implementations"].flatMap((ci) => ci["implemented-requirements"]),
    );
const prop = (r: Requirement, name: string) => r.props.find((p) => p.name === name)?.value;

function validator() {
    const schema = JSON.parse(fs.readFileSync(schemaFile, "utf8"));
    // NIST publishes the OSCAL schemas as JSON Schema draft-07, which is Ajv's default dialect.
    expect(schema.$schema).toBe("http://json-schema.org/draft-07/schema#");
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    return ajv.compile(schema);
}

describe("policies --format oscal-component", () => {
    let doc: ComponentDefinition;
    beforeAll(async () => {
        doc = await componentDefinition();
    });
    afterEach(() => {
        delete process.env.SOURCE_DATE_EPOCH;
    });

    it.skipIf(!fs.existsSync(schemaFile))("is a valid OSCAL 1.0.6 component definition", () => {
        const validate = validator();
        validate(doc);
        expect(validate.errors ?? []).toEqual([]);
        expect(doc["component-definition"].metadata["oscal-version"]).toBe("1.0.6");
    });

    it("makes every check an implemented requirement of every control it cites, with the rationale", () => {
        const reqs = requirements(doc);
        const cited = policies.flatMap((p) => p.controls.map((c) => `${p.id} ${c.framework} ${c.id}`));
        expect(reqs.length).toBe(cited.length);
        for (const p of policies) {
            for (const c of p.controls) {
                const r = reqs.find((x) => prop(x, "policy-id") === p.id && prop(x, "control-label") === c.id);
                expect(r?.["control-id"]).toBe(oscalControlId(c.framework, c.id));
                expect(prop(r as Requirement, "relation")).toBe(c.relation);
                expect(r?.description).toContain(c.rationale.slice(0, 40));
            }
        }
        const notebook = reqs.find(
            (r) => prop(r, "policy-id") === "sagemaker-notebook-no-direct-internet" && r["control-id"] === "sc-7.5",
        );
        expect(notebook && prop(notebook, "area")).toBe("network-isolation");
        expect(notebook && prop(notebook, "layer")).toBe("paas");
    });

    it("writes NIST SP 800-53 ids as NIST's OSCAL catalog does and keeps other ids as tokens", () => {
        expect(oscalControlId("nist-800-53", "SC-7(5)")).toBe("sc-7.5");
        expect(oscalControlId("nist-800-53", "AU-12")).toBe("au-12");
        expect(oscalControlId("nist-ai-rmf", "MEASURE 2.7")).toBe("MEASURE-2.7");
        expect(oscalControlId("mitre-atlas", "AML.T0024")).toBe("AML.T0024");
        expect(oscalControlId("iso-27001", "A.8.20")).toBe("A.8.20");
    });

    it("derives version 5 UUIDs from names (RFC 9562 test vector), so they are stable", () => {
        expect(uuidV5("www.example.com", "6ba7b810-9dad-11d1-80b4-00c04fd430c8")).toBe(
            "2ed6657d-e927-568b-95e1-2665a8aea6a2",
        );
        const uuids = [doc["component-definition"].uuid, ...requirements(doc).map((r) => r.uuid)];
        expect(new Set(uuids).size).toBe(uuids.length);
    });

    it("regenerates byte for byte when SOURCE_DATE_EPOCH fixes the timestamp", async () => {
        process.env.SOURCE_DATE_EPOCH = "1767225600";
        const first = await aiguard("policies", "--format", "oscal-component");
        const second = await aiguard("policies", "--format", "oscal-component");
        expect(first.stdout).toBe(second.stdout);
        expect(JSON.parse(first.stdout)["component-definition"].metadata["last-modified"]).toBe(
            "2026-01-01T00:00:00.000Z",
        );
    });

    it("describes the served aiguard pack exactly as its catalog does", async () => {
        const served = await componentDefinition("--policy-pack", packDir);
        expect(requirements(served)).toEqual(requirements(doc));
    }, 60_000);

    it("describes another pack only by what it states about itself", async () => {
        const foreign = await componentDefinition("--policy-pack", foreignPack);
        if (fs.existsSync(schemaFile)) {
            const validate = validator();
            validate(foreign);
            expect(validate.errors ?? []).toEqual([]);
        }
        expect(foreign["component-definition"].components[0]?.title).toBe("foreign policy pack");
        const reqs = requirements(foreign);
        // Its policy named like an aiguard policy cites its own control, and none of aiguard's.
        expect(reqs.map((r) => `${prop(r, "policy-id")} ${r["control-id"]}`)).toEqual([
            "ai-bucket-sse-kms cm-8",
            "foreign-framework-field au-2",
        ]);
        const tagged = reqs[0] as Requirement;
        // An area outside the vocabulary and a relation the pack never stated stay absent.
        expect(prop(tagged, "area")).toBeUndefined();
        expect(prop(tagged, "relation")).toBeUndefined();
        expect(prop(tagged, "severity")).toBe("medium");
        expect(tagged.description).toBe("The check `ai-bucket-sse-kms` cites CM-8. Buckets carry an owner tag.");
    }, 60_000);
});
