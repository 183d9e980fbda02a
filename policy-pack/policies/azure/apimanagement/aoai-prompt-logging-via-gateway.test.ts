import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PackSession } from "../../../../harness/engine";
import type { WireObject } from "../../../../harness/model";
import { evaluate, openPack, resource, secret, unknown } from "../../../../tests/support/pack";

const id = "aoai-prompt-logging-via-gateway";
const apiType = "azure-native:apimanagement:Api";
const diagType = "azure-native:apimanagement:ApiDiagnostic";
const body = { request: { body: { bytes: 8192 } }, response: { body: { bytes: 8192 } } };

const base = [
    resource("azure-native:cognitiveservices:Account", "openai", { kind: "OpenAI" }),
    resource("azure-native:apimanagement:ApiManagementService", "apim", { resourceGroupName: "rg" }),
];
const api = (name: string, inputs: WireObject = { serviceUrl: unknown }, serviceUrlDeps = ["openai"]) =>
    resource(
        apiType,
        name,
        { resourceGroupName: "rg", serviceName: unknown, path: name, ...inputs },
        {
            propertyDependencies: { serviceName: ["apim"], serviceUrl: serviceUrlDeps },
        },
    );
const diag = (name: string, apiName: string, inputs: WireObject) =>
    resource(
        diagType,
        name,
        { resourceGroupName: "rg", serviceName: unknown, apiId: unknown, loggerId: unknown, ...inputs },
        {
            propertyDependencies: { apiId: [apiName], loggerId: [] },
        },
    );

let pack: PackSession;
beforeAll(async () => {
    pack = await openPack();
});
afterAll(async () => {
    await pack?.close();
});

describe(id, () => {
    it("passes APIs fronting OpenAI that log bodies and flags the others", async () => {
        const r = await evaluate(pack, id, [
            ...base,
            api("good"),
            diag("good-diag", "good", { sampling: { samplingType: "fixed", percentage: 100 }, frontend: body }),
            api("backend-bodies"),
            diag("bb-diag", "backend-bodies", { backend: body }),
            api("none"),
            api("no-bodies"),
            diag("nb-diag", "no-bodies", {
                sampling: { percentage: 100 },
                frontend: { request: { body: { bytes: 0 } } },
            }),
            api("zero-sampling"),
            diag("zs-diag", "zero-sampling", { sampling: { percentage: 0 }, frontend: body }),
            api("literal", { serviceUrl: "https://my-aoai.openai.azure.com/openai" }, []),
            api("other", { serviceUrl: "https://example.com" }, []),
        ]);
        expect(r.violating).toEqual(["literal", "no-bodies", "none", "zero-sampling"]);
        expect(r.clean).toEqual([
            "apim",
            "backend-bodies",
            "bb-diag",
            "good",
            "good-diag",
            "nb-diag",
            "openai",
            "other",
            "zs-diag",
        ]);
        expect(r.messages("none")[0]).toMatch(
            /^Api 'none': prompt and completion logging is not configured: no ApiDiagnostic .*; expected .*\. Fix: /,
        );
        expect(r.messages("no-bodies")[0]).toContain(
            "ApiDiagnostic frontend.request.body.bytes / backend.request.body.bytes is not set or 0 (no prompt body is logged)",
        );
        expect(r.messages("zero-sampling")[0]).toContain(
            "ApiDiagnostic sampling.percentage is 0; expected more than 0",
        );
        expect(r.diagnostics.every((d) => d.enforcementLevel === "advisory" && d.severity === "medium")).toBe(true);
    });

    it("accepts GatewayLlmLogs on the service and follows backends referenced by API policies", async () => {
        const r = await evaluate(pack, id, [
            ...base,
            api("llm-logs"),
            resource(
                "azure-native:monitor:DiagnosticSetting",
                "apim-ds",
                { resourceUri: unknown, workspaceId: unknown, logs: [{ category: "GatewayLlmLogs", enabled: true }] },
                { propertyDependencies: { resourceUri: ["apim"] } },
            ),
            resource(
                "azure-native:apimanagement:Backend",
                "aoai-backend",
                { url: unknown },
                { propertyDependencies: { url: ["openai"] } },
            ),
            resource("azure-native:apimanagement:ApiManagementService", "apim2", { resourceGroupName: "rg" }),
            resource(
                apiType,
                "via-policy",
                { serviceName: unknown, path: "p", serviceUrl: "https://placeholder" },
                {
                    propertyDependencies: { serviceName: ["apim2"] },
                },
            ),
            resource(
                "azure-native:apimanagement:ApiPolicy",
                "policy",
                { apiId: unknown, value: unknown },
                { propertyDependencies: { apiId: ["via-policy"], value: ["aoai-backend"] } },
            ),
        ]);
        expect(r.violating).toEqual(["via-policy"]);
        expect(r.clean).toContain("llm-logs");
    });

    it("leaves unknown sizes to pulumi up, judges secrets and survives odd values", async () => {
        const r = await evaluate(pack, id, [
            ...base,
            api("unknown-bytes"),
            diag("ub", "unknown-bytes", {
                frontend: { request: { body: { bytes: unknown } }, response: { body: { bytes: 1 } } },
            }),
            api("secret-bytes"),
            diag("sb", "secret-bytes", {
                frontend: { request: { body: { bytes: secret(4096) } }, response: { body: { bytes: secret(4096) } } },
            }),
            api("odd"),
            diag("odd-diag", "odd", { loggerId: "", sampling: "all", frontend: [1] }),
            api("odd2"),
            diag("odd2-diag", "odd2", { sampling: { percentage: "x" }, frontend: null }),
        ]);
        expect(r.undecided).toEqual(["unknown-bytes"]);
        expect(r.violating).toEqual(["odd", "odd2"]);
        expect(r.clean).toContain("secret-bytes");
    });
});
