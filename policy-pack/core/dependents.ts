// Reverse references: which resources of a stack reference a given one through their inputs.
//
// Checks on a role, a bucket or a key look for the separate resources that attach to it (a
// RolePolicyAttachment, a BucketPolicy). Scanning the whole stack for each target is quadratic: at
// 10k resources with hundreds of roles that scan dominated AnalyzeStack. The index is built once per
// resource list (every stack policy of a call shares the call's list) in one pass over the
// property dependencies, and dropped with the list.
import type { StackResource } from "./definition";

const indexes = new WeakMap<readonly StackResource[], Map<StackResource, StackResource[]>>();

function indexOf(resources: readonly StackResource[]): Map<StackResource, StackResource[]> {
    let index = indexes.get(resources);
    if (!index) {
        index = new Map();
        for (const r of resources) {
            for (const deps of Object.values(r.propertyDependencies)) {
                for (const target of deps) {
                    const list = index.get(target);
                    if (!list) {
                        index.set(target, [r]);
                    } else if (list[list.length - 1] !== r) {
                        // One entry per referencing resource, however many of its inputs name the target.
                        list.push(r);
                    }
                }
            }
        }
        indexes.set(resources, index);
    }
    return index;
}

/**
 * The resources of `resources` whose inputs depend on `target` (through any property), in stack
 * order, each once. Callers still test which property holds the reference.
 */
export function dependentsOf(resources: readonly StackResource[], target: StackResource): readonly StackResource[] {
    return indexOf(resources).get(target) ?? [];
}
