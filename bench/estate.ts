// The benchmark's estate: the examples' own AI systems (AWS and Azure, secure and insecure, with the
// keys, buckets, roles, networks and logs around them), captured from the programs as a preview
// would see them, then repeated under new names until the estate has the size asked for. Copies
// keep their references among themselves and share the providers and the root stack, as the
// stacks of one large estate do.
import * as path from "node:path";
import { captureProgram } from "../harness/capture/capture";
import { engineUrn, type ResourceSnapshot, type WireObject, type WireValue } from "../harness/model";

export const estateProject = "bench";
export const estateStack = "dev";
const rootUrn = engineUrn(estateStack, estateProject, "pulumi:pulumi:Stack", `${estateProject}-${estateStack}`);

/** The example programs the estate is made of. */
export const examplePrograms = ["aws-secure", "aws-insecure", "azure-secure", "azure-insecure"];

export interface ExampleSystem {
    readonly program: string;
    readonly resources: readonly ResourceSnapshot[];
}

/** Captures every example once (concurrently: each is mostly waiting on its own program). */
export async function captureExamples(root: string): Promise<ExampleSystem[]> {
    return Promise.all(
        examplePrograms.map(async (program) => {
            const captured = await captureProgram(path.join(root, "examples", program), {
                stack: estateStack,
                typeCheck: false,
            });
            return { program, resources: captured.resources };
        }),
    );
}

function isProvider(r: ResourceSnapshot): boolean {
    return r.type.startsWith("pulumi:providers:");
}

function isRoot(r: ResourceSnapshot): boolean {
    return r.type === "pulumi:pulumi:Stack";
}

/** URN of a copy: the estate's project and stack, the copy's number appended to the name. */
function copyUrn(r: ResourceSnapshot, copy: number): string {
    return engineUrn(estateStack, estateProject, r.type, `${r.name}-${copy}`, rootUrn);
}

function providerUrn(r: ResourceSnapshot): string {
    return engineUrn(estateStack, estateProject, r.type, r.name);
}

/** One copy of an example: names and URNs renamed, references rewired within the copy. */
function copyOf(system: ExampleSystem, copy: number): ResourceSnapshot[] {
    const renamed = new Map<string, string>();
    for (const r of system.resources) {
        if (isRoot(r)) {
            renamed.set(r.urn, rootUrn);
        } else if (isProvider(r)) {
            renamed.set(r.urn, providerUrn(r));
        } else {
            renamed.set(r.urn, copyUrn(r, copy));
        }
    }
    const urn = (u: string) => renamed.get(u) ?? u;
    const provider = (ref: string) => {
        const sep = ref.lastIndexOf("::");
        return sep > 0 ? `${urn(ref.slice(0, sep))}${ref.slice(sep)}` : urn(ref);
    };
    return system.resources
        .filter((r) => !isRoot(r) && !isProvider(r))
        .map((r) => ({
            ...r,
            urn: urn(r.urn),
            name: `${r.name}-${copy}`,
            parent: r.parent ? urn(r.parent) : rootUrn,
            ...(r.provider ? { provider: provider(r.provider) } : {}),
            dependencies: r.dependencies.map(urn),
            propertyDependencies: Object.fromEntries(
                Object.entries(r.propertyDependencies).map(([k, urns]) => [k, urns.map(urn)]),
            ),
        }));
}

/** An estate of about `size` resources (whole copies of the examples, in turn), root and providers first. */
export function estate(systems: readonly ExampleSystem[], size: number): ResourceSnapshot[] {
    const root: ResourceSnapshot = {
        urn: rootUrn,
        type: "pulumi:pulumi:Stack",
        name: `${estateProject}-${estateStack}`,
        custom: false,
        inputs: {},
        outputs: {},
        dependencies: [],
        propertyDependencies: {},
    };
    const providers = new Map<string, ResourceSnapshot>();
    for (const system of systems) {
        for (const r of system.resources.filter(isProvider)) {
            providers.set(r.type, { ...r, urn: providerUrn(r), parent: rootUrn });
        }
    }
    const out: ResourceSnapshot[] = [root, ...providers.values()];
    for (let copy = 0; out.length < size; copy++) {
        const system = systems[copy % systems.length] as ExampleSystem;
        out.push(...copyOf(system, copy));
    }
    return out;
}

/** The estate as `pulumi stack export` writes it (version 3), for `aiguard analyze --file`. */
export function stateFileOf(resources: readonly ResourceSnapshot[]): object {
    const toState = (r: ResourceSnapshot) => ({
        urn: r.urn,
        custom: r.custom,
        type: r.type,
        ...(r.id ? { id: r.id } : {}),
        inputs: r.inputs as WireObject,
        outputs: r.outputs as WireValue,
        ...(r.parent ? { parent: r.parent } : {}),
        ...(r.provider ? { provider: r.provider } : {}),
        dependencies: r.dependencies,
        propertyDependencies: r.propertyDependencies,
    });
    return {
        version: 3,
        deployment: {
            manifest: { time: "2026-01-01T00:00:00.000Z", magic: "", version: "v3.248.0" },
            resources: resources.map(toState),
        },
    };
}
