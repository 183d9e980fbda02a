import type * as pulumi from "@pulumi/pulumi";

/** A role that may read or write objects under a prefix of the store. */
export interface ArtifactGrant {
    /** Name (not ARN) of the IAM role to grant to. */
    readonly roleName: pulumi.Input<string>;
    /** Key prefix the grant is limited to, e.g. `models/fraud/`. An empty prefix is rejected. */
    readonly prefix: string;
    /** `read` or `read-write`. @default "read" */
    readonly access?: "read" | "read-write";
}

/** An AWS service allowed to write objects under a prefix, on behalf of this account only. */
export interface ServiceWriter {
    /** Service principal, e.g. `bedrock.amazonaws.com`. */
    readonly service: string;
    /** Key prefix the service may write under. */
    readonly prefix: string;
}

export interface ModelArtifactStoreArgs {
    /**
     * ARN of a customer managed KMS key for SSE-KMS.
     * @default a new key with rotation on and a 30-day deletion window, created as a child
     */
    readonly kmsKeyArn?: pulumi.Input<string>;
    /** Services that deliver objects into the store (log delivery, data capture). @default none */
    readonly serviceWriters?: readonly ServiceWriter[];
    /** Least-privilege grants, each limited to a key prefix. @default none */
    readonly grants?: readonly ArtifactGrant[];
    /**
     * Keep object versions so weights can be rolled back and overwrites detected.
     * Turning this off costs integrity and recovery. @default true
     */
    readonly versioning?: boolean;
    /** Let `pulumi destroy` delete a non-empty store. @default false */
    readonly forceDestroy?: boolean;
    /** Tags for every child; `aiguard:system=ai` is always added. */
    readonly tags?: Readonly<Record<string, string>>;
}
