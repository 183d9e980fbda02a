import type * as azure from "@pulumi/azure-native";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PackSession } from "../../../../harness/engine";
import type { WireObject } from "../../../../harness/model";
import { evaluate, openPack, resource, secret, unknown } from "../../../../tests/support/pack";

const id = "ai-app-service-auth";
const webApp = "azure-native:web:WebApp";
const authSettings = "azure-native:web:WebAppAuthSettingsV2";

const openai = resource("azure-native:cognitiveservices:Account", "openai", {
    resourceGroupName: "rg",
    kind: "OpenAI",
    sku: { name: "S0" },
});
/** A Function app whose app setting holds the Azure OpenAI endpoint: a front door. */
const app = (name: string, extra: WireObject = {}) =>
    resource(
        webApp,
        name,
        {
            ...({
                resourceGroupName: "rg",
                kind: "functionapp,linux",
                httpsOnly: true,
                siteConfig: { appSettings: [{ name: "AZURE_OPENAI_ENDPOINT", value: unknown }] },
            } satisfies azure.web.WebAppArgs as WireObject),
            ...extra,
        },
        { propertyDependencies: { siteConfig: ["openai"] } },
    );
/** Built-in authentication of an app, typed by the SDK. */
const auth = (name: string, appName: string, enabled: boolean, requireAuthentication: boolean, action: string) =>
    resource(
        authSettings,
        name,
        {
            name: unknown,
            resourceGroupName: "rg",
            platform: { enabled },
            globalValidation: {
                requireAuthentication,
                unauthenticatedClientAction: action as azure.types.enums.web.UnauthenticatedClientActionV2,
            },
        } satisfies azure.web.WebAppAuthSettingsV2Args as WireObject,
        { propertyDependencies: { name: [appName] } },
    );

let pack: PackSession;
beforeAll(async () => {
    pack = await openPack();
});
afterAll(async () => {
    await pack?.close();
});

describe(id, () => {
    it("flags anonymous public front doors and wildcard CORS, and passes authenticated or private ones", async () => {
        const r = await evaluate(pack, id, [
            openai,
            app("anonymous"),
            app("anonymous-cors", {
                siteConfig: { appSettings: [{ name: "E", value: unknown }], cors: { allowedOrigins: ["*"] } },
            }),
            app("authenticated"),
            auth("authenticated-auth", "authenticated", true, true, "Return401"),
            app("allows-anonymous"),
            auth("allows-anonymous-auth", "allows-anonymous", true, false, "AllowAnonymous"),
            app("private", { publicNetworkAccess: "Disabled" }),
            resource(webApp, "unrelated", { resourceGroupName: "rg", kind: "app" }),
        ]);
        expect(r.violating).toEqual(["allows-anonymous", "anonymous", "anonymous-cors"]);
        expect(r.clean).toEqual(
            expect.arrayContaining(["authenticated", "authenticated-auth", "private", "unrelated"]),
        );
        expect(r.messages("anonymous")[0]).toMatch(
            /^WebApp 'anonymous': authentication is not configured \(no auth config names this app\); expected a WebAppAuthSettingsV2 .*\. Fix: Add an azure-native web\.WebAppAuthSettingsV2/,
        );
        expect(r.messages("anonymous-cors")[0]).toContain(
            'siteConfig.cors.allowedOrigins[0] is "*"; expected named origins only',
        );
        expect(r.messages("allows-anonymous")[0]).toContain(
            "authentication is an auth config 'allows-anonymous-auth' with globalValidation.requireAuthentication false",
        );
        expect(r.diagnostics.every((d) => d.enforcementLevel === "mandatory" && d.severity === "high")).toBe(true);
    });

    it("leaves unknown values to pulumi up, judges secrets without printing them and survives odd input", async () => {
        const r = await evaluate(pack, id, [
            openai,
            app("unknown-access", { publicNetworkAccess: unknown }),
            app("unknown-auth"),
            resource(
                authSettings,
                "unknown-auth-cfg",
                { platform: { enabled: unknown } },
                { propertyDependencies: { name: ["unknown-auth"] } },
            ),
            app("secret-access", { publicNetworkAccess: secret("Disabled") }),
            app("odd", { publicNetworkAccess: 5 }),
            resource(
                authSettings,
                "odd-cfg",
                { platform: "yes", globalValidation: null },
                { propertyDependencies: { name: ["odd"] } },
            ),
        ]);
        expect(r.undecided).toEqual(["unknown-access", "unknown-auth"]);
        expect(r.clean).toContain("secret-access");
        expect(r.violating).toEqual(["odd"]);
    });
});
