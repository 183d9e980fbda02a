// Waivers that name no resource. The pack reports these itself for stack policies, which see the
// whole stack; a resource policy sees one resource at a time, so the runner checks its waivers
// against the resources it sends, with the same matching rule the pack applies.
import type { ResourceSnapshot } from "../harness/model";
import { canonicalType } from "../policy-pack/core/adapter";
import type { PolicyDefinition } from "../policy-pack/core/definition";
import { waiverMatches, waiversOf } from "../policy-pack/core/waivers";
import type { UnmatchedWaiver } from "./report";

export function unmatchedResourceWaivers(
    policyConfig: Readonly<Record<string, unknown>> | undefined,
    policies: readonly PolicyDefinition[],
    resources: readonly ResourceSnapshot[],
): UnmatchedWaiver[] {
    const out: UnmatchedWaiver[] = [];
    for (const p of policies) {
        if (p.kind !== "resource") {
            continue;
        }
        const types = new Set(p.resourceTypes);
        const judged = resources.filter((r) => !r.external && types.has(canonicalType(r.type)));
        for (const w of waiversOf(policyConfig?.[p.id])) {
            if (!judged.some((r) => waiverMatches(w, { urn: r.urn, type: canonicalType(r.type), name: r.name }))) {
                out.push({ policy: p.id, resource: w.resource, owner: w.owner, expires: w.expires });
            }
        }
    }
    return out;
}
