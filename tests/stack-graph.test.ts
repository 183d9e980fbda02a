// The path policies on generated stacks of isolated AI cells, three of them joined to business
// systems (bench/path-stack.ts): they find exactly those joins. 1k resources go through the pack;
// 10k run the policies in process on the same classification, since the pack round trip of a 10k
// stack takes minutes on a shared test machine and the graph code is the same.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { largeStack, toStackResources } from "../bench/path-stack";
import type { PackSession } from "../harness/engine";
import { classify } from "../policy-pack/core/classification";
import type { StackCheck, StackResource } from "../policy-pack/core/definition";
import aiBridges from "../policy-pack/policies/stack/ai-bridges-business-systems";
import aiToBusiness from "../policy-pack/policies/stack/ai-to-business-path";
import managementPlane from "../policy-pack/policies/stack/business-reaches-ai-management-plane";
import { evaluate, openPack, resource } from "./support/pack";

const lastCell = (size: number) => `cell-${(largeStack(size).length - 8) / 5 - 1}`;
const expected = (size: number) => ({
    "ai-to-business-path": ["cell-0-subnet", `${lastCell(size)}-role`].sort(),
    "ai-bridges-business-systems": ["cell-0-fn"],
    "business-reaches-ai-management-plane": ["research"],
});

describe("path policies on a 1k-resource stack, through the pack", () => {
    let pack: PackSession;
    beforeAll(async () => {
        pack = await openPack();
    });
    afterAll(async () => {
        await pack?.close();
    });
    const stack = largeStack(1_000).map((r) => resource(r.type, r.name, r.inputs, r.options));

    for (const [id, violating] of Object.entries(expected(1_000))) {
        it(`${id} finds exactly the joins`, async () => {
            const r = await evaluate(pack, id, stack);
            expect(r.violating).toEqual(violating);
        });
    }
});

describe("path policies on a 10k-resource stack", () => {
    const resources = toStackResources(largeStack(10_000));
    const classification = classify(resources, {});

    it("has 10k resources", () => {
        expect(resources.length).toBeGreaterThanOrEqual(9_990);
    });

    for (const policy of [aiToBusiness, aiBridges, managementPlane]) {
        it(`${policy.id} finds exactly the joins`, () => {
            const failing = new Set<string>();
            const check: StackCheck<Record<string, never>> = {
                config: {},
                resources: [...resources],
                classification,
                fail: (r: StackResource) => {
                    failing.add(r.name);
                },
                undecided: () => {},
                allow: () => {},
            };
            policy.validate(check as never);
            expect([...failing].sort()).toEqual(expected(10_000)[policy.id as keyof ReturnType<typeof expected>]);
        });
    }
});
