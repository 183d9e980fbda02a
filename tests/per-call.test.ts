// The work stack policies share within one AnalyzeStack call (the resource graph and the
// classification, built once per call) must never be seen by another call: not by another stack
// analysed by the same pack process, not by the next call with other resources, and not by a policy
// configured with other tag selectors in the same call. Each test drives one pack process through the
// harness, as the engine does, with several calls in a row.
import type * as aws from "@pulumi/aws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PolicyConfigFile } from "../harness/config";
import type { PackSession } from "../harness/engine";
import type { WireObject } from "../harness/model";
import { type FixtureResource, openPack, resource, snapshots } from "./support/pack";

const wire = (args: object): WireObject => args as WireObject;

let pack: PackSession;
beforeAll(async () => {
    pack = await openPack();
});
afterAll(async () => {
    await pack?.close();
});

/** Names of the resources each stack policy judged violating, as "policy name". */
async function stackFindings(resources: readonly FixtureResource[], policyConfig?: PolicyConfigFile) {
    const result = await pack.run({
        resources: snapshots(resources),
        dryRun: true,
        ...(policyConfig ? { policyConfig } : {}),
    });
    return result.diagnostics
        .filter((d) => d.fromStack && !d.undecided)
        .map((d) => `${d.policy} ${d.name}`)
        .sort();
}

const bucket = (name: string, system: string | undefined, extraTags: Record<string, string> = {}) =>
    resource(
        "aws:s3/bucket:Bucket",
        name,
        wire({
            bucket: name,
            tags: { ...(system ? { "aiguard:system": system } : {}), ...extraTags },
        } satisfies aws.s3.BucketArgs),
    );

/** The stack policies that judge a bare S3 bucket of the AI system. */
const bareAiBucketPolicies = [
    "ai-bucket-public-access-blocked",
    "ai-bucket-sse-kms",
    "ai-bucket-versioning",
] as const;

describe("work shared by the stack policies of one call", () => {
    it("two stacks analysed in turn by one pack process keep their own classification", async () => {
        const aiStack = [bucket("training-data", "ai")];
        const businessStack = [bucket("training-data", "business")];

        const first = await stackFindings(aiStack);
        for (const id of bareAiBucketPolicies) {
            expect(first).toContain(`${id} training-data`);
        }
        // Same resource names, but a business system: nothing of the AI stack's call may carry over.
        expect(await stackFindings(businessStack)).toEqual([]);
        // And back: the business stack's call leaves nothing behind either.
        expect(await stackFindings(aiStack)).toEqual(first);
    });

    it("a second call with other resources judges its own resources", async () => {
        const one = await stackFindings([bucket("features", "ai")]);
        const two = await stackFindings([bucket("features", "ai"), bucket("embeddings", "ai")]);
        for (const id of bareAiBucketPolicies) {
            expect(one).toContain(`${id} features`);
            expect(one).not.toContain(`${id} embeddings`);
            expect(two).toContain(`${id} features`);
            expect(two).toContain(`${id} embeddings`);
        }
    });

    it("a policy configured with other tag selectors gets its own classification in the same call", async () => {
        // Only ai-bucket-versioning is told that team=ml marks the AI system; for the other policies
        // the stack has no AI system at all. ai-bucket-sse-kms runs before it in the pack.
        const stack = [bucket("ml-scratch", undefined, { team: "ml" })];
        const findings = await stackFindings(stack, { "ai-bucket-versioning": { aiTags: { team: "ml" } } });
        expect(findings).toEqual(["ai-bucket-versioning ml-scratch"]);
        // The next call, with default selectors everywhere, sees no AI system.
        expect(await stackFindings(stack)).toEqual([]);
    });
});
