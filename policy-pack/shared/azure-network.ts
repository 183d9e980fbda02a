// Azure network judgements shared by the policies: "private, or default-deny firewall", and
// "reachable through a private endpoint".
import type { Finding, ResourceCheck, StackCheck, StackResource, Subject } from "../core/definition";
import { dependentsOf } from "../core/dependents";
import { arrayOf, describe, field, isUnknownSentinel, type Value } from "../core/values";

/** Where a resource keeps its public network switch and its firewall default action. */
export interface NetworkPaths {
    readonly publicAccess: string;
    /** Values of `publicAccess` that close the public endpoint (compared case-insensitively). */
    readonly closed: readonly string[];
    readonly publicDefault: string;
    readonly defaultAction: string;
}

function isOneOf(v: Value, values: readonly string[]): boolean {
    return (
        v.state === "known" &&
        typeof v.value === "string" &&
        values.some((x) => x.toLowerCase() === String(v.value).toLowerCase())
    );
}

function found(v: Value, providerDefault: string): string {
    return v.state === "missing" ? `not set (provider default ${providerDefault})` : describe(v);
}

/**
 * Passes when the public endpoint is off, or when the firewall denies by default (only listed networks
 * and private endpoints get in). Unknown values leave the verdict to `pulumi up` unless the other
 * setting already passes.
 */
export function judgePrivateOrDeny(subject: Subject, check: ResourceCheck<unknown>, paths: NetworkPaths): void {
    const pna = subject.get(paths.publicAccess);
    const action = subject.get(paths.defaultAction);
    if (isOneOf(pna, paths.closed) || isOneOf(action, ["Deny"])) {
        return;
    }
    if (pna.state === "unknown" || action.state === "unknown") {
        check.undecided(pna.state === "unknown" ? pna.path : (action as { path: string }).path);
        return;
    }
    check.fail({
        setting: `${paths.publicAccess} and ${paths.defaultAction}`,
        found: `${found(pna, paths.publicDefault)} and ${found(action, '"Allow"')}`,
        expected: `${paths.publicAccess} ${paths.closed.map((c) => `"${c}"`).join(" or ")}, or ${paths.defaultAction} "Deny"`,
    });
}

export const privateEndpointType = "azure-native:network:PrivateEndpoint";
const connectionProps = ["privateLinkServiceConnections", "manualPrivateLinkServiceConnections"] as const;

/** Whether a connection list reaches the `groupId` sub-resource; unknown lists and group ids count as yes. */
function reachesGroup(pe: StackResource, prop: string, groupId: string): boolean {
    const list = pe.get(prop);
    if (list.state === "unknown") {
        return true;
    }
    return (arrayOf(list) ?? []).some((c) => {
        if (isUnknownSentinel(c)) {
            return true;
        }
        const groups = field(c, "groupIds");
        if (groups.state === "unknown") {
            return true;
        }
        return (arrayOf(groups) ?? []).some(
            (g) => isUnknownSentinel(g) || (typeof g === "string" && g.toLowerCase() === groupId.toLowerCase()),
        );
    });
}

/**
 * Verdict on whether `target` has a private endpoint in the stack: a PrivateEndpoint whose
 * (manual) privateLinkServiceConnections depend on it, for the `groupId` sub-resource.
 */
export function privateEndpointFinding(
    check: StackCheck<unknown>,
    target: StackResource,
    groupId: string,
    what: string,
): Finding | undefined {
    const linked: StackResource[] = [];
    for (const pe of dependentsOf(check.resources, target)) {
        if (pe.type !== privateEndpointType) {
            continue;
        }
        for (const prop of connectionProps) {
            if ((pe.propertyDependencies[prop] ?? []).includes(target)) {
                if (reachesGroup(pe, prop, groupId)) {
                    return undefined;
                }
                linked.push(pe);
            }
        }
    }
    return {
        setting: "private endpoint",
        found:
            linked.length === 0
                ? `missing: no PrivateEndpoint in the stack has privateLinkServiceConnections that depend on this ${what}`
                : `missing for sub-resource "${groupId}": the PrivateEndpoint '${linked[0]?.name}' that depends on this ${what} has other groupIds`,
        expected: `a network.PrivateEndpoint whose privateLinkServiceConnections[].privateLinkServiceId is this ${what}'s id with groupIds ["${groupId}"]`,
    };
}
