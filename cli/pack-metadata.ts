// What the command line knows about the policies of the pack it served. It comes from the pack's own
// `GetAnalyzerInfo` answer (name, description, level, severity, tags, remediation, url), so any pack
// works; a field the pack does not state is left absent, never filled in from aiguard's catalog. Only
// when the served pack is this very aiguard pack (same name and version) do the catalog's relation and
// rationale of each cited control join in, because they are not carried by the protocol.
import type { AnalyzerInfoView, PolicyInfoView } from "../harness/engine";
import { docsPath } from "../policy-pack/core/adapter";
import type { PolicyDefinition } from "../policy-pack/core/definition";
import {
    areas,
    type ControlRelation,
    clouds,
    type Framework,
    frameworks,
    layers,
    type Peer,
    type PeerTool,
    peerTools,
    severities,
} from "../policy-pack/core/vocabulary";
import { packName } from "../policy-pack/pack";
import { version as packVersion } from "../policy-pack/version";

export interface PackControl {
    readonly framework: Framework;
    readonly id: string;
    readonly relation?: ControlRelation;
    readonly rationale?: string;
}

export interface PackPolicy {
    readonly id: string;
    readonly description: string;
    readonly kind?: "resource" | "stack";
    /** The pack's default level (before any policy config). */
    readonly enforcementLevel: string;
    readonly severity?: string;
    readonly area?: string;
    readonly layer?: string;
    readonly cloud?: string;
    readonly controls: readonly PackControl[];
    readonly peers: readonly Peer[];
    readonly remediation: readonly string[];
    readonly url?: string;
}

export interface PackMetadata {
    readonly name: string;
    readonly version: string;
    readonly policies: readonly PackPolicy[];
}

/** The catalog's own view: used when no pack is served (listing, component definition of this pack). */
export function metadataFromCatalog(
    policies: readonly PolicyDefinition[],
    identity: { name: string; version: string } = { name: packName, version: packVersion },
): PackMetadata {
    return {
        ...identity,
        policies: policies.map((p) => ({
            id: p.id,
            description: p.description,
            kind: p.kind,
            enforcementLevel: p.enforcementLevel,
            severity: p.severity,
            area: p.area,
            layer: p.layer,
            cloud: p.cloud,
            controls: p.controls,
            peers: p.peers,
            remediation: p.remediation,
            // The same link the pack states in its metadata (see core/adapter.ts).
            url: `${docsPath}#${p.id}`,
        })),
    };
}

const oneOf = (values: readonly string[], value: string | undefined) =>
    value !== undefined && values.includes(value) ? value : undefined;

/** `key:value` tags: the first colon splits, so control ids with colons survive. */
function splitTag(tag: string): [string, string] | undefined {
    const i = tag.indexOf(":");
    return i > 0 && i < tag.length - 1 ? [tag.slice(0, i), tag.slice(i + 1)] : undefined;
}

function fromInfo(p: PolicyInfoView, known: PolicyDefinition | undefined): PackPolicy {
    const tags = p.tags.flatMap((t) => {
        const kv = splitTag(t);
        return kv ? [kv] : [];
    });
    const tagValue = (key: string) => tags.find(([k]) => k === key)?.[1];
    const isFramework = (k: string): k is Framework => (frameworks as readonly string[]).includes(k);
    const controls: PackControl[] = tags
        .flatMap(([k, id]) => (isFramework(k) ? [[k, id] as const] : []))
        .map(([framework, id]) => {
            const cited = known?.controls.find((c) => c.framework === framework && c.id === id);
            return cited ? { framework, id, relation: cited.relation, rationale: cited.rationale } : { framework, id };
        });
    // A pack that cites its framework only through the SDK's `framework` field still names one control.
    if (controls.length === 0 && p.framework && isFramework(p.framework.name) && p.framework.reference) {
        controls.push({ framework: p.framework.name, id: p.framework.reference });
    }
    const isPeerTool = (k: string): k is PeerTool => (peerTools as readonly string[]).includes(k);
    const peers: Peer[] = tags.flatMap(([tool, id]) => (isPeerTool(tool) ? [{ tool, id }] : []));
    const severity = oneOf(severities, p.severity);
    const area = oneOf(areas, tagValue("area"));
    const layer = oneOf(layers, tagValue("layer"));
    const cloud = oneOf(clouds, tagValue("cloud"));
    return {
        id: p.name,
        description: p.description,
        kind: p.kind,
        enforcementLevel: p.enforcementLevel,
        ...(severity ? { severity } : {}),
        ...(area ? { area } : {}),
        ...(layer ? { layer } : {}),
        ...(cloud ? { cloud } : {}),
        controls,
        peers,
        remediation: p.remediationSteps ? p.remediationSteps.split("\n").filter((s) => s.trim() !== "") : [],
        ...(p.url ? { url: p.url } : {}),
    };
}

/** Whether the served pack is this aiguard pack, so the catalog describes it exactly. */
export function isThisPack(info: { readonly name: string; readonly version: string }): boolean {
    return info.name === packName && info.version === packVersion;
}

/** Metadata of the pack that was served, as its `GetAnalyzerInfo` states it. */
export function metadataFromAnalyzerInfo(info: AnalyzerInfoView, catalog: readonly PolicyDefinition[]): PackMetadata {
    const known = isThisPack(info);
    const byId = new Map(catalog.map((p) => [p.id, p] as const));
    return {
        name: info.name,
        version: info.version,
        policies: info.policies.map((p) => fromInfo(p, known ? byId.get(p.name) : undefined)),
    };
}
