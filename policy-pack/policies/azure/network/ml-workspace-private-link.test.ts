import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PackSession } from "../../../../harness/engine";
import type { WireValue } from "../../../../harness/model";
import { evaluate, openPack, resource, secret, unknown } from "../../../../tests/support/pack";

const id = "ml-workspace-private-link";
const wsType = "azure-native:machinelearningservices:Workspace";
const ws = (name: string, kind: WireValue = "Default") => resource(wsType, name, { resourceGroupName: "rg", kind });
const pe = (name: string, target: string, groupIds: WireValue) =>
    resource(
        "azure-native:network:PrivateEndpoint",
        name,
        { privateLinkServiceConnections: [{ privateLinkServiceId: unknown, groupIds }] },
        { propertyDependencies: { privateLinkServiceConnections: [target] } },
    );

let pack: PackSession;
beforeAll(async () => {
    pack = await openPack();
});
afterAll(async () => {
    await pack?.close();
});

describe(id, () => {
    it("passes workspaces and hubs with an amlworkspace private endpoint and flags the others", async () => {
        const r = await evaluate(pack, id, [
            ws("good"),
            pe("good-pe", "good", ["amlworkspace"]),
            ws("hub", "Hub"),
            pe("hub-pe", "hub", unknown),
            ws("none"),
            ws("wrong"),
            pe("wrong-pe", "wrong", ["blob"]),
            ws("project", "Project"),
            ws("odd", 7),
            resource("azure-native:storage:StorageAccount", "sa"),
        ]);
        expect(r.violating).toEqual(["none", "odd", "wrong"]);
        expect(r.clean).toEqual(["good", "good-pe", "hub", "hub-pe", "project", "sa", "wrong-pe"]);
        expect(r.undecided).toEqual([]);
        expect(r.messages("none")[0]).toMatch(
            /^Workspace 'none': private endpoint is missing: no PrivateEndpoint .* this workspace; expected .*groupIds \["amlworkspace"\]\. Fix: /,
        );
        expect(r.diagnostics.every((d) => d.enforcementLevel === "advisory" && d.severity === "medium")).toBe(true);
    });

    it("judges secret kinds and group ids", async () => {
        const r = await evaluate(pack, id, [
            resource(wsType, "hidden-kind", { kind: secret("Project") }),
            ws("hidden-group"),
            pe("hidden-pe", "hidden-group", secret(["amlworkspace"])),
            ws("hidden-wrong"),
            pe("wrong-pe", "hidden-wrong", secret(["blob"])),
        ]);
        expect(r.violating).toEqual(["hidden-wrong"]);
        expect(r.clean).toEqual(["hidden-group", "hidden-kind", "hidden-pe", "wrong-pe"]);
    });
});
