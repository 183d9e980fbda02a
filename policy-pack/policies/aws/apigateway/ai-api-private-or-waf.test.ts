import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PackSession } from "../../../../harness/engine";
import { evaluate, type FixtureResource, openPack, resource, secret, unknown } from "../../../../tests/support/pack";

const id = "ai-api-private-or-waf";
const api = "aws:apigateway/restApi:RestApi";
const integration = "aws:apigateway/integration:Integration";
const stage = "aws:apigateway/stage:Stage";
const waf = "aws:wafv2/webAclAssociation:WebAclAssociation";
const bedrockUri = "arn:aws:apigateway:us-east-1:bedrock-runtime:path/model/anthropic.claude-3-haiku/invoke";

/** An API whose integration calls Bedrock, with one stage. */
function modelApi(name: string, inputs: Record<string, unknown> = {}): FixtureResource[] {
    return [
        resource(api, name, inputs as never),
        resource(
            integration,
            `${name}-integration`,
            { restApi: unknown, uri: bedrockUri },
            { propertyDependencies: { restApi: [name] } },
        ),
        resource(
            stage,
            `${name}-stage`,
            { restApi: unknown, stageName: "prod" },
            { propertyDependencies: { restApi: [name] } },
        ),
    ];
}

let pack: PackSession;
beforeAll(async () => {
    pack = await openPack();
});
afterAll(async () => {
    await pack?.close();
});

describe(id, () => {
    it("flags public model APIs without WAF, and passes private ones and ones with a web ACL on a stage", async () => {
        const r = await evaluate(pack, id, [
            ...modelApi("edge-default"),
            ...modelApi("regional", { endpointConfiguration: { types: "REGIONAL" } }),
            ...modelApi("private", { endpointConfiguration: { types: "PRIVATE" } }),
            ...modelApi("private-list", { endpointConfiguration: { types: ["PRIVATE"] } }),
            ...modelApi("waf-protected"),
            resource(
                waf,
                "waf",
                { resourceArn: unknown, webAclArn: unknown },
                { propertyDependencies: { resourceArn: ["waf-protected-stage"] } },
            ),
        ]);
        expect(r.violating).toEqual(["edge-default", "regional"]);
        expect(r.messages("edge-default")[0]).toMatch(
            /^RestApi 'edge-default': endpointConfiguration\.types is not set \(provider default "EDGE"\) with no WAF web ACL on any stage; expected "PRIVATE", or a WebAclAssociation on a stage of the API\. Fix: /,
        );
    });

    it("ignores APIs that front no model", async () => {
        const r = await evaluate(pack, id, [
            resource(api, "orders"),
            resource(
                integration,
                "orders-integration",
                { restApi: unknown, uri: "https://orders.internal/api" },
                { propertyDependencies: { restApi: ["orders"] } },
            ),
        ]);
        expect(r.violating).toEqual([]);
    });

    it("leaves an unknown endpoint type to pulumi up, reads a computed unknown as unset, and judges secrets silently", async () => {
        const r = await evaluate(pack, id, [
            ...modelApi("computed", { endpointConfiguration: { types: unknown } }),
            ...modelApi("secret-edge", { endpointConfiguration: { types: secret("EDGE") } }),
            ...modelApi("odd", { endpointConfiguration: { types: 42 } }),
            resource(
                api,
                "never-set",
                { tags: { "aiguard:system": "ai" } },
                { outputs: { tags: { "aiguard:system": "ai" }, endpointConfiguration: unknown } },
            ),
        ]);
        expect(r.undecided).toEqual(["computed"]);
        expect(r.violating).toEqual(["never-set", "odd", "secret-edge"]);
        expect(r.messages("secret-edge").join("")).not.toContain('"EDGE"');
    });
});
