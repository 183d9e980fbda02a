import type * as azure from "@pulumi/azure-native";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PackSession } from "../../../../harness/engine";
import type { WireObject } from "../../../../harness/model";
import { evaluate, openPack, resource, secret, unknown } from "../../../../tests/support/pack";

const id = "ai-container-app-ingress";
const containerApp = "azure-native:app:ContainerApp";

const openai = resource("azure-native:cognitiveservices:Account", "openai", {
    resourceGroupName: "rg",
    kind: "OpenAI",
    sku: { name: "S0" },
});
/** A Container App whose environment names the Azure OpenAI endpoint: a front door. */
const app = (name: string, ingress?: WireObject) =>
    resource(
        containerApp,
        name,
        {
            ...({
                resourceGroupName: "rg",
                managedEnvironmentId:
                    "/subscriptions/s/resourceGroups/rg/providers/Microsoft.App/managedEnvironments/env",
                template: {
                    containers: [{ name: "chat", image: "chat:1", env: [{ name: "AOAI_ENDPOINT", value: unknown }] }],
                },
            } satisfies azure.app.ContainerAppArgs as WireObject),
            ...(ingress === undefined ? {} : { configuration: { ingress } }),
        },
        { propertyDependencies: { template: ["openai"] } },
    );
/** Ingress settings typed by the SDK. */
const ingress = (i: { external?: boolean; allowInsecure?: boolean; targetPort?: number; allowedOrigins?: string[] }) =>
    ({
        ...(i.external === undefined ? {} : { external: i.external }),
        ...(i.allowInsecure === undefined ? {} : { allowInsecure: i.allowInsecure }),
        ...(i.targetPort === undefined ? {} : { targetPort: i.targetPort }),
        ...(i.allowedOrigins === undefined ? {} : { corsPolicy: { allowedOrigins: i.allowedOrigins } }),
    }) satisfies azure.types.input.app.IngressArgs as WireObject;
const auth = (name: string, appName: string, action: string | typeof unknown, enabled: boolean = true) =>
    resource(
        "azure-native:app:ContainerAppsAuthConfig",
        name,
        {
            containerAppName: unknown,
            resourceGroupName: "rg",
            platform: { enabled },
            globalValidation: {
                unauthenticatedClientAction: action as azure.types.enums.app.UnauthenticatedClientActionV2,
            },
        } satisfies azure.app.ContainerAppsAuthConfigArgs as WireObject,
        { propertyDependencies: { containerAppName: [appName] } },
    );

let pack: PackSession;
beforeAll(async () => {
    pack = await openPack();
});
afterAll(async () => {
    await pack?.close();
});

describe(id, () => {
    it("flags insecure and anonymous external ingress of front doors and passes internal or authenticated ones", async () => {
        const r = await evaluate(pack, id, [
            openai,
            app("anonymous", ingress({ external: true, targetPort: 8080 })),
            app("insecure-internal", ingress({ external: false, allowInsecure: true })),
            app("any-origin", ingress({ external: false, allowedOrigins: ["*"] })),
            app("internal", ingress({ external: false, targetPort: 8080 })),
            app("no-ingress"),
            app("authenticated", ingress({ external: true, targetPort: 8080 })),
            auth("authenticated-auth", "authenticated", "Return401"),
            app("anonymous-auth", ingress({ external: true })),
            auth("anonymous-auth-cfg", "anonymous-auth", "AllowAnonymous"),
            app("disabled-auth", ingress({ external: true })),
            auth("disabled-auth-cfg", "disabled-auth", "Return401", false),
            resource(containerApp, "unrelated", {
                resourceGroupName: "rg",
                configuration: { ingress: { external: true } },
            }),
        ]);
        expect(r.violating).toEqual([
            "anonymous",
            "anonymous-auth",
            "any-origin",
            "disabled-auth",
            "insecure-internal",
        ]);
        expect(r.clean).toEqual(expect.arrayContaining(["authenticated", "internal", "no-ingress", "unrelated"]));
        expect(r.messages("insecure-internal")[0]).toMatch(
            /^ContainerApp 'insecure-internal': configuration\.ingress\.allowInsecure is true; expected false or not set\. Fix: /,
        );
        expect(r.messages("anonymous-auth")[0]).toContain(
            "authentication is an auth config 'anonymous-auth-cfg' with globalValidation.unauthenticatedClientAction \"AllowAnonymous\"",
        );
    });

    it("leaves unknown values to pulumi up, judges secrets without printing them and survives odd input", async () => {
        const r = await evaluate(pack, id, [
            openai,
            app("unknown-external", { external: unknown }),
            app("unknown-action", ingress({ external: true })),
            auth("unknown-action-cfg", "unknown-action", unknown),
            app("secret-insecure", { external: false, allowInsecure: secret(true) }),
            app("odd", { external: "yes", allowInsecure: "no" }),
        ]);
        expect(r.undecided).toEqual(["unknown-action", "unknown-external"]);
        expect(r.violating).toEqual(["odd", "secret-insecure"]);
        expect(r.messages("secret-insecure")[0]).toContain("allowInsecure is a secret value (not shown)");
    });
});
