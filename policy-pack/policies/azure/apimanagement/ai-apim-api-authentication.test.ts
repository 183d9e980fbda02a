import type * as azure from "@pulumi/azure-native";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PackSession } from "../../../../harness/engine";
import type { WireObject } from "../../../../harness/model";
import { evaluate, openPack, resource, unknown } from "../../../../tests/support/pack";
import { parseMessage } from "../../../core/message";

const id = "ai-apim-api-authentication";
const validateToken =
    '<policies><inbound><base /><validate-azure-ad-token tenant-id="t"><client-application-ids><application-id>a</application-id></client-application-ids></validate-azure-ad-token></inbound></policies>';
const headerOnly =
    '<policies><inbound><base /><set-header name="api-key" exists-action="override"><value>s3cr3t</value></set-header></inbound></policies>';

const base = [
    resource("azure-native:cognitiveservices:Account", "openai", { kind: "OpenAI" }),
    resource("azure-native:apimanagement:ApiManagementService", "apim", {}),
];
/** An API on `apim`; with `ai` its serviceUrl depends on the OpenAI account. */
const api = (name: string, args: Partial<Record<keyof azure.apimanagement.ApiArgs, boolean | string>>, ai = true) =>
    resource(
        "azure-native:apimanagement:Api",
        name,
        {
            resourceGroupName: "rg",
            serviceName: unknown,
            path: name,
            ...(ai ? { serviceUrl: unknown } : { serviceUrl: "https://erp.example.com" }),
            ...args,
        } satisfies WireObject,
        { propertyDependencies: { serviceName: ["apim"], ...(ai ? { serviceUrl: ["openai"] } : {}) } },
    );
const apiPolicy = (name: string, apiName: string, value: string) =>
    resource(
        "azure-native:apimanagement:ApiPolicy",
        name,
        {
            resourceGroupName: "rg",
            serviceName: "apim",
            apiId: unknown,
            value,
        } satisfies azure.apimanagement.ApiPolicyArgs as WireObject,
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
    it("flags an API in front of a model that needs neither a subscription nor a token", async () => {
        const r = await evaluate(pack, id, [
            ...base,
            api("default", {}),
            api("subscribed", { subscriptionRequired: true }),
            api("anonymous", { subscriptionRequired: false }),
            api("token", { subscriptionRequired: false }),
            apiPolicy("token-policy", "token", validateToken),
            api("header", { subscriptionRequired: false }),
            apiPolicy("header-policy", "header", headerOnly),
            api("erp", { subscriptionRequired: false }, false),
        ]);
        expect(r.violating).toEqual(["anonymous", "header"]);
        expect(r.clean).toEqual(
            ["apim", "default", "erp", "header-policy", "openai", "subscribed", "token", "token-policy"].sort(),
        );
        expect(parseMessage(r.messages("anonymous")[0] ?? "")?.findings).toEqual([
            {
                setting: "subscriptionRequired",
                found: "false, and no API or service policy validates a token",
                expected: "true (the default), or a validate-azure-ad-token / validate-jwt policy",
            },
        ]);
        // The policy XML is read, never printed.
        expect(r.messages("header").join("\n")).not.toContain("s3cr3t");
    });

    it("accepts a service-wide policy that validates a JWT", async () => {
        const r = await evaluate(pack, id, [
            ...base,
            api("anonymous", { subscriptionRequired: false }),
            resource(
                "azure-native:apimanagement:Policy",
                "global",
                {
                    resourceGroupName: "rg",
                    serviceName: unknown,
                    value: '<policies><inbound><validate-jwt header-name="Authorization" /></inbound></policies>',
                } satisfies azure.apimanagement.PolicyArgs as WireObject,
                { propertyDependencies: { serviceName: ["apim"] } },
            ),
        ]);
        expect(r.violating).toEqual([]);
    });

    it("leaves an unknown subscription setting or policy value to pulumi up", async () => {
        const r = await evaluate(pack, id, [
            ...base,
            api("pending", { subscriptionRequired: unknown }),
            api("policy-pending", { subscriptionRequired: false }),
            apiPolicy("p", "policy-pending", unknown),
        ]);
        expect(r.undecided).toEqual(["pending", "policy-pending"]);
        expect(r.violating).toEqual([]);
    });
});
