// Scoping a resource check to the AI system inside a stack policy.
import type {
    Finding,
    ResourcePolicyDefinition,
    StackCheck,
    StackPolicyDefinition,
    StackResource,
    Subject,
} from "./definition";
import type { Value } from "./values";

/**
 * A resource as a settings check should see it in a stack policy. Stack policies read outputs, where a
 * provider-computed property is unknown during preview although the program never set it; such a
 * value is the provider default, so it reads as missing.
 */
export function programView(r: StackResource): Subject {
    return {
        urn: r.urn,
        type: r.type,
        name: r.name,
        get(path: string): Value {
            const v = r.get(path);
            if (v.state === "unknown" && r.setByProgram(path.split(".")[0] as string) === false) {
                return { state: "missing" };
            }
            return v;
        },
    };
}

/**
 * Lifts a resource check (usually a settings policy) to a stack policy that applies it only to the
 * resources the classification puts in the AI system. Everything else of the definition (settings,
 * compliant example, metadata) is kept, so the shared settings test drives it with AI-tagged inputs.
 */
/**
 * A reason, found in the stack, not to hold a failing AI resource to the check: `true` exempts it,
 * `{ undecided }` names the value unknown during preview that decides whether it is exempt. It is
 * consulted only when the resource does not pass on its own, so an unknown reason never holds back
 * the verdict on a compliant resource.
 */
export type StackExemption<C> = (r: StackResource, check: StackCheck<C>) => boolean | { readonly undecided: string };

export function onAiResources<C, D extends ResourcePolicyDefinition<C>>(
    def: D,
    options: { readonly exempt?: StackExemption<C> } = {},
): Omit<D, "kind" | "validate"> & StackPolicyDefinition<C> {
    const types = new Set(def.resourceTypes);
    return {
        ...def,
        kind: "stack",
        validate(check) {
            for (const r of check.resources) {
                if (!types.has(r.type) || !check.classification.isAi(r)) {
                    continue;
                }
                const failed: Finding[] = [];
                const undecided: string[] = [];
                def.validate(programView(r), {
                    config: check.config,
                    fail: (finding) => failed.push(finding),
                    undecided: (path) => undecided.push(path),
                });
                if (failed.length === 0 && undecided.length === 0) {
                    continue;
                }
                const exempt = options.exempt?.(r, check) ?? false;
                if (exempt === true) {
                    continue;
                }
                if (exempt !== false) {
                    check.undecided(r, exempt.undecided);
                    continue;
                }
                for (const finding of failed) {
                    check.fail(r, finding);
                }
                for (const path of undecided) {
                    check.undecided(r, path);
                }
            }
        },
    };
}
