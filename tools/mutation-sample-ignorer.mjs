// Stryker ignorer for `npm run mutation:sample` (tools/mutation-sample.ts): keeps only the sampled
// mutants. The run's mutate ranges are the sampled mutants' own source ranges, and a range also holds
// every node nested inside it (a sampled block statement holds a whole function body). This ignorer
// drops the nodes of a range that are neither a sampled location nor an ancestor of one, so the run
// costs about the sample and not the sample plus everything nested in it.
import * as fs from "node:fs";
import * as path from "node:path";
import { declareValuePlugin, PluginKind } from "@stryker-mutator/api/plugin";

const samplePath = process.env.AIGUARD_MUTATION_SAMPLE;
const byFile = new Map();
if (samplePath) {
    for (const m of JSON.parse(fs.readFileSync(samplePath, "utf8")).sampled) {
        byFile.set(m.file, [...(byFile.get(m.file) ?? []), m.location]);
    }
}

const before = (a, b) => a.line < b.line || (a.line === b.line && a.column <= b.column);
const contains = (outer, inner) => before(outer.start, inner.start) && before(inner.end, outer.end);
const same = (a, b) => contains(a, b) && contains(b, a);

/** Babel's 1-based lines to Stryker's 0-based ones, as in the sample. */
const locationOf = (loc) => ({
    start: { line: loc.start.line - 1, column: loc.start.column },
    end: { line: loc.end.line - 1, column: loc.end.column },
});

export const strykerPlugins = [
    declareValuePlugin(PluginKind.Ignore, "sampled-mutants-only", {
        shouldIgnore(nodePath) {
            const loc = nodePath.node.loc;
            const file = nodePath.hub?.file?.opts?.filename;
            if (!loc || !file) {
                return undefined;
            }
            const sampled = byFile.get(path.relative(process.cwd(), file).split(path.sep).join("/"));
            if (!sampled) {
                return undefined;
            }
            const here = locationOf(loc);
            return sampled.some((s) => same(s, here) || contains(here, s)) ? undefined : "Not in the mutant sample";
        },
    }),
];
