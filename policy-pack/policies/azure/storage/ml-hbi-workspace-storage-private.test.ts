import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PackSession } from "../../../../harness/engine";
import type { WireObject, WireValue } from "../../../../harness/model";
import { evaluate, openPack, resource, secret, unknown } from "../../../../tests/support/pack";

const id = "ml-hbi-workspace-storage-private";
const account = (name: string, inputs: WireObject = {}) =>
    resource("azure-native:storage:StorageAccount", name, { resourceGroupName: "rg", kind: "StorageV2", ...inputs });
const ws = (name: string, storage: string, hbi: WireValue | "unset") =>
    resource(
        "azure-native:machinelearningservices:Workspace",
        name,
        { resourceGroupName: "rg", storageAccount: unknown, ...(hbi === "unset" ? {} : { hbiWorkspace: hbi }) },
        { propertyDependencies: { storageAccount: [storage] } },
    );

let pack: PackSession;
beforeAll(async () => {
    pack = await openPack();
});
afterAll(async () => {
    await pack?.close();
});

describe(id, () => {
    it("requires a disabled public endpoint on the storage of HBI workspaces only", async () => {
        const r = await evaluate(pack, id, [
            account("hbi-open", { networkRuleSet: { defaultAction: "Deny" } }),
            ws("ws1", "hbi-open", true),
            account("hbi-closed", { publicNetworkAccess: "disabled" }),
            ws("ws2", "hbi-closed", true),
            account("hbi-enabled", { publicNetworkAccess: "Enabled" }),
            ws("ws3", "hbi-enabled", true),
            account("plain"),
            ws("ws4", "plain", false),
            account("unset"),
            ws("ws5", "unset", "unset"),
        ]);
        expect(r.violating).toEqual(["hbi-enabled", "hbi-open"]);
        expect(r.clean).toEqual(["hbi-closed", "plain", "unset", "ws1", "ws2", "ws3", "ws4", "ws5"]);
        expect(r.messages("hbi-open")).toEqual([
            expect.stringMatching(
                /^StorageAccount 'hbi-open': publicNetworkAccess is not set \(provider default "Enabled"\) on the storage account of the high-business-impact workspace 'ws1'; expected "Disabled"\. Fix: /,
            ),
        ]);
        expect(r.diagnostics.every((d) => d.enforcementLevel === "mandatory" && d.severity === "high")).toBe(true);
    });

    it("leaves unknown values to pulumi up and judges secrets silently", async () => {
        const r = await evaluate(pack, id, [
            account("a"),
            ws("ws-unknown", "a", unknown),
            account("b", { publicNetworkAccess: unknown }),
            ws("ws-b", "b", true),
            account("c", { publicNetworkAccess: secret("s3cr3t-mode") }),
            ws("ws-c", "c", secret(true)),
            account("d", { publicNetworkAccess: 0 }),
            ws("ws-d", "d", "yes"),
            account("e", { publicNetworkAccess: ["Disabled"] }),
            ws("ws-e", "e", true),
        ]);
        expect(r.undecided).toEqual(["b", "ws-unknown"]);
        expect(r.violating).toEqual(["c", "e"]);
        expect(r.diagnostics.map((d) => d.message).join("\n")).not.toContain("s3cr3t");
    });
});
