// The one hook on `@pulumi/policy`'s deserializer, installed once per process.
//
// The SDK turns each resource's wire struct (a protobuf Struct) into plain properties with
// `deserializeProperties`, and calls it through its module object, so wrapping that export is seen
// by the server (a test pins this against the installed SDK version). The hook does two things:
//  - it remembers, for each property bag, the wire struct it came from: the struct still holds the
//    secret markers the SDK unwraps (see secrets.ts), and its identity tells one call from another
//    (see per-call.ts);
//  - it deserializes each struct once. Within one AnalyzeStack call the SDK deserializes every
//    resource again for every stack policy (and within one Analyze call, again for every resource
//    policy that is not skipped by type), always from the same Struct object of the same request.
//    Every policy then reads the same properties, each through its own unknown-checking proxy.
//    That is safe because no aiguard policy writes to the properties it is given (they are read
//    through core/values), and a new request brings new structs, so nothing is shared across calls.

export interface WireStruct {
    toJavaScript(): unknown;
}

type Deserialize = (struct: WireStruct, proxySecrets: boolean) => unknown;

const wireOf = new WeakMap<object, WireStruct>();
const deserialized = new WeakMap<WireStruct, unknown>();

let installed = false;

/** Wraps the SDK's deserializer; safe to call more than once. */
export function hookDeserializer(): void {
    if (installed) {
        return;
    }
    installed = true;
    try {
        // The SDK module object itself is patched, so it is loaded with require rather than imported.
        const mod = require("@pulumi/policy/deserialize") as { deserializeProperties: Deserialize };
        const original = mod.deserializeProperties;
        mod.deserializeProperties = (struct, proxySecrets) => {
            // With proxySecrets the SDK wraps the result in a proxy of its own (Remediate): not shared.
            const shareable = !proxySecrets && struct !== null && typeof struct === "object";
            if (shareable && deserialized.has(struct)) {
                return deserialized.get(struct);
            }
            const props = original(struct, proxySecrets);
            if (props !== null && typeof props === "object") {
                wireOf.set(props, struct);
            }
            if (shareable) {
                deserialized.set(struct, props);
            }
            return props;
        };
    } catch {
        // Without the hook, messages still never print values the policies describe as hidden
        // (aiguard's own runner additionally scrubs secret values from every message), and work
        // shared per call is simply done per policy.
    }
}

/** The wire struct a deserialized property bag came from, when the hook saw it. */
export function wireStructOf(props: unknown): WireStruct | undefined {
    return props !== null && typeof props === "object" ? wireOf.get(props) : undefined;
}
