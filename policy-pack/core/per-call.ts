// Work done once per call of the engine and shared by every policy of that call.
//
// The SDK runs each stack policy of an AnalyzeStack call on its own, with its own copy of the
// resource list, so anything derived from the whole stack (the classification, a resource graph)
// would be rebuilt by every stack policy. What the policies of one call do share is the request: the
// wire struct of each resource is the same object for all of them, and a new call brings new
// structs. So the wire struct of the first resource identifies the call. Memos hang off it in a
// WeakMap: they live as long as the request and are never seen by another call or another stack.
import type { PolicyResource } from "@pulumi/policy";
import { wireStructOf } from "./wire";

/** Identifies one call; only this module creates one. */
export interface CallKey {
    readonly struct: object;
}

const memos = new WeakMap<object, Map<string, unknown>>();

/** `@pulumi/policy` keeps the raw object behind its unknown-checking proxy under this key. */
const proxyTargetKey = "__getSpecialProxyTarget";

/** The properties behind the SDK's unknown-checking proxy (reading the key never throws). */
export function rawProps(props: unknown): unknown {
    if (props !== null && typeof props === "object") {
        const target = (props as Record<string, unknown>)[proxyTargetKey];
        if (target !== undefined) {
            return target;
        }
    }
    return props;
}

/**
 * The call the resources of a stack policy came from; undefined when it cannot be told (no
 * resources, or the deserializer hook is not installed), and then nothing is shared.
 */
export function callOf(resources: readonly PolicyResource[]): CallKey | undefined {
    const first = resources[0];
    const struct = first ? wireStructOf(rawProps(first.props)) : undefined;
    return struct ? { struct } : undefined;
}

/**
 * The value `build` makes for `key` in this call, built on first use and shared by every later
 * use in the same call. `key` must name everything the value depends on besides the call's
 * resources (e.g. the policy config it reads). Without a call, builds every time.
 */
export function memoPerCall<T>(call: CallKey | undefined, key: string, build: () => T): T {
    if (!call) {
        return build();
    }
    let memo = memos.get(call.struct);
    if (!memo) {
        memo = new Map();
        memos.set(call.struct, memo);
    }
    if (memo.has(key)) {
        return memo.get(key) as T;
    }
    const value = build();
    memo.set(key, value);
    return value;
}
