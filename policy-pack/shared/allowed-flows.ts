// Allowlisted flows between the AI system and business systems: reviewed paths that the path
// policies accept, each with its justification. They live in the policy config, validated by the
// schema below, and stay visible in reports (as advisory findings that quote the justification).
//
//   { "ai-to-business-path": { "allowedFlows": [ { "from": "chat-fn", "to": "orders-table",
//       "actions": ["dynamodb:GetItem"], "justification": "Order status lookups, reviewed 2026-11" } ] } }

import { waiverMatches } from "../core/waivers";
import { covers } from "./iam-policy";
import type { Hop } from "./stack-paths";

export interface AllowedFlow {
    /** A resource on the path's AI side: URN, name, type token, or a pattern with `*`. */
    readonly from: string;
    /** The business resource the path ends at, in the same forms. */
    readonly to: string;
    /** Ports the flow may use; a network hop whose rule admits other ports is not covered. */
    readonly ports?: readonly number[];
    /** IAM actions the flow may use (patterns with `*`); an identity hop granting others is not covered. */
    readonly actions?: readonly string[];
    readonly justification: string;
}

export const allowedFlowsSchema = {
    allowedFlows: {
        type: "array",
        description:
            "Reviewed paths between the AI system and business systems: from (a resource on the path, by URN, name, type token or pattern with *), to (the business resource it ends at), optional ports or IAM actions the path may use, and the justification shown in reports.",
        items: {
            type: "object",
            required: ["from", "to", "justification"],
            additionalProperties: false,
            properties: {
                from: { type: "string", minLength: 1 },
                to: { type: "string", minLength: 1 },
                ports: { type: "array", items: { type: "integer", minimum: 0, maximum: 65535 } },
                actions: { type: "array", items: { type: "string", minLength: 1 } },
                justification: { type: "string", minLength: 1 },
            },
        },
        default: [],
    },
} as const;

const matches = (pattern: string, hop: Hop) =>
    waiverMatches({ resource: pattern, reason: "", owner: "", expires: "" }, hop.node);

/** The flows of a policy config, skipping malformed entries the schema would have refused. */
export function flowsOf(config: unknown): readonly AllowedFlow[] {
    const list = (config as { allowedFlows?: unknown } | undefined)?.allowedFlows;
    return Array.isArray(list)
        ? list.filter(
              (f): f is AllowedFlow =>
                  typeof f === "object" &&
                  f !== null &&
                  typeof f.from === "string" &&
                  typeof f.to === "string" &&
                  typeof f.justification === "string",
          )
        : [];
}

/** Whether the flow accepts the whole path: its end, a resource on it, and every port and action it uses. */
export function flowCovers(flow: AllowedFlow, hops: readonly Hop[]): boolean {
    const last = hops[hops.length - 1];
    if (!last || !matches(flow.to, last) || !hops.slice(0, -1).some((h) => matches(flow.from, h))) {
        return false;
    }
    for (const h of hops) {
        const e = h.next;
        if (!e) {
            continue;
        }
        if (flow.ports && e.ports) {
            const width = e.ports.to - e.ports.from + 1;
            if (width > flow.ports.length) {
                return false;
            }
            for (let p = e.ports.from; p <= e.ports.to; p++) {
                if (!flow.ports.includes(p)) {
                    return false;
                }
            }
        }
        if (flow.actions && e.actions && !e.actions.every((a) => flow.actions?.some((pattern) => covers(pattern, a)))) {
            return false;
        }
    }
    return true;
}

/** The first flow that covers the path. */
export function coveringFlow(flows: readonly AllowedFlow[], hops: readonly Hop[]): AllowedFlow | undefined {
    return flows.find((f) => flowCovers(f, hops));
}
