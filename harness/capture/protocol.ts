// What the parent sends the capture worker, and what the worker sends back, as files.

export interface CaptureRequest {
    readonly programDir: string;
    /** Absolute path of the module to load. */
    readonly entry: string;
    readonly project: string;
    readonly stack: string;
    readonly organization: string;
    /** `namespace:key` to value, as Pulumi passes config to programs. */
    readonly config: Record<string, string>;
    readonly secretKeys: string[];
}

export interface CapturedRegistration {
    mockUrn: string;
    type: string;
    name: string;
    parent?: string;
    custom: boolean;
    provider?: string;
    version?: string;
    inputs: Record<string, unknown>;
    outputs: Record<string, unknown>;
    dependencies: string[];
    propertyDependencies: Record<string, string[]>;
    protect?: boolean;
    ignoreChanges: string[];
    deleteBeforeReplace?: boolean;
    additionalSecretOutputs: string[];
    aliasUrns: string[];
    customTimeouts?: { create: string; update: string; delete: string };
    external: boolean;
}

export type CaptureResult =
    | { readonly ok: true; readonly registrations: CapturedRegistration[]; readonly programMs: number }
    | { readonly ok: false; readonly error: string };
