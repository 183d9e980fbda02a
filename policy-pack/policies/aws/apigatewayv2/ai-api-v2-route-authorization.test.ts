import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PackSession } from "../../../../harness/engine";
import { evaluate, openPack, resource, unknown } from "../../../../tests/support/pack";
import { modelHttpApi } from "../../../../tests/support/scopes";
import { describeSettingsPolicy } from "../../../../tests/support/settings";
import policy from "./ai-api-v2-route-authorization";

describeSettingsPolicy(policy, modelHttpApi);

describe(`${policy.id} route scope`, () => {
    let pack: PackSession;
    beforeAll(async () => {
        pack = await openPack();
    });
    afterAll(async () => {
        await pack?.close();
    });

    it("skips WebSocket routes that cannot carry an authorizer and CORS preflight routes", async () => {
        const route = (name: string, routeKey: unknown) =>
            resource(
                "aws:apigatewayv2/route:Route",
                name,
                { apiId: "a1b2c3", routeKey: routeKey as string },
                modelHttpApi.options,
            );
        const r = await evaluate(pack, policy.id, [
            ...modelHttpApi.anchors,
            route("http", "POST /v1/chat"),
            route("http-default", "$default"),
            route("ws-connect", "$connect"),
            route("ws-disconnect", "$disconnect"),
            route("ws-custom", "sendMessage"),
            route("preflight", "OPTIONS /v1/chat"),
            route("computed-key", unknown),
        ]);
        expect(r.violating).toEqual(["computed-key", "http", "http-default", "ws-connect"]);
        expect(r.clean).toEqual(
            [...modelHttpApi.anchors.map((a) => a.name), "preflight", "ws-custom", "ws-disconnect"].sort(),
        );
    });
});
