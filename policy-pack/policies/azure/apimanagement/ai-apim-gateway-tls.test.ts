import type * as azure from "@pulumi/azure-native";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PackSession } from "../../../../harness/engine";
import type { WireObject } from "../../../../harness/model";
import { evaluate, openPack, resource, unknown } from "../../../../tests/support/pack";
import { parseMessage } from "../../../core/message";

const id = "ai-apim-gateway-tls";
const security = "Microsoft.WindowsAzure.ApiManagement.Gateway.Security";

const service = (name: string, customProperties?: Record<string, string>) =>
    resource("azure-native:apimanagement:ApiManagementService", name, {
        resourceGroupName: "rg",
        publisherEmail: "p@example.com",
        publisherName: "p",
        sku: { name: "Developer", capacity: 1 },
        ...(customProperties ? { customProperties } : {}),
    } satisfies azure.apimanagement.ApiManagementServiceArgs as WireObject);
/** An API on `svc`; with `ai` its serviceUrl depends on the OpenAI account. */
const api = (name: string, svc: string, protocols?: string[], ai = true) =>
    resource(
        "azure-native:apimanagement:Api",
        name,
        {
            resourceGroupName: "rg",
            serviceName: unknown,
            path: name,
            serviceUrl: ai ? unknown : "https://erp.example.com",
            ...(protocols ? { protocols } : {}),
        } satisfies azure.apimanagement.ApiArgs as WireObject,
        { propertyDependencies: { serviceName: [svc], ...(ai ? { serviceUrl: ["openai"] } : {}) } },
    );
const openai = resource("azure-native:cognitiveservices:Account", "openai", { kind: "OpenAI" });

let pack: PackSession;
beforeAll(async () => {
    pack = await openPack();
});
afterAll(async () => {
    await pack?.close();
});

describe(id, () => {
    it("flags plain-text protocols on AI APIs and legacy TLS or 3DES on their service", async () => {
        const r = await evaluate(pack, id, [
            openai,
            service("legacy", {
                [`${security}.Protocols.Tls10`]: "True",
                [`${security}.Ciphers.TripleDes168`]: "true",
            }),
            service("modern", {
                [`${security}.Protocols.Tls11`]: "false",
                [`${security}.Protocols.Server.Http2`]: "true",
            }),
            service("defaults"),
            service("erp-gw", { [`${security}.Protocols.Tls10`]: "true" }),
            api("mixed", "legacy", ["https", "http"]),
            api("https-only", "modern", ["https"]),
            api("unset", "defaults"),
            api("erp", "erp-gw", ["http"], false),
        ]);
        expect(r.violating).toEqual(["legacy", "mixed"]);
        expect(r.clean).toEqual(["defaults", "erp", "erp-gw", "https-only", "modern", "openai", "unset"]);
        expect(parseMessage(r.messages("mixed")[0] ?? "")?.findings).toEqual([
            { setting: "protocols[1]", found: '"http"', expected: '"https" or "wss" only' },
        ]);
        expect(r.messages("legacy")).toHaveLength(1);
        expect(parseMessage(r.messages("legacy")[0] ?? "")?.findings.map((f) => f.setting)).toEqual([
            `customProperties["${security}.Protocols.Tls10"]`,
            `customProperties["${security}.Ciphers.TripleDes168"]`,
        ]);
    });

    it("leaves unknown protocols and custom properties to pulumi up", async () => {
        const r = await evaluate(pack, id, [
            openai,
            resource("azure-native:apimanagement:ApiManagementService", "pending", { customProperties: unknown }),
            api("later", "pending", unknown as never),
        ]);
        expect(r.undecided).toEqual(["later", "pending"]);
        expect(r.violating).toEqual([]);
    });
});
