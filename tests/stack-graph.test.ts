// The path policies on generated stacks of isolated AI cells, three of them joined to business
// systems (bench/path-stack.ts): through the pack, at 1k and 10k resources, they find exactly those
// joins. The three policies run in one AnalyzeStack call with every other policy disabled, as a
// policy config that enables only them would run them under `pulumi preview`.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { largeStack } from "../bench/path-stack";
import type { PackSession } from "../harness/engine";
import { openPack, resource, snapshots } from "./support/pack";

const pathPolicies = ["ai-to-business-path", "ai-bridges-business-systems", "business-reaches-ai-management-plane"];

const lastCell = (size: number) => `cell-${(largeStack(size).length - 8) / 5 - 1}`;
const expected = (size: number): Record<string, string[]> => ({
    "ai-to-business-path": ["cell-0-subnet", `${lastCell(size)}-role`].sort(),
    "ai-bridges-business-systems": ["cell-0-fn"],
    "business-reaches-ai-management-plane": ["research"],
});

let pack: PackSession;
beforeAll(async () => {
    pack = await openPack();
});
afterAll(async () => {
    await pack?.close();
});

/** Runs the generated stack through the pack with only the path policies enabled. */
async function violatingByPolicy(
    size: number,
): Promise<{ resources: number; byPolicy: Record<string, string[]>; messages: Map<string, string> }> {
    const stack = largeStack(size).map((r) => resource(r.type, r.name, r.inputs, r.options));
    const levels = Object.fromEntries(pathPolicies.map((id) => [id, { enforcementLevel: "mandatory" }]));
    const result = await pack.run({
        resources: snapshots(stack),
        dryRun: true,
        policyConfig: { all: "disabled", ...levels },
        // The whole stack is one AnalyzeStack call; on a loaded machine it may take more than the default.
        callTimeoutMs: 600_000,
    });
    const byPolicy: Record<string, string[]> = Object.fromEntries(pathPolicies.map((id) => [id, []]));
    const messages = new Map<string, string>();
    for (const d of result.diagnostics) {
        messages.set(`${d.policy} ${d.name}`, d.message);
        expect(pathPolicies, `a disabled policy reported: ${d.policy}`).toContain(d.policy);
        expect(d.undecided).toBe(false);
        byPolicy[d.policy]?.push(d.name);
    }
    for (const names of Object.values(byPolicy)) {
        names.sort();
    }
    return { resources: result.resourcesEvaluated, byPolicy, messages };
}

describe.each([1_000, 10_000])("path policies on a generated %i-resource stack, through the pack", (size) => {
    it("find exactly the joins, path by path", async () => {
        const { resources, byPolicy, messages } = await violatingByPolicy(size);
        expect(resources).toBeGreaterThanOrEqual(size - 10);
        expect(byPolicy).toEqual(expected(size));
        // Each finding names its path hop by hop, across the whole generated stack.
        expect(messages.get(`ai-to-business-path ${lastCell(size)}-role`)).toContain(
            `Role '${lastCell(size)}-role' (AI) -[attached policy]-> RolePolicy 'last-reads-orders' -[policy grants dynamodb:Query]-> Table 'orders' (business`,
        );
        expect(messages.get("ai-bridges-business-systems cell-0-fn")).toContain(
            "Vpc 'erp' (business: tagged as a business system) -[peering]-> VpcPeeringConnection 'erp-cell-0' -[peering]-> Vpc 'cell-0-vpc'",
        );
        expect(messages.get("business-reaches-ai-management-plane research")).toContain(
            "-[peering]-> Vpc 'cell-1-vpc' -[vpcId]-> Subnet 'cell-1-subnet' -[subnetId]-> NotebookInstance 'research' (AI)",
        );
    });
});
