// The AI-specific checks of peer tools, so coverage can be computed rather than claimed. A check is
// covered when some policy lists it among its peers; one that no policy covers carries the reason.
import * as fs from "node:fs";
import * as path from "node:path";
import type { PeerTool } from "../core/vocabulary";

export interface PeerCheck {
    readonly tool: PeerTool;
    readonly id: string;
    readonly cloud: "aws" | "azure";
    readonly title: string;
    /**
     * Pulumi type tokens of the resources the peer check inspects (its own resource types, mapped). A
     * policy may cite the peer only when it checks at least one of them.
     */
    readonly resourceTypes?: readonly string[];
    /** Set when the peer tests the same setting only in part (another threshold, one port of many). */
    readonly partial?: string;
    /** Why no aiguard policy covers it, when none does. */
    readonly notCovered?: string;
}

function dataFile(): string {
    for (const dir of [__dirname, path.join(__dirname, "..", "..", "..", "policy-pack", "peers")]) {
        const file = path.join(dir, "peer-checks.json");
        if (fs.existsSync(file)) {
            return file;
        }
    }
    throw new Error("policy-pack/peers/peer-checks.json not found");
}

export function loadPeerChecks(): PeerCheck[] {
    return JSON.parse(fs.readFileSync(dataFile(), "utf8")).checks;
}

export function peerKey(tool: string, id: string): string {
    return `${tool}:${id.toLowerCase()}`;
}

/** A policy and a peer check are a verified pair when the peer is catalogued and inspects a type the policy checks. */
export function isVerifiedPair(policyTypes: readonly string[], check: PeerCheck): boolean {
    return (check.resourceTypes ?? []).some((t) => policyTypes.includes(t));
}
