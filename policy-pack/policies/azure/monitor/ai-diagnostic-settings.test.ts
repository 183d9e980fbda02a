import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PackSession } from "../../../../harness/engine";
import type { WireObject } from "../../../../harness/model";
import { evaluate, openPack, resource, secret, unknown } from "../../../../tests/support/pack";
import { parseMessage } from "../../../core/message";

const id = "ai-diagnostic-settings";
const dsType = "azure-native:monitor:DiagnosticSetting";
const logAnalytics = resource("azure-native:operationalinsights:Workspace", "la", { resourceGroupName: "rg" });
const openai = resource("azure-native:cognitiveservices:Account", "openai", {
    resourceGroupName: "rg",
    kind: "OpenAI",
});
const allLogs = [{ categoryGroup: "allLogs", enabled: true }];

/** A diagnostic setting on `target`, sending to the Log Analytics workspace unless `destination` is false. */
function setting(name: string, target: string, inputs: WireObject = {}, destination = true) {
    return resource(
        dsType,
        name,
        { resourceUri: unknown, ...(destination ? { workspaceId: unknown } : {}), logs: allLogs, ...inputs },
        { propertyDependencies: { resourceUri: [target], ...(destination ? { workspaceId: ["la"] } : {}) } },
    );
}

let pack: PackSession;
beforeAll(async () => {
    pack = await openPack();
});
afterAll(async () => {
    await pack?.close();
});

