import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PackSession } from "../../../../harness/engine";
import { evaluate, openPack, resource } from "../../../../tests/support/pack";
import { describeSettingsPolicy } from "../../../../tests/support/settings";
import policy from "./ml-workspace-serverless-compute-no-public-ip";

describeSettingsPolicy(policy);

describe(`${policy.id} on projects`, () => {
    let pack: PackSession;
    beforeAll(async () => {
        pack = await openPack();
    });
    afterAll(async () => {
        await pack?.close();
    });

    it("does not evaluate projects, which inherit the setting from their hub", async () => {
        const type = "azure-native:machinelearningservices:Workspace";
        const r = await evaluate(pack, policy.id, [
            resource(type, "project", { resourceGroupName: "rg", kind: "Project" }),
            resource(type, "project-lower", { resourceGroupName: "rg", kind: "project" }),
            resource(type, "hub", { resourceGroupName: "rg", kind: "Hub" }),
        ]);
        expect(r.clean).toEqual(["project", "project-lower"]);
        expect(r.violating).toEqual(["hub"]);
    });
});
