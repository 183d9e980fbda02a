// The per-framework crosswalks in docs/frameworks/ are generated from the policies' citations and kept
// current; threats are worded as threats, never as controls a check implements.
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { isThreat, renderCrosswalk } from "../cli/render/crosswalk";
import { frameworks } from "../policy-pack/core/vocabulary";
import { policies } from "../policy-pack/policies";
import { projectRoot } from "./support/pack";

describe("framework crosswalks", () => {
    it.each(frameworks.map((f) => [f] as const))("docs/frameworks/%s.md equals what `npm run docs` generates", (f) => {
        const committed = fs.readFileSync(path.join(projectRoot, "docs", "frameworks", `${f}.md`), "utf8");
        expect(committed).toBe(renderCrosswalk(f, policies));
    });

    it.each(frameworks.map((f) => [f] as const))("%s: every cited id appears, controls and threats apart", (f) => {
        const doc = renderCrosswalk(f, policies);
        const [controlsPart = "", rest = ""] = doc.split("## Threats the checks help against");
        for (const p of policies) {
            for (const c of p.controls.filter((x) => x.framework === f)) {
                expect(doc).toContain(`| ${c.id} |`);
                if (isThreat(f, c.id)) {
                    expect(rest, `${c.id} is listed as a threat`).toContain(`| ${c.id} |`);
                    expect(controlsPart.split("## Out of scope")[0]).not.toContain(`| ${c.id} |`);
                }
            }
        }
    });

    it("lists the ids no check cites as out of scope or not addressed", () => {
        const doc = renderCrosswalk("nist-ai-rmf", policies);
        expect(doc).toContain("## Out of scope or not addressed");
        expect(doc).toMatch(/\| GOVERN 1\.1 \|/);
    });
});
