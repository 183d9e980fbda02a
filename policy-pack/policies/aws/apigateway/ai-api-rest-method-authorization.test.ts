import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PackSession } from "../../../../harness/engine";
import { evaluate, openPack, resource } from "../../../../tests/support/pack";
import { modelRestApi } from "../../../../tests/support/scopes";
import { describeSettingsPolicy } from "../../../../tests/support/settings";
import policy from "./ai-api-rest-method-authorization";

describeSettingsPolicy(policy, modelRestApi);

describe(`${policy.id} method scope`, () => {
    let pack: PackSession;
    beforeAll(async () => {
        pack = await openPack();
    });
    afterAll(async () => {
        await pack?.close();
    });

    it("skips OPTIONS methods, which answer CORS preflights without credentials", async () => {
        const method = (name: string, httpMethod: string) =>
            resource(
                "aws:apigateway/method:Method",
                name,
                { restApi: "a1b2c3", resourceId: "r1", httpMethod, authorization: "NONE" },
                modelRestApi.options,
            );
        const r = await evaluate(pack, policy.id, [
            ...modelRestApi.anchors,
            method("post", "POST"),
            method("any", "ANY"),
            method("preflight", "OPTIONS"),
        ]);
        expect(r.violating).toEqual(["any", "post"]);
        expect(r.clean).toEqual([...modelRestApi.anchors.map((a) => a.name), "preflight"].sort());
    });
});
