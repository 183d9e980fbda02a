// Test access to the real pack: one pack process per test file, driven through the harness exactly
// as the CLI and the engine drive it. Build first (`npm run build`): the pack is served precompiled.
import * as path from "node:path";
import type { PolicyConfigFile } from "../../harness/config";
import { type Diagnostic, PackSession } from "../../harness/engine";
import {
    engineUrn,
    type ResourceSnapshot,
    secret,
    unknownString,
    type WireObject,
    type WireValue,
} from "../../harness/model";
import { inProcessPack } from "./in-process-pack";

export const projectRoot = path.resolve(__dirname, "..", "..");
export const packDir = path.join(projectRoot, "policy-pack");
export const project = "proj";
export const stack = "dev";
export const rootUrn = `urn:pulumi:${stack}::${project}::pulumi:pulumi:Stack::${project}-${stack}`;

export { secret, unknownString as unknown };

/**
 * A session with the pack built into dist, in its own process as the engine runs it; with
 * AIGUARD_PACK_IN_PROCESS=1 (mutation testing), the pack's sources served inside this process.
 */
export async function openPack(): Promise<PackSession> {
    const launch = { packDir, project, stack, dryRun: true };
    if (process.env.AIGUARD_PACK_IN_PROCESS === "1") {
        return PackSession.attach(launch, await inProcessPack());
    }
    return PackSession.open(launch);
}

export interface FixtureOptions {
    /** Outputs for AnalyzeStack; defaults to the inputs, as in a preview of creates. */
    readonly outputs?: WireObject;
    readonly parent?: string;
    /** Names of fixture resources this one depends on, per input property. */
    readonly propertyDependencies?: Record<string, readonly string[]>;
    readonly dependsOn?: readonly string[];
}

export interface FixtureResource {
    readonly type: string;
    readonly name: string;
    readonly inputs: WireObject;
    readonly options: FixtureOptions;
}

/** A resource of the fixture stack; `propertyDependencies` name other fixture resources by name. */
export function resource(
    type: string,
    name: string,
    inputs: WireObject = {},
    options: FixtureOptions = {},
): FixtureResource {
    return { type, name, inputs, options };
}

export function urnOf(type: string, name: string): string {
    return engineUrn(stack, project, type, name, rootUrn);
}

/** Builds the snapshots the engine would send: root stack first, URNs by the engine rule. */
export function snapshots(resources: readonly FixtureResource[]): ResourceSnapshot[] {
    const urnByName = new Map(resources.map((r) => [r.name, urnOf(r.type, r.name)] as const));
    const resolve = (names: readonly string[]) =>
        names.map((n) => {
            const urn = urnByName.get(n);
            if (!urn) {
                throw new Error(`fixture references unknown resource '${n}'`);
            }
            return urn;
        });
    const root: ResourceSnapshot = {
        urn: rootUrn,
        type: "pulumi:pulumi:Stack",
        name: `${project}-${stack}`,
        custom: false,
        inputs: {},
        outputs: {},
        dependencies: [],
        propertyDependencies: {},
    };
    return [
        root,
        ...resources.map((r): ResourceSnapshot => {
            // As the SDK does, every input the program sets gets an entry, empty when it depends on nothing.
            const pd: Record<string, string[]> = Object.fromEntries(Object.keys(r.inputs).map((k) => [k, []]));
            for (const [k, names] of Object.entries(r.options.propertyDependencies ?? {})) {
                pd[k] = resolve(names);
            }
            const deps = new Set([...Object.values(pd).flat(), ...resolve(r.options.dependsOn ?? [])]);
            return {
                urn: urnByName.get(r.name) as string,
                type: r.type,
                name: r.name,
                custom: true,
                parent: r.options.parent ?? rootUrn,
                inputs: r.inputs,
                outputs: r.options.outputs ?? r.inputs,
                dependencies: [...deps],
                propertyDependencies: pd,
            };
        }),
    ];
}

export interface PolicyOutcome {
    /** Names of resources with a decided violation of the policy, sorted. */
    readonly violating: string[];
    /** Names of resources the policy could not decide during preview, sorted. */
    readonly undecided: string[];
    /** Names of fixture resources with neither, sorted. */
    readonly clean: string[];
    readonly diagnostics: Diagnostic[];
    /** Messages by resource name. */
    messages(name: string): string[];
}

/**
 * Runs the whole fixture through the pack with every other policy disabled, and sorts the fixture's
 * resources by the outcome for `policyId`.
 */
export async function evaluate(
    session: PackSession,
    policyId: string,
    resources: readonly FixtureResource[],
    options: { properties?: Record<string, WireValue | unknown>; dryRun?: boolean; enforcementLevel?: string } = {},
): Promise<PolicyOutcome> {
    const info = session.info.policies.find((p) => p.name === policyId);
    if (!info) {
        throw new Error(`policy '${policyId}' is not served by the pack`);
    }
    const policyConfig: PolicyConfigFile = {
        all: "disabled",
        [policyId]: {
            enforcementLevel: options.enforcementLevel ?? info.enforcementLevel,
            ...(options.properties ?? {}),
        },
    };
    const result = await session.run({ resources: snapshots(resources), dryRun: options.dryRun ?? true, policyConfig });
    const diagnostics = result.diagnostics.filter((d) => d.policy === policyId);
    const others = result.diagnostics.filter((d) => d.policy !== policyId);
    if (others.length > 0) {
        throw new Error(`other policies reported although disabled: ${others.map((d) => d.policy).join(", ")}`);
    }
    const violating = new Set(diagnostics.filter((d) => !d.undecided).map((d) => d.name));
    const undecided = new Set(diagnostics.filter((d) => d.undecided).map((d) => d.name));
    const clean = resources.map((r) => r.name).filter((n) => !violating.has(n) && !undecided.has(n));
    return {
        violating: [...violating].sort(),
        undecided: [...undecided].sort(),
        clean: clean.sort(),
        diagnostics,
        messages: (name) => diagnostics.filter((d) => d.name === name).map((d) => d.message),
    };
}