describe(id, () => {
    it("flags AI resources without a diagnostic setting and settings without enabled allLogs or a destination", async () => {
        const r = await evaluate(pack, id, [
            logAnalytics,
            openai,
            resource("azure-native:machinelearningservices:Workspace", "ws", { resourceGroupName: "rg" }),
            resource("azure-native:machinelearningservices:OnlineEndpoint", "endpoint", { resourceGroupName: "rg" }),
            resource("azure-native:machinelearningservices:Registry", "registry", { resourceGroupName: "rg" }),
            resource("azure-native:search:Service", "search", { resourceGroupName: "rg" }),
            resource("azure-native:search:Service", "search-audit", { resourceGroupName: "rg" }),
            resource("azure-native:machinelearningservices:Workspace", "ws-disabled", { resourceGroupName: "rg" }),
            resource("azure-native:machinelearningservices:Workspace", "ws-nowhere", { resourceGroupName: "rg" }),
            resource("azure-native:machinelearningservices:Workspace", "ws-categories", { resourceGroupName: "rg" }),
            setting("ds-openai", "openai"),
            setting("ds-audit", "search-audit", { logs: [{ categoryGroup: "audit", enabled: true }] }),
            setting("ds-disabled", "ws-disabled", { logs: [{ categoryGroup: "allLogs", enabled: false }] }),
            resource(
                dsType,
                "ds-nowhere",
                { resourceUri: unknown, logs: allLogs },
                { propertyDependencies: { resourceUri: ["ws-nowhere"] } },
            ),
            setting("ds-categories", "ws-categories", {
                logs: [
                    { category: "AmlComputeClusterEvent", enabled: true },
                    { category: "AmlRunStatusChangedEvent", enabled: true },
                ],
            }),
        ]);
        expect(r.violating).toEqual([
            "ds-audit",
            "ds-categories",
            "ds-disabled",
            "ds-nowhere",
            "endpoint",
            "registry",
            "search",
            "ws",
        ]);
        expect(r.clean).toEqual([
            "ds-openai",
            "la",
            "openai",
            "search-audit",
            "ws-categories",
            "ws-disabled",
            "ws-nowhere",
        ]);
        expect(r.undecided).toEqual([]);
        expect(r.diagnostics.every((d) => d.enforcementLevel === "mandatory" && d.severity === "high")).toBe(true);
    });

    it("names the resource, setting, found value, expected value and fix", async () => {
        const r = await evaluate(pack, id, [
            logAnalytics,
            openai,
            resource("azure-native:search:Service", "search", { resourceGroupName: "rg" }),
            resource("azure-native:machinelearningservices:Registry", "registry", { resourceGroupName: "rg" }),
            setting("ds-audit", "search", { logs: [{ categoryGroup: "audit", enabled: true }] }),
            setting("ds-disabled", "registry", { logs: [{ categoryGroup: "allLogs", enabled: false }] }, false),
        ]);
        expect(r.messages("openai")).toEqual([
            expect.stringMatching(
                /^Account 'openai': diagnostic settings is missing \(no diagnostic setting has a resourceUri that references it\); expected a DiagnosticSetting with categoryGroup "allLogs" enabled and a destination\. Fix: Add an azure-native:monitor:DiagnosticSetting/,
            ),
        ]);
        expect(r.messages("ds-audit")).toEqual([
            expect.stringMatching(
                /^DiagnosticSetting 'ds-audit': logs\[\]\.categoryGroup is "audit" only; expected "allLogs" in an enabled entry/,
            ),
        ]);
        expect(r.messages("ds-disabled")).toHaveLength(1);
        expect(parseMessage(r.messages("ds-disabled")[0] ?? "")?.findings.map((f) => f.setting)).toEqual([
            "logs[0].enabled",
            "destination (workspaceId, storageAccountId or eventHubAuthorizationRuleId)",
        ]);
    });

    it("accepts storage accounts and event hubs as destinations", async () => {
        const r = await evaluate(pack, id, [
            openai,
            resource(
                dsType,
                "ds-storage",
                { resourceUri: unknown, storageAccountId: "/subscriptions/0/storageAccounts/logs", logs: allLogs },
                {
                    propertyDependencies: { resourceUri: ["openai"] },
                },
            ),
            resource(
                dsType,
                "ds-hub",
                { resourceUri: unknown, eventHubAuthorizationRuleId: unknown, logs: allLogs },
                {
                    propertyDependencies: { resourceUri: ["openai"] },
                },
            ),
        ]);
        expect(r.violating).toEqual([]);
        expect(r.clean).toEqual(["ds-hub", "ds-storage", "openai"]);
    });

    it("passes a resource when one of its settings is compliant", async () => {
        const r = await evaluate(pack, id, [
            logAnalytics,
            openai,
            setting("ds-good", "openai"),
            setting("ds-metrics-only", "openai", { logs: [], metrics: [{ category: "AllMetrics", enabled: true }] }),
        ]);
        expect(r.violating).toEqual([]);
        expect(r.undecided).toEqual([]);
    });

    it("ignores resources and settings outside the AI system", async () => {
        const r = await evaluate(pack, id, [
            logAnalytics,
            resource("azure-native:storage:StorageAccount", "business-store", { resourceGroupName: "rg" }),
            resource("azure-native:keyvault:Vault", "kv", { resourceGroupName: "rg" }),
            setting("ds-store", "business-store", { logs: [] }),
            resource(dsType, "ds-detached", { resourceUri: "/subscriptions/0/providers/x", logs: [] }),
        ]);
        expect(r.violating).toEqual([]);
        expect(r.undecided).toEqual([]);
        expect(r.clean).toEqual(["business-store", "ds-detached", "ds-store", "kv", "la"]);
    });

    it("leaves unknown logs, categoryGroup or enabled to pulumi up and counts unknown destinations as set", async () => {
        const r = await evaluate(pack, id, [
            logAnalytics,
            openai,
            resource("azure-native:search:Service", "search", { resourceGroupName: "rg" }),
            resource("azure-native:machinelearningservices:Workspace", "ws", { resourceGroupName: "rg" }),
            resource("azure-native:machinelearningservices:Registry", "registry", { resourceGroupName: "rg" }),
            resource("azure-native:machinelearningservices:OnlineEndpoint", "endpoint", { resourceGroupName: "rg" }),
            setting("ds-enabled", "openai", { logs: [{ categoryGroup: "allLogs", enabled: unknown }] }),
            setting("ds-group", "search", { logs: [{ categoryGroup: unknown, enabled: true }] }),
            setting("ds-logs", "ws", { logs: unknown }),
            setting("ds-failing", "registry", { logs: [{ categoryGroup: "audit", enabled: true }] }),
            setting("ds-entry", "registry", { logs: [unknown] }),
            setting(
                "ds-unknown-but-no-destination",
                "endpoint",
                { logs: [{ categoryGroup: "allLogs", enabled: unknown }] },
                false,
            ),
        ]);
        expect(r.violating).toEqual(["ds-unknown-but-no-destination"]);
        expect(r.undecided).toEqual(["ds-enabled", "ds-entry", "ds-group", "ds-logs"]);
        expect(r.clean).toEqual(["ds-failing", "endpoint", "la", "openai", "registry", "search", "ws"]);
        expect(r.diagnostics.filter((d) => d.undecided).every((d) => d.enforcementLevel === "advisory")).toBe(true);
    });

    it("decides on secret values without printing them", async () => {
        const r = await evaluate(pack, id, [
            openai,
            resource("azure-native:search:Service", "search", { resourceGroupName: "rg" }),
            resource(
                dsType,
                "ds-secret-ok",
                {
                    resourceUri: unknown,
                    workspaceId: secret("/subscriptions/0/workspaces/secret-la"),
                    logs: [{ categoryGroup: "allLogs", enabled: secret(true) }],
                },
                { propertyDependencies: { resourceUri: ["openai"] } },
            ),
            resource(
                dsType,
                "ds-secret-audit",
                {
                    resourceUri: unknown,
                    workspaceId: secret("/subscriptions/0/workspaces/secret-la"),
                    logs: [{ categoryGroup: secret("audit"), enabled: true }],
                },
                { propertyDependencies: { resourceUri: ["search"] } },
            ),
        ]);
        expect(r.violating).toEqual(["ds-secret-audit"]);
        expect(r.clean).toEqual(["ds-secret-ok", "openai", "search"]);
        const text = r.diagnostics.map((d) => d.message).join("\n");
        expect(text).not.toContain('"audit"');
        expect(text).not.toContain("secret-la");
    });

    it("compares the category group case-insensitively", async () => {
        const r = await evaluate(pack, id, [
            logAnalytics,
            openai,
            resource("azure-native:search:Service", "search", { resourceGroupName: "rg" }),
            setting("ds-lower", "openai", { logs: [{ categoryGroup: "alllogs", enabled: true }] }),
            setting("ds-upper", "search", { logs: [{ categoryGroup: "ALLLOGS", enabled: true }] }),
        ]);
        expect(r.violating).toEqual([]);
        expect(r.undecided).toEqual([]);
    });

    it("does not throw on values of the wrong type", async () => {
        const r = await evaluate(pack, id, [
            logAnalytics,
            resource("azure-native:search:Service", "s1", { resourceGroupName: "rg" }),
            resource("azure-native:search:Service", "s2", { resourceGroupName: "rg" }),
            resource("azure-native:search:Service", "s3", { resourceGroupName: "rg" }),
            resource("azure-native:search:Service", "s4", { resourceGroupName: "rg" }),
            resource("azure-native:search:Service", "s5", { resourceGroupName: "rg" }),
            setting("ds-string", "s1", { logs: "allLogs" }),
            setting("ds-object", "s2", { logs: { categoryGroup: "allLogs", enabled: true } }),
            setting("ds-junk", "s3", { logs: [null, 5, "allLogs", [], { categoryGroup: 7, enabled: "true" }] }),
            setting("ds-enabled-string", "s4", { logs: [{ categoryGroup: "allLogs", enabled: "true" }] }),
            resource(
                dsType,
                "ds-bad-destination",
                { resourceUri: unknown, workspaceId: 5, storageAccountId: "", logs: allLogs },
                {
                    propertyDependencies: { resourceUri: ["s5"] },
                },
            ),
            resource(dsType, "ds-null", { resourceUri: null, logs: null }),
        ]);
        expect(r.violating).toEqual(["ds-bad-destination", "ds-enabled-string", "ds-junk", "ds-object", "ds-string"]);
        expect(r.undecided).toEqual([]);
    });
});
