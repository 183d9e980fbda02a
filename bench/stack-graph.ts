// Benchmark of the stack graph: building it and running the three path policies' searches, in
// process, on generated stacks of 1k and 10k resources (bench/path-stack.ts). Run after
// `npm run build` with `node dist/bench/stack-graph.js`; prints one line per size.

import { classify } from "../policy-pack/core/classification";
import type { StackCheck } from "../policy-pack/core/definition";
import aiBridges from "../policy-pack/policies/stack/ai-bridges-business-systems";
import aiToBusiness from "../policy-pack/policies/stack/ai-to-business-path";
import managementPlane from "../policy-pack/policies/stack/business-reaches-ai-management-plane";
import { buildStackGraph } from "../policy-pack/shared/stack-graph";
import { largeStack, toStackResources } from "./path-stack";

function median(xs: number[]): number {
    const s = [...xs].sort((a, b) => a - b);
    return s[Math.floor(s.length / 2)] as number;
}

function run(size: number, rounds: number): void {
    const resources = toStackResources(largeStack(size));
    const classification = classify(resources, {});
    const builds: number[] = [];
    const queries: number[] = [];
    let edges = 0;
    let failures = 0;
    for (let round = 0; round < rounds; round++) {
        const t0 = performance.now();
        edges = buildStackGraph(resources).edgeCount;
        builds.push(performance.now() - t0);
        // Each policy gets fresh resource objects per call in the engine; the same array here, so
        // the first policy builds (memoized) and the rest reuse it, as within one AnalyzeStack.
        const copy = [...resources];
        failures = 0;
        const check: StackCheck<Record<string, never>> = {
            config: {},
            resources: copy,
            classification,
            fail: () => {
                failures++;
            },
            undecided: () => {},
            allow: () => {},
        };
        const t1 = performance.now();
        for (const p of [aiToBusiness, aiBridges, managementPlane]) {
            p.validate(check as never);
        }
        queries.push(performance.now() - t1);
    }
    console.log(
        `${String(resources.length).padStart(6)} resources, ${String(edges).padStart(6)} edges: build ${median(builds).toFixed(1)} ms, memoized build + three policies' searches ${median(queries).toFixed(1)} ms (median of ${rounds}; ${failures} findings)`,
    );
}

run(1_000, 9);
run(10_000, 5);
