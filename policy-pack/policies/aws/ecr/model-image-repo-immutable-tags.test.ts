import type * as aws from "@pulumi/aws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PackSession } from "../../../../harness/engine";
import type { WireObject } from "../../../../harness/model";
import { evaluate, openPack, resource, unknown } from "../../../../tests/support/pack";
import { describeSettingsPolicy } from "../../../../tests/support/settings";
import policy from "./model-image-repo-immutable-tags";

describeSettingsPolicy(policy);

describe(`${policy.id} digest-pinned consumers`, () => {
    let pack: PackSession;
    beforeAll(async () => {
        pack = await openPack();
    });
    afterAll(async () => {
        await pack?.close();
    });

    const repo = (name: string) =>
        resource("aws:ecr/repository:Repository", name, {
            name,
            imageTagMutability: "MUTABLE",
        } satisfies aws.ecr.RepositoryArgs);
    const model = (name: string, repoName: string, image: string) =>
        resource(
            "aws:sagemaker/model:Model",
            name,
            {
                executionRoleArn: "arn:aws:iam::123456789012:role/model",
                primaryContainer: { image },
            } satisfies aws.sagemaker.ModelArgs as WireObject,
            { propertyDependencies: { primaryContainer: [repoName] } },
        );
    const url = "123456789012.dkr.ecr.us-east-1.amazonaws.com";

    it("passes a mutable repository whose every consumer pins images by digest", async () => {
        const r = await evaluate(pack, policy.id, [
            repo("pinned"),
            model("m1", "pinned", `${url}/pinned@sha256:${"a".repeat(64)}`),
            model("m2", "pinned", `${url}/pinned@sha256:${"b".repeat(64)}`),
            repo("by-tag"),
            model("m3", "by-tag", `${url}/by-tag:latest`),
            repo("mixed"),
            model("m4", "mixed", `${url}/mixed@sha256:${"c".repeat(64)}`),
            model("m5", "mixed", `${url}/mixed:v1`),
            repo("computed"),
            model("m6", "computed", unknown),
        ]);
        expect(r.violating).toEqual(["by-tag", "mixed"]);
        expect(r.undecided).toEqual(["computed"]);
        expect(r.clean).toContain("pinned");
    });
    it("decides an immutable repository during preview even when its consumers' image references are unknown", async () => {
        const r = await evaluate(pack, policy.id, [
            resource("aws:ecr/repository:Repository", "immutable", {
                name: "immutable",
                imageTagMutability: "IMMUTABLE",
            } satisfies aws.ecr.RepositoryArgs),
            model("m7", "immutable", unknown),
        ]);
        expect(r.violating).toEqual([]);
        expect(r.undecided).toEqual([]);
        expect(r.clean).toContain("immutable");
    });

    it("does not count the repository's own lifecycle and repository policies as image consumers", async () => {
        const managedBy = (type: string, name: string) =>
            resource(
                type,
                name,
                { repository: unknown, policy: "{}" },
                { propertyDependencies: { repository: ["managed"] } },
            );
        const r = await evaluate(pack, policy.id, [
            resource("aws:ecr/repository:Repository", "managed", {
                imageTagMutability: "MUTABLE",
                tags: { "aiguard:system": "ai" },
            } satisfies aws.ecr.RepositoryArgs as WireObject),
            managedBy("aws:ecr/lifecyclePolicy:LifecyclePolicy", "managed-lifecycle"),
            managedBy("aws:ecr/repositoryPolicy:RepositoryPolicy", "managed-access"),
        ]);
        expect(r.violating).toEqual(["managed"]);
        expect(r.undecided).toEqual([]);
    });
});
