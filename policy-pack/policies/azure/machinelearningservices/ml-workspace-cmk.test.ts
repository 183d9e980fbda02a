import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PackSession } from "../../../../harness/engine";
import { evaluate, openPack, resource, secret, unknown } from "../../../../tests/support/pack";

const type = "azure-native:machinelearningservices:Workspace";
const id = "ml-workspace-cmk";
const keyVaultArmId = "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv-ml";
const keyIdentifier = "https://kv-ml.vault.azure.net/keys/ml-cmk/0123456789abcdef";
const base = { resourceGroupName: "rg", kind: "Default" };
const cmk = { status: "Enabled", keyVaultProperties: { keyVaultArmId, keyIdentifier } };

let pack: PackSession;
beforeAll(async () => {
    pack = await openPack();
});
afterAll(async () => {
    await pack?.close();
});

describe(id, () => {
    it("flags workspaces without a customer-managed key and passes those with one", async () => {
        const r = await evaluate(pack, id, [
            resource(type, "fail-unset", base),
            resource(type, "fail-disabled", { ...base, encryption: { ...cmk, status: "Disabled" } }),
            resource(type, "fail-no-key-id", {
                ...base,
                encryption: { status: "Enabled", keyVaultProperties: { keyVaultArmId } },
            }),
            resource(type, "fail-no-vault", {
                ...base,
                encryption: { status: "Enabled", keyVaultProperties: { keyIdentifier } },
            }),
            resource(type, "fail-empty-key", {
                ...base,
                encryption: { status: "Enabled", keyVaultProperties: { keyVaultArmId, keyIdentifier: " " } },
            }),
            resource(type, "pass-cmk", { ...base, encryption: cmk }),
            resource(type, "pass-hub", { ...base, kind: "Hub", encryption: cmk }),
        ]);
        expect(r.violating).toEqual([
            "fail-disabled",
            "fail-empty-key",
            "fail-no-key-id",
            "fail-no-vault",
            "fail-unset",
        ]);
        expect(r.clean).toEqual(["pass-cmk", "pass-hub"]);
        expect(r.undecided).toEqual([]);
        expect(r.diagnostics.every((d) => d.enforcementLevel === "mandatory" && d.severity === "high")).toBe(true);
    });

    it("names the resource, setting, found value, expected value and fix", async () => {
        const r = await evaluate(pack, id, [
            resource(type, "fail-unset", base),
            resource(type, "fail-disabled", { ...base, encryption: { ...cmk, status: "Disabled" } }),
        ]);
        expect(r.messages("fail-unset")).toEqual([
            expect.stringMatching(
                /^Workspace 'fail-unset': encryption is not set \(Microsoft-managed keys\); expected status "Enabled" with keyVaultProperties\.keyVaultArmId and keyVaultProperties\.keyIdentifier\. Fix: Set encryption\.status to "Enabled"/,
            ),
        ]);
        expect(r.messages("fail-disabled")).toEqual([
            expect.stringMatching(
                /^Workspace 'fail-disabled': encryption\.status is "Disabled"; expected "Enabled"\. Fix: /,
            ),
        ]);
    });

    it("does not evaluate projects, which inherit encryption from their hub", async () => {
        const r = await evaluate(pack, id, [
            resource(type, "project", { ...base, kind: "Project" }),
            resource(type, "project-lower", { ...base, kind: "project", encryption: { status: "Disabled" } }),
        ]);
        expect(r.violating).toEqual([]);
        expect(r.undecided).toEqual([]);
        expect(r.clean).toEqual(["project", "project-lower"]);
    });

    it("counts unknown key identifiers as set and decides during preview", async () => {
        const r = await evaluate(pack, id, [
            resource(type, "unknown-ids", {
                ...base,
                encryption: {
                    status: "Enabled",
                    keyVaultProperties: { keyVaultArmId: unknown, keyIdentifier: unknown },
                },
            }),
            resource(type, "unknown-kvp", { ...base, encryption: { status: "Enabled", keyVaultProperties: unknown } }),
            resource(type, "unknown-ids-disabled", {
                ...base,
                encryption: {
                    status: "Disabled",
                    keyVaultProperties: { keyVaultArmId: unknown, keyIdentifier: unknown },
                },
            }),
        ]);
        expect(r.violating).toEqual(["unknown-ids-disabled"]);
        expect(r.clean).toEqual(["unknown-ids", "unknown-kvp"]);
        expect(r.undecided).toEqual([]);
    });

    it("leaves an unknown status, encryption or kind to pulumi up with the engine's advisory", async () => {
        const r = await evaluate(pack, id, [
            resource(type, "unknown-status", { ...base, encryption: { ...cmk, status: unknown } }),
            resource(type, "unknown-encryption", { ...base, encryption: unknown }),
            resource(type, "unknown-kind", { ...base, kind: unknown }),
            resource(type, "unknown-kind-cmk", { ...base, kind: unknown, encryption: cmk }),
            resource(type, "unknown-status-no-key", {
                ...base,
                encryption: { status: unknown, keyVaultProperties: { keyVaultArmId } },
            }),
        ]);
        expect(r.violating).toEqual(["unknown-status-no-key"]);
        expect(r.undecided).toEqual(["unknown-encryption", "unknown-kind", "unknown-status"]);
        expect(r.clean).toEqual(["unknown-kind-cmk"]);
        expect(r.diagnostics.filter((d) => d.undecided).every((d) => d.enforcementLevel === "advisory")).toBe(true);
    });

    it("decides on secret values without printing them", async () => {
        const r = await evaluate(pack, id, [
            resource(type, "secret-disabled", { ...base, encryption: { ...cmk, status: secret("Disabled") } }),
            resource(type, "secret-enabled", { ...base, encryption: secret(cmk) }),
            resource(type, "secret-key", {
                ...base,
                encryption: {
                    status: "Enabled",
                    keyVaultProperties: { keyVaultArmId: secret(keyVaultArmId), keyIdentifier: secret(keyIdentifier) },
                },
            }),
            resource(type, "secret-key-no-vault", {
                ...base,
                encryption: { status: "Enabled", keyVaultProperties: { keyIdentifier: secret(keyIdentifier) } },
            }),
        ]);
        expect(r.violating).toEqual(["secret-disabled", "secret-key-no-vault"]);
        expect(r.clean).toEqual(["secret-enabled", "secret-key"]);
        expect(r.messages("secret-disabled").join("")).not.toContain('"Disabled"');
        expect(r.messages("secret-key-no-vault").join("")).not.toContain(keyIdentifier);
        expect(r.messages("secret-key-no-vault").join("")).not.toContain("kv-ml");
    });

    it("compares the status case-insensitively", async () => {
        const r = await evaluate(pack, id, [
            resource(type, "lower-enabled", { ...base, encryption: { ...cmk, status: "enabled" } }),
            resource(type, "lower-disabled", { ...base, encryption: { ...cmk, status: "disabled" } }),
        ]);
        expect(r.violating).toEqual(["lower-disabled"]);
        expect(r.clean).toEqual(["lower-enabled"]);
    });

    it("does not throw on values of the wrong type", async () => {
        const r = await evaluate(pack, id, [
            resource(type, "null", { ...base, encryption: null }),
            resource(type, "string", { ...base, encryption: "Enabled" }),
            resource(type, "list", { ...base, encryption: [cmk] }),
            resource(type, "status-number", { ...base, encryption: { ...cmk, status: 1 } }),
            resource(type, "kvp-string", { ...base, encryption: { status: "Enabled", keyVaultProperties: "kv" } }),
            resource(type, "ids-numbers", {
                ...base,
                encryption: { status: "Enabled", keyVaultProperties: { keyVaultArmId: 1, keyIdentifier: true } },
            }),
            resource(type, "kind-number", { ...base, kind: 7, encryption: cmk }),
        ]);
        expect(r.violating).toEqual(["ids-numbers", "kvp-string", "list", "null", "status-number", "string"]);
        expect(r.clean).toEqual(["kind-number"]);
        expect(r.undecided).toEqual([]);
    });
});
