// Waivers: a team accepts one finding for one resource, with a reason, an owner and an end date,
// instead of disabling a policy for the whole stack. They live in each policy's own config, so they
// work under `pulumi preview --policy-pack-config` as well as in aiguard, and the engine validates
// them against the schema below before the pack sees them.
//
//   { "ai-bucket-versioning": { "waivers": [ { "resource": "model-weights", "reason": "…",
//       "owner": "ml-platform@example.com", "expires": "2027-03-31" } ] } }
//
// A waived violation stays in the report as an advisory marked "Waived until …"; once the date has
// passed it is a violation again at the policy's level and says that its waiver expired.

export interface Waiver {
    /** A URN, a resource name, a type token, or a pattern over any of them with `*`. */
    readonly resource: string;
    readonly reason: string;
    readonly owner: string;
    /** Last day the waiver holds, `YYYY-MM-DD` (UTC). */
    readonly expires: string;
}

export const waiverSchema = {
    waivers: {
        type: "array",
        description:
            "Accepted findings of this policy: each names a resource (URN, name, type token, or a pattern with *), why it is accepted, who owns the decision, and the last day it holds (YYYY-MM-DD). A waived violation is reported as waived and does not fail the run; after its date it is a violation again.",
        items: {
            type: "object",
            required: ["resource", "reason", "owner", "expires"],
            additionalProperties: false,
            properties: {
                resource: { type: "string", minLength: 1 },
                reason: { type: "string", minLength: 1 },
                owner: { type: "string", minLength: 1 },
                expires: { type: "string", pattern: "^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$" },
            },
        },
        default: [],
    },
} as const;

function globToRegExp(pattern: string): RegExp {
    const escaped = pattern.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*");
    return new RegExp(`^${escaped}$`, "s");
}

export interface WaiverTarget {
    readonly urn: string;
    readonly type: string;
    readonly name: string;
}

/** Whether a waiver names this resource: by URN, name or type, exactly or through `*`. */
export function waiverMatches(w: Waiver, r: WaiverTarget): boolean {
    if (w.resource.includes("*")) {
        const re = globToRegExp(w.resource);
        return re.test(r.urn) || re.test(r.name) || re.test(r.type);
    }
    return w.resource === r.urn || w.resource === r.name || w.resource === r.type;
}

/** Reads the waivers out of a policy's config; entries the schema would reject are ignored. */
export function waiversOf(config: unknown): readonly Waiver[] {
    const list = (config as { waivers?: unknown } | null | undefined)?.waivers;
    if (!Array.isArray(list)) {
        return [];
    }
    return list.filter(
        (w): w is Waiver =>
            w !== null &&
            typeof w === "object" &&
            typeof w.resource === "string" &&
            typeof w.reason === "string" &&
            typeof w.owner === "string" &&
            typeof w.expires === "string",
    );
}

/** Today's date in UTC, `YYYY-MM-DD`: a waiver holds through the whole of its `expires` day. */
export function today(now: Date = new Date()): string {
    return now.toISOString().slice(0, 10);
}

export type WaiverDecision =
    | { readonly kind: "none" }
    | { readonly kind: "waived"; readonly waiver: Waiver }
    | { readonly kind: "expired"; readonly waiver: Waiver };

/** The waiver that applies to a violation: a current one if any matches, else the latest expired one. */
export function decideWaiver(waivers: readonly Waiver[], r: WaiverTarget, on: string): WaiverDecision {
    const matching = waivers.filter((w) => waiverMatches(w, r));
    const current = matching.find((w) => w.expires >= on);
    if (current) {
        return { kind: "waived", waiver: current };
    }
    const expired = [...matching].sort((a, b) => b.expires.localeCompare(a.expires))[0];
    return expired ? { kind: "expired", waiver: expired } : { kind: "none" };
}
