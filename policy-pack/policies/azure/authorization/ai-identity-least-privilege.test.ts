import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PackSession } from "../../../../harness/engine";
import type { WireValue } from "../../../../harness/model";
import { evaluate, openPack, resource, secret, unknown } from "../../../../tests/support/pack";

const id = "ai-identity-least-privilege";
const raType = "azure-native:authorization:RoleAssignment";
const sub = "/subscriptions/00000000-0000-0000-0000-000000000001";
const role = (guid: string) => `${sub}/providers/Microsoft.Authorization/roleDefinitions/${guid}`;
const owner = role("8e3af657-a8ff-443c-a75c-2fe8c4bcb635");
const contributor = role("B24988AC-6180-42A0-AB88-20F7382DD24C");
const uaa = `/providers/Microsoft.Authorization/roleDefinitions/18d7d88d-d35e-4fb5-a5c3-7773c20a72d9`;
const blobReader = role("2a2b9908-6ea1-4ae2-8e65-a410df84e7d1");

const openai = resource("azure-native:cognitiveservices:Account", "openai", {
    kind: "OpenAI",
    identity: { type: "SystemAssigned" },
});
const sa = resource("azure-native:storage:StorageAccount", "sa", { tags: { "aiguard:system": "ai" } });
const erp = resource("azure-native:storage:StorageAccount", "erp", { tags: { "aiguard:system": "business" } });
const ra = (
    name: string,
    roleDefinitionId: WireValue,
    scope: WireValue,
    scopeDeps: string[] = [],
    principal = "openai",
) =>
    resource(
        raType,
        name,
        { principalId: unknown, principalType: "ServicePrincipal", roleDefinitionId, scope },
        { propertyDependencies: { principalId: [principal], scope: scopeDeps } },
    );

let pack: PackSession;
beforeAll(async () => {
    pack = await openPack();
});
afterAll(async () => {
    await pack?.close();
});

describe(id, () => {
    it("flags privileged roles, broad scopes and business scopes for AI identities", async () => {
        const r = await evaluate(pack, id, [
            openai,
            sa,
            erp,
            ra("owner", owner, unknown, ["sa"]),
            ra("contributor", contributor, unknown, ["sa"]),
            ra("uaa", uaa, unknown, ["sa"]),
            ra("sub-scope", blobReader, sub),
            ra("mg-scope", blobReader, "/providers/Microsoft.Management/managementGroups/corp"),
            ra("business", blobReader, unknown, ["erp"]),
            ra("good", blobReader, unknown, ["sa"]),
            ra("good-literal", blobReader, `${sub}/resourceGroups/ai/providers/Microsoft.Storage/storageAccounts/x`),
        ]);
        expect(r.violating).toEqual(["business", "contributor", "mg-scope", "owner", "sub-scope", "uaa"]);
        expect(r.clean).toEqual(["erp", "good", "good-literal", "openai", "sa"]);
        expect(r.undecided).toEqual([]);
        expect(r.messages("owner")).toEqual([
            expect.stringMatching(
                /^RoleAssignment 'owner': roleDefinitionId is the built-in role "Owner" for the identity of 'openai'; expected a narrow data-plane role for the AI workload\. Fix: /,
            ),
        ]);
        expect(r.messages("business")[0]).toContain("scope is the business-system resource 'erp'");
        expect(r.messages("sub-scope")[0]).toContain("scope is a whole subscription");
        expect(r.messages("sub-scope")[0]).not.toContain("00000000-0000-0000-0000-000000000001");
        expect(r.diagnostics.every((d) => d.enforcementLevel === "mandatory" && d.severity === "high")).toBe(true);
    });

    it("follows user-assigned identities of AI resources and ignores other principals", async () => {
        const r = await evaluate(pack, id, [
            resource("azure-native:managedidentity:UserAssignedIdentity", "ws-id", {}),
            resource(
                "azure-native:machinelearningservices:Workspace",
                "ws",
                { identity: { type: "UserAssigned", userAssignedIdentities: unknown } },
                { propertyDependencies: { identity: ["ws-id"] } },
            ),
            resource("azure-native:managedidentity:UserAssignedIdentity", "app-id", {}),
            ra("ws-owner", owner, sub, [], "ws-id"),
            ra("app-owner", owner, sub, [], "app-id"),
        ]);
        expect(r.violating).toEqual(["ws-owner"]);
        expect(r.clean).toEqual(["app-id", "app-owner", "ws", "ws-id"]);
    });

    it("leaves unknown roles and unattached unknown scopes to pulumi up", async () => {
        const r = await evaluate(pack, id, [
            openai,
            sa,
            ra("role-unknown", unknown, unknown, ["sa"]),
            ra("scope-unknown", blobReader, unknown),
            ra("both-unknown-but-owner", owner, unknown),
        ]);
        expect(r.undecided).toEqual(["role-unknown", "scope-unknown"]);
        expect(r.violating).toEqual(["both-unknown-but-owner"]);
    });

    it("judges secrets without printing them and survives odd values", async () => {
        const r = await evaluate(pack, id, [
            openai,
            sa,
            ra("secret-owner", secret(owner), unknown, ["sa"]),
            ra("secret-sub", secret(blobReader), secret(sub)),
            ra("odd", 42, { odd: true }),
            ra("null", null, null),
        ]);
        expect(r.violating).toEqual(["secret-owner", "secret-sub"]);
        expect(r.clean).toEqual(["null", "odd", "openai", "sa"]);
        const text = r.diagnostics.map((d) => d.message).join("\n");
        expect(text).not.toContain("8e3af657");
        expect(text).not.toContain("/subscriptions/");
    });
});
