// The layer of each finding. A policy declares the layer of the duty it checks, but a security
// group, subnet, role or front door serves a particular AI workload: its finding belongs to that
// workload's layer (a security group of a SageMaker endpoint is `paas`, the role of a Bedrock agent
// `fm-api`). The pack's own classification decides it, run here over the same resources the pack saw.
import { isSecret, type ResourceSnapshot, type WireValue } from "../harness/model";
import { classify, type Membership, type TagSelectors } from "../policy-pack/core/classification";
import type { StackResource } from "../policy-pack/core/definition";
import { readPath } from "../policy-pack/core/values";
import type { Layer } from "../policy-pack/core/vocabulary";

/** Wire values with their secrets unwrapped, as policies read them. */
function plain(v: WireValue, depth = 0): unknown {
    if (depth > 1000 || v === null || typeof v !== "object") {
        return v;
    }
    if (Array.isArray(v)) {
        return v.map((e) => plain(e, depth + 1));
    }
    if (isSecret(v)) {
        return plain(v.value as WireValue, depth + 1);
    }
    const out: Record<string, unknown> = {};
    for (const [k, e] of Object.entries(v)) {
        Object.defineProperty(out, k, { value: plain(e as WireValue, depth + 1), enumerable: true, writable: true });
    }
    return out;
}

/** Stack resources as stack policies see them: outputs, parents and dependencies. */
function stackResourcesOf(snapshots: readonly ResourceSnapshot[]): StackResource[] {
    type Mutable = { -readonly [K in keyof StackResource]: StackResource[K] };
    const byUrn = new Map<string, Mutable>();
    for (const s of snapshots) {
        const outputs = plain(s.outputs);
        const inputKeys = new Set(Object.keys(s.propertyDependencies));
        byUrn.set(s.urn, {
            urn: s.urn,
            type: s.type,
            name: s.name,
            get: (path) => readPath(outputs, path),
            dependencies: [],
            propertyDependencies: {},
            setByProgram: (prop) => (inputKeys.size === 0 ? undefined : inputKeys.has(prop)),
        });
    }
    for (const s of snapshots) {
        const r = byUrn.get(s.urn) as Mutable;
        const parent = s.parent ? byUrn.get(s.parent) : undefined;
        if (parent) {
            r.parent = parent;
        }
        r.dependencies = s.dependencies.flatMap((u) => byUrn.get(u) ?? []);
        r.propertyDependencies = Object.fromEntries(
            Object.entries(s.propertyDependencies).map(([k, us]) => [k, us.flatMap((u) => byUrn.get(u) ?? [])]),
        );
    }
    return [...byUrn.values()];
}

export interface Selectors {
    readonly aiTags: TagSelectors;
    readonly businessTags: TagSelectors;
}

/** How the pack's classification sees one resource: its system, why, and the layer it serves. */
export interface ResourceClass {
    readonly membership?: Membership;
    readonly reason?: string;
    readonly layer?: Layer;
}

/** The classification of every resource, by URN, as the pack's stack policies compute it. */
export function classifyResources(
    snapshots: readonly ResourceSnapshot[],
    selectors: Selectors,
): ReadonlyMap<string, ResourceClass> {
    const resources = stackResourcesOf(snapshots);
    const classification = classify(resources, selectors);
    const out = new Map<string, ResourceClass>();
    for (const r of resources) {
        const membership = classification.membership(r);
        const reason = classification.reason(r);
        const layer = classification.layerOf(r);
        out.set(r.urn, {
            ...(membership ? { membership } : {}),
            ...(reason ? { reason } : {}),
            ...(layer ? { layer } : {}),
        });
    }
    return out;
}

/** The layer each resource's findings belong to, by URN, where the classification decides one. */
export function findingLayers(
    snapshots: readonly ResourceSnapshot[],
    selectors: Selectors,
): ReadonlyMap<string, Layer> {
    return layersOf(classifyResources(snapshots, selectors));
}

export function layersOf(classes: ReadonlyMap<string, ResourceClass>): ReadonlyMap<string, Layer> {
    const out = new Map<string, Layer>();
    for (const [urn, c] of classes) {
        if (c.layer) {
            out.set(urn, c.layer);
        }
    }
    return out;
}
