import type { PolicyPackArgs } from "@pulumi/policy";
import { type PackIdentity, toPulumiPolicy } from "./core/adapter";
import { checkCatalog } from "./core/catalog";
import { policies } from "./policies";

export const packName = "aiguard";

/** Builds the pack's arguments from the catalog. Pure: serving happens only in index.ts. */
export function buildPackArgs(version: string): PolicyPackArgs {
    checkCatalog(policies);
    const identity: PackIdentity = { name: packName, version };
    return {
        description:
            "Security controls for AI systems on AWS and Azure, mapped to NIST, ISO, OWASP LLM and MITRE ATLAS.",
        policies: policies.map((p) => toPulumiPolicy(p, identity)),
    };
}
