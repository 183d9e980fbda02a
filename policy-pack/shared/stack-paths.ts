// Path searches on the stack graph: breadth-first from many sources at once, so each search is linear
// in nodes plus edges however many sources there are. A search keeps up to `labels` distinct sources
// per node (two are enough to tell whether a node is reached from two different business systems).
//
// Peerings are not transitive: traffic that arrives in a VPC or VNet over a peering cannot leave over
// another peering. The search carries one bit, "arrived over a peering", through network fabric and
// clears it at a host (a compromised host can start a new connection), so that rule costs a factor of
// two, not a search per network.

import type { StackResource } from "../core/definition";
import type { EdgeKind, GraphEdge, StackGraph } from "./stack-graph";

export interface Hop {
    readonly node: StackResource;
    /** The edge that leads to the next hop; undefined on the last one. */
    readonly next?: GraphEdge;
}

export interface SearchSpec {
    readonly sources: readonly number[];
    /** Nodes a path may cross (sources and targets aside). */
    passes(i: number): boolean;
    /** Nodes a path ends at; they are recorded and not crossed. */
    isTarget(i: number): boolean;
    /** Follow edges backwards: from targets of interest back to what reaches them. */
    readonly reverse?: boolean;
    readonly kinds?: ReadonlySet<EdgeKind>;
    readonly labels?: 1 | 2;
    /** Record targets and keep going through them (an AI workload reaches on through its own identity). */
    readonly throughTargets?: boolean;
}

interface Entry {
    readonly label: number;
    readonly prev: number;
    readonly edge?: GraphEdge;
}

export interface Reached {
    /** Target node index to the sources (labels) it was reached from, in order found. */
    readonly targets: ReadonlyMap<number, readonly number[]>;
    /** The path from `source` to `target` (for reverse searches, from `target` to `source`), hop by hop. */
    path(target: number, source: number): readonly Hop[];
}

export function search(graph: StackGraph, spec: SearchSpec): Reached {
    const n = graph.nodes.length;
    const k = spec.labels ?? 1;
    const entries: (Entry[] | undefined)[] = new Array(2 * n);
    const targets = new Map<number, number[]>();
    const isSource = new Set(spec.sources);
    const queue: number[] = [];
    const labelsOf: number[] = [];
    for (const s of spec.sources) {
        entries[2 * s] = [{ label: s, prev: -1 }];
        queue.push(2 * s);
        labelsOf.push(s);
    }
    const edges = spec.reverse ? graph.in : graph.out;
    for (let q = 0; q < queue.length; q++) {
        const state = queue[q] as number;
        const label = labelsOf[q] as number;
        const u = state >> 1;
        const flag = state & 1;
        if (!isSource.has(u)) {
            if (spec.isTarget(u)) {
                const list = targets.get(u) ?? [];
                if (!list.includes(label)) {
                    list.push(label);
                    targets.set(u, list);
                }
                if (!spec.throughTargets) {
                    continue;
                }
            } else if (!spec.passes(u)) {
                continue;
            }
        }
        for (const e of edges[u] ?? []) {
            if (spec.kinds && !spec.kinds.has(e.kind)) {
                continue;
            }
            const v = e.to;
            if (flag === 1 && graph.isPeering(v)) {
                continue;
            }
            const nextFlag = graph.isPeering(u) ? 1 : graph.role(v) === "host" ? 0 : flag;
            const ns = 2 * v + nextFlag;
            const list = entries[ns] ?? [];
            if (list.length >= k || list.some((x) => x.label === label)) {
                continue;
            }
            list.push({ label, prev: state, edge: e });
            entries[ns] = list;
            queue.push(ns);
            labelsOf.push(label);
        }
    }
    const path = (target: number, source: number): readonly Hop[] => {
        // Walk back from whichever state of the target holds the label.
        const start = [2 * target, 2 * target + 1].find((s) => entries[s]?.some((x) => x.label === source));
        if (start === undefined) {
            return [];
        }
        const backwards: { node: number; edge?: GraphEdge }[] = [];
        let state = start;
        let incoming: GraphEdge | undefined;
        for (let guard = 0; guard <= 2 * n && state >= 0; guard++) {
            const entry = (entries[state] ?? []).find((x) => x.label === source);
            backwards.push({ node: state >> 1, ...(incoming ? { edge: incoming } : {}) });
            incoming = entry?.edge;
            state = entry ? entry.prev : -1;
        }
        // backwards[i].edge leads from backwards[i] toward backwards[i-1] in search direction.
        if (spec.reverse) {
            // Reverse search: walking back goes target → … → source in traffic order already.
            return backwards.map((h, i) => ({
                node: graph.nodes[h.node] as StackResource,
                ...(i + 1 < backwards.length ? { next: (backwards[i + 1] as { edge?: GraphEdge }).edge } : {}),
            })) as Hop[];
        }
        const forward = [...backwards].reverse();
        return forward.map((h, i) => ({
            node: graph.nodes[h.node] as StackResource,
            ...(i + 1 < forward.length ? { next: h.edge } : {}),
        })) as Hop[];
    };
    return { targets, path };
}
