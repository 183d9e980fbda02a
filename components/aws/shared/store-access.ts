import * as pulumi from "@pulumi/pulumi";
import { ArgumentError } from "../../shared/validation";
import type { ModelArtifactStore } from "../model-artifact-store";

/** Access of a workload role to one key prefix of a model artifact store. */
export interface StoreAccess {
    readonly store: ModelArtifactStore;
    /** Key prefix the access is limited to, e.g. `datasets/fraud/`. No wildcards, never empty. */
    readonly prefix: string;
    /** `read` or `read-write`. @default "read" */
    readonly access?: "read" | "read-write";
}

export function validateStoreAccess(component: string, argument: string, grants: readonly StoreAccess[]): void {
    for (const [i, g] of grants.entries()) {
        if (g.prefix.trim() === "" || g.prefix.includes("*")) {
            throw new ArgumentError(
                component,
                `${argument}[${i}].prefix`,
                `is '${g.prefix}'; allowed: a non-empty key prefix without wildcards, e.g. 'datasets/fraud/'`,
            );
        }
        if (g.access !== undefined && g.access !== "read" && g.access !== "read-write") {
            throw new ArgumentError(
                component,
                `${argument}[${i}].access`,
                `is '${g.access}'; allowed: 'read', 'read-write'`,
            );
        }
    }
}

/** IAM statements for the grants: objects under the prefix, listing limited to it, and the store's key. */
export function storeAccessStatements(grants: readonly StoreAccess[]) {
    return grants.flatMap((g) => {
        const write = g.access === "read-write";
        return [
            {
                Effect: "Allow" as const,
                Action: write ? ["s3:GetObject", "s3:PutObject"] : ["s3:GetObject"],
                Resource: pulumi.interpolate`${g.store.bucketArn}/${g.prefix}*`,
            },
            {
                Effect: "Allow" as const,
                Action: ["s3:ListBucket"],
                Resource: g.store.bucketArn,
                Condition: { StringLike: { "s3:prefix": [`${g.prefix}*`] } },
            },
            {
                Effect: "Allow" as const,
                Action: write ? ["kms:Decrypt", "kms:GenerateDataKey"] : ["kms:Decrypt"],
                Resource: g.store.kmsKeyArn,
            },
        ];
    });
}
