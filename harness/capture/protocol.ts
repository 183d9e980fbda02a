// What the parent sends the capture worker, and what the worker sends back, as files.

import type { TypeDiagnostic } from "./typecheck";

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
    /** Type-check a TypeScript program before trusting its run, as `pulumi preview` does. */
    readonly typeCheck: boolean;
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
    /** The program line that registered the resource, when the SDK sent its source position. */
    site?: ProgramSite;
}

/** Where in the program something happened: an absolute file and a 1-based line. */
export interface ProgramSite {
    readonly file: string;
    readonly line: number;
}

export type CaptureResult =
    | {
          readonly ok: true;
          readonly registrations: CapturedRegistration[];
          readonly programMs: number;
          /** Invoke tokens answered with unknown results, each once. */
          readonly unansweredInvokes: string[];
      }
    | {
          readonly ok: false;
          readonly error: string;
          readonly site?: ProgramSite;
          /** Set when type checking failed: the program is not run further. */
          readonly typeErrors?: TypeDiagnostic[];
          readonly unansweredInvokes?: string[];
          /** Set by the parent when it stopped the worker at the deadline. */
          readonly timedOut?: boolean;
      };
