// How the path policies word and report a path: one finding per path on the resource the policy
// judges, accepted (advisory, with the justification) when an allowlisted flow covers it.

import type { Classification } from "../core/classification";
import type { Finding, StackCheck, StackResource } from "../core/definition";
import { printable } from "../core/message";
import { type AllowedFlow, coveringFlow } from "./allowed-flows";
import { hopText, nodeText } from "./stack-graph";
import type { Hop } from "./stack-paths";

/** `Subnet 'ml' (AI) -[peering]-> Vpc 'erp' (business: tagged as a business system)`. */
export function pathText(hops: readonly Hop[], c: Classification, subject?: StackResource): string {
    return hops
        .map((h, i) => {
            const m = c.membership(h.node);
            const side =
                m === "business"
                    ? ` (business: ${c.reason(h.node) ?? "classified as business"})`
                    : m === "ai" && (i === 0 || i === hops.length - 1 || h.node === subject)
                      ? " (AI)"
                      : "";
            return `${printable(nodeText(h.node))}${side}${h.next ? ` ${hopText(h.next)}` : ""}`;
        })
        .join(" ")
        .replace(/;/g, ",");
}

/** Reports the path as a failure of `subject`, or as allowed when a flow covers it. */
export function reportPath(
    check: StackCheck<unknown>,
    subject: StackResource,
    hops: readonly Hop[],
    flows: readonly AllowedFlow[],
    finding: Omit<Finding, "found">,
): void {
    const found = pathText(hops, check.classification, subject);
    const flow = coveringFlow(flows, hops);
    if (flow) {
        check.allow(subject, { ...finding, found }, `${flow.from} → ${flow.to}: ${flow.justification}`);
    } else {
        check.fail(subject, { ...finding, found });
    }
}
