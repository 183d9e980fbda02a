import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PackSession } from "../../../../harness/engine";
import type { WireValue } from "../../../../harness/model";
import { evaluate, openPack, resource, secret, unknown } from "../../../../tests/support/pack";

const id = "ai-rate-limits";
const deploymentType = "azure-native:cognitiveservices:Deployment";
const apiType = "azure-native:apimanagement:Api";
const tokenLimit =
    '<policies><inbound><base /><azure-openai-token-limit counter-key="@(context.Subscription.Id)" tokens-per-minute="10000" /></inbound></policies>';
const noLimit =
    '<policies><inbound><base /><set-header name="x" exists-action="override"><value>s3cr3t</value></set-header></inbound></policies>';

const deployment = (name: string, capacity: WireValue | "unset") =>
    resource(deploymentType, name, {
        accountName: "aoai",
        properties: { model: { format: "OpenAI", name: "gpt-4o", version: "2024-11-20" } },
        ...(capacity === "unset" ? {} : { sku: { name: "Standard", capacity } }),
    });
const base = [
    resource("azure-native:cognitiveservices:Account", "openai", { kind: "OpenAI" }),
    resource("azure-native:apimanagement:ApiManagementService", "apim", {}),
];
const api = (name: string, service = "apim") =>
    resource(
        apiType,
        name,
        { serviceName: unknown, path: name, serviceUrl: unknown },
        {
            propertyDependencies: { serviceName: [service], serviceUrl: ["openai"] },
        },
    );
const apiPolicy = (name: string, apiName: string, value: WireValue) =>
    resource(
        "azure-native:apimanagement:ApiPolicy",
        name,
        { apiId: unknown, value },
        { propertyDependencies: { apiId: [apiName] } },
    );

let pack: PackSession;
beforeAll(async () => {
    pack = await openPack();
});
afterAll(async () => {
    await pack?.close();
});

describe(id, () => {
    it("leaves deployment capacity to ai-deployment-capacity-capped, so one gap is one finding", async () => {
        const r = await evaluate(pack, id, [...base, deployment("big", 500)]);
        expect(r.diagnostics).toEqual([]);
    });

    it("requires a limit policy on APIs that front AI accounts", async () => {
        const r = await evaluate(pack, id, [
            ...base,
            api("limited"),
            apiPolicy("limited-policy", "limited", tokenLimit),
            api("unlimited"),
            apiPolicy("unlimited-policy", "unlimited", noLimit),
            api("bare"),
            api("pending"),
            apiPolicy("pending-policy", "pending", unknown),
            api("secret"),
            apiPolicy("secret-policy", "secret", secret(noLimit)),
            api("odd"),
            apiPolicy("odd-policy", "odd", 42),
            resource("azure-native:apimanagement:ApiManagementService", "apim2", {}),
            api("service-wide", "apim2"),
            resource(
                "azure-native:apimanagement:Policy",
                "global",
                {
                    serviceName: unknown,
                    value: '<policies><inbound><rate-limit-by-key calls="100" renewal-period="60" counter-key="@(context.Request.IpAddress)" /></inbound></policies>',
                },
                { propertyDependencies: { serviceName: ["apim2"] } },
            ),
            resource(apiType, "not-ai", { serviceUrl: "https://example.com", path: "x" }),
        ]);
        expect(r.violating).toEqual(["bare", "odd", "secret", "unlimited"]);
        expect(r.undecided).toEqual(["pending"]);
        expect(r.clean).toEqual(expect.arrayContaining(["limited", "not-ai", "service-wide"]));
        expect(r.messages("unlimited")[0]).toContain(
            "rate limiting is not configured: its policies have no rate-limit, quota or token-limit element",
        );
        expect(r.diagnostics.map((d) => d.message).join("\n")).not.toContain("s3cr3t");
    });
});
