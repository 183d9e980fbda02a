// Coverage of the peers' AI checks is computed from the policies' own peer lists: every Checkov,
// Security Hub and Azure Policy AI check is covered by a policy or carries the reason it is not.
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { computeCoverage, renderCoverage } from "../cli/render/coverage";
import { peerTools } from "../policy-pack/core/vocabulary";
import { loadPeerChecks } from "../policy-pack/peers";
import { policies } from "../policy-pack/policies";
import { projectRoot } from "./support/pack";

const checks = loadPeerChecks();

describe("peer coverage", () => {
    it("lists each peer check once, with a known tool", () => {
        const keys = checks.map((c) => `${c.tool}:${c.id}`);
        expect(new Set(keys).size).toBe(keys.length);
        for (const c of checks) {
            expect(peerTools).toContain(c.tool);
        }
    });

    it.each(checks.map((c) => [`${c.tool}:${c.id}`, c] as const))(
        "%s is covered by a policy or says why not",
        (_, c) => {
            const coverage = computeCoverage(policies, [c])[0];
            const covered = (coverage?.covered ?? 0) > 0;
            // A reason on a covered check would be stale.
            expect(covered ? "covered" : (c.notCovered ?? "").length > 10 ? "explained" : "unexplained").toBe(
                covered ? "covered" : "explained",
            );
            if (covered) {
                expect(c.notCovered).toBeUndefined();
            }
        },
    );

    it("keeps docs/coverage.md equal to what `npm run docs` generates", () => {
        const committed = fs.readFileSync(path.join(projectRoot, "docs", "coverage.md"), "utf8");
        expect(committed).toBe(renderCoverage(policies, checks));
    });
});
