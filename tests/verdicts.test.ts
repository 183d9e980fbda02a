// The verdict model through the real pack: one diagnostic per (policy, resource) with every failing
// setting, found values shown unless secret, waivers, API-version type tokens and tags from tagsAll.
import type * as aws from "@pulumi/aws";
import type * as azure from "@pulumi/azure-native";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PackSession } from "../harness/engine";
import type { WireObject } from "../harness/model";
import { parseMessage } from "../policy-pack/core/message";
import { secretText } from "../policy-pack/core/secrets";
import { evaluate, openPack, resource, secret } from "./support/pack";

/** SDK argument objects hold plain values in these fixtures; the wire form is the same JSON. */
const wire = (args: object): WireObject => args as WireObject;

const notebookType = "aws:sagemaker/notebookInstance:NotebookInstance";
const workspaceType = "azure-native:machinelearningservices:Workspace";

let pack: PackSession;
beforeAll(async () => {
    pack = await openPack();
});
afterAll(async () => {
    await pack?.close();
});

const notebook = (extra: Partial<aws.sagemaker.NotebookInstanceArgs> = {}) =>
    wire({
        instanceType: "ml.t3.medium",
        roleArn: "arn:aws:iam::123456789012:role/nb",
        subnetId: "subnet-1",
        securityGroups: ["sg-1"],
        directInternetAccess: "Disabled",
        rootAccess: "Disabled",
        ...extra,
    } satisfies aws.sagemaker.NotebookInstanceArgs);

const workspace = (encryption: azure.machinelearningservices.WorkspaceArgs["encryption"]) =>
    wire({
        resourceGroupName: "rg",
        ...(encryption ? { encryption } : {}),
    } satisfies azure.machinelearningservices.WorkspaceArgs);

describe("one finding per (policy, resource)", () => {
    it("lists every failing setting of a resource in one diagnostic", async () => {
        const r = await evaluate(pack, "ml-workspace-cmk", [
            resource(
                workspaceType,
                "ws",
                workspace({ status: "Disabled", keyVaultProperties: { keyIdentifier: "", keyVaultArmId: "" } }),
            ),
        ]);
        expect(r.diagnostics).toHaveLength(1);
        const parsed = parseMessage(r.diagnostics[0]?.message ?? "");
        expect(parsed?.findings.map((f) => f.setting)).toEqual([
            "encryption.status",
            "encryption.keyVaultProperties.keyVaultArmId",
            "encryption.keyVaultProperties.keyIdentifier",
        ]);
        expect(parsed?.fix).toMatch(/^Set encryption\.status/);
    });

    it("reports a failure rather than an unknown value of the same resource", async () => {
        const r = await evaluate(pack, "ml-workspace-cmk", [
            resource(
                workspaceType,
                "ws",
                workspace({
                    status: "04da6b54-80e4-46f7-96ec-b56ff0331ba9",
                    keyVaultProperties: { keyIdentifier: "", keyVaultArmId: "/subscriptions/s/kv" },
                }),
            ),
        ]);
        expect(r.violating).toEqual(["ws"]);
        expect(r.undecided).toEqual([]);
    });

    it("judges API-version type tokens that azure-native 1.x and 2.x programs left in state", async () => {
        const r = await evaluate(pack, "ml-workspace-cmk", [
            resource("azure-native:machinelearningservices/v20240401:Workspace", "old-ws", workspace(undefined)),
            resource("azure-native:machinelearningservices/v20210701:Workspace", "older-ws", workspace(undefined)),
        ]);
        expect(r.violating).toEqual(["old-ws", "older-ws"]);
    });
});

describe("found values", () => {
    it("shows the value that was set", async () => {
        const r = await evaluate(pack, "sagemaker-notebook-no-direct-internet", [
            resource(notebookType, "nb", notebook({ directInternetAccess: "Enabled" })),
        ]);
        expect(r.messages("nb")[0]).toContain('directInternetAccess is "Enabled"; expected "Disabled"');
    });

    it("never shows a secret value, however short, and does not hide other text because of it", async () => {
        const r = await evaluate(pack, "sagemaker-notebook-no-direct-internet", [
            resource(notebookType, "secret-nb", { ...notebook(), directInternetAccess: secret("Enabled") }),
        ]);
        const [message] = r.messages("secret-nb");
        expect(message).toContain(`directInternetAccess is ${secretText}`);
        expect(message).not.toContain('"Enabled"');
        const counts = await evaluate(pack, "sagemaker-endpoint-multi-instance", [
            resource(
                "aws:sagemaker/endpointConfiguration:EndpointConfiguration",
                "one",
                wire({
                    productionVariants: [
                        { variantName: "a", modelName: "m", instanceType: "ml.m5.large", initialInstanceCount: 1 },
                    ],
                }),
            ),
        ]);
        const plain = counts.messages("one")[0] ?? "";
        const secretCount = await evaluate(pack, "sagemaker-endpoint-multi-instance", [
            resource("aws:sagemaker/endpointConfiguration:EndpointConfiguration", "one", {
                productionVariants: [
                    {
                        variantName: "a",
                        modelName: "m",
                        instanceType: "ml.m5.large",
                        initialInstanceCount: secret(1),
                    },
                ],
            }),
        ]);
        const hidden = secretCount.messages("one")[0] ?? "";
        expect(plain).toContain("initialInstanceCount is 1;");
        expect(hidden).toContain(`initialInstanceCount is ${secretText};`);
        // Only the found value changes: the expected value and the fix stay readable.
        expect(hidden.replace(secretText, "1")).toBe(plain);
    });

    it("reads a found value back intact even when it looks like the message grammar", async () => {
        const tricky = 'x"; expected "Disabled". Fix: nothing';
        const r = await evaluate(pack, "sagemaker-notebook-no-direct-internet", [
            resource(notebookType, "nb", notebook({ directInternetAccess: tricky })),
        ]);
        expect(parseMessage(r.messages("nb")[0] ?? "")?.findings).toEqual([
            { setting: "directInternetAccess", found: JSON.stringify(tricky), expected: '"Disabled"' },
        ]);
    });

    it("writes control characters in names as escapes, so a name cannot add lines", async () => {
        const r = await evaluate(pack, "sagemaker-notebook-no-direct-internet", [
            resource(notebookType, "nb\nFAKE LINE", notebook({ directInternetAccess: "Enabled" })),
        ]);
        expect(r.diagnostics[0]?.message.split("\n")).toHaveLength(1);
        expect(r.diagnostics[0]?.message).toContain("'nb\\nFAKE LINE'");
    });
});

describe("waivers", () => {
    const waiver = (resourcePattern: string, expires: string) => ({
        resource: resourcePattern,
        reason: "Research notebook in an isolated sandbox account",
        owner: "ml-platform@example.com",
        expires,
    });
    const open = () => resource(notebookType, "research", notebook({ directInternetAccess: "Enabled" }));

    it("reports a waived violation as advisory with its reason, owner and end date", async () => {
        const r = await evaluate(pack, "sagemaker-notebook-no-direct-internet", [open()], {
            properties: { waivers: [waiver("research", "2999-12-31")] },
        });
        expect(r.diagnostics).toHaveLength(1);
        expect(r.diagnostics[0]?.enforcementLevel).toBe("advisory");
        expect(parseMessage(r.diagnostics[0]?.message ?? "")?.waiver).toEqual({
            status: "waived",
            expires: "2999-12-31",
            owner: "ml-platform@example.com",
            reason: "Research notebook in an isolated sandbox account",
        });
    });

    it("matches by URN, type token or a pattern, and makes an expired waiver a violation again", async () => {
        const byType = await evaluate(pack, "sagemaker-notebook-no-direct-internet", [open()], {
            properties: { waivers: [waiver(notebookType, "2999-12-31")] },
        });
        expect(byType.diagnostics[0]?.enforcementLevel).toBe("advisory");
        const byPattern = await evaluate(pack, "sagemaker-notebook-no-direct-internet", [open()], {
            properties: { waivers: [waiver("urn:pulumi:dev::proj::*::res*", "2999-12-31")] },
        });
        expect(byPattern.diagnostics[0]?.enforcementLevel).toBe("advisory");
        const expired = await evaluate(pack, "sagemaker-notebook-no-direct-internet", [open()], {
            properties: { waivers: [waiver("research", "2020-01-31")] },
        });
        expect(expired.diagnostics[0]?.enforcementLevel).toBe("mandatory");
        expect(expired.diagnostics[0]?.message).toMatch(/^Waiver expired on 2020-01-31 \(ml-platform@example\.com: /);
    });

    it("holds a waiver through its whole expiry day, prefers a current waiver and names the latest expired one", async () => {
        const policy = "sagemaker-notebook-no-direct-internet";
        // The pack reads the date in UTC, as the test does.
        const today = new Date().toISOString().slice(0, 10);
        const endsToday = await evaluate(pack, policy, [open()], {
            properties: { waivers: [waiver("research", today)] },
        });
        expect(endsToday.diagnostics.map((d) => d.enforcementLevel)).toEqual(["advisory"]);

        const oneCurrent = await evaluate(pack, policy, [open()], {
            properties: { waivers: [waiver("research", "2020-01-31"), waiver("research*", "2999-12-31")] },
        });
        expect(parseMessage(oneCurrent.diagnostics[0]?.message ?? "")?.waiver).toMatchObject({
            status: "waived",
            expires: "2999-12-31",
        });

        const bothExpired = await evaluate(pack, policy, [open()], {
            properties: {
                waivers: [
                    waiver("research", "2020-01-31"),
                    waiver("research", "2021-06-30"),
                    waiver("other", "2022-01-01"),
                ],
            },
        });
        expect(bothExpired.diagnostics[0]?.enforcementLevel).toBe("mandatory");
        expect(bothExpired.diagnostics[0]?.message).toMatch(/^Waiver expired on 2021-06-30 /);
    });

    it("reports a stack policy's waiver that matches no resource", async () => {
        const r = await evaluate(
            pack,
            "ai-storage-account-min-tls12",
            [
                resource("azure-native:storage:StorageAccount", "aidata", {
                    resourceGroupName: "rg",
                    kind: "StorageV2",
                    sku: { name: "Standard_LRS" },
                    minimumTlsVersion: "TLS1_2",
                    tags: { "aiguard:system": "ai" },
                }),
            ],
            { properties: { waivers: [waiver("no-such-account", "2999-12-31")] } },
        );
        expect(r.diagnostics.map((d) => d.message)).toEqual([
            expect.stringMatching(
                /^Waiver for 'no-such-account' \(owner ml-platform@example\.com, expires 2999-12-31\) matches no resource/,
            ),
        ]);
    });

    it("rejects a waiver without an owner or with a malformed date, naming the policy", async () => {
        await expect(
            evaluate(pack, "sagemaker-notebook-no-direct-internet", [open()], {
                properties: { waivers: [{ resource: "research", reason: "r", expires: "31/12/2999" }] },
            }),
        ).rejects.toThrow(
            /policy 'sagemaker-notebook-no-direct-internet': waivers\.0 must have required property 'owner'/,
        );
    });
});

describe("the AI system's scope", () => {
    it("reads tags applied through the AWS provider's defaultTags (tagsAll)", async () => {
        const account = (name: string, tags: Record<string, string>, tagsProp: "tags" | "tagsAll") =>
            resource("azure-native:storage:StorageAccount", name, {
                resourceGroupName: "rg",
                kind: "StorageV2",
                sku: { name: "Standard_LRS" },
                minimumTlsVersion: "TLS1_0",
                [tagsProp]: tags,
            });
        const r = await evaluate(pack, "ai-storage-account-min-tls12", [
            account("by-default-tags", { "aiguard:system": "ai" }, "tagsAll"),
            account("by-own-tags", { "aiguard:system": "ai" }, "tags"),
            account("unrelated", { team: "web" }, "tagsAll"),
        ]);
        expect(r.violating).toEqual(["by-default-tags", "by-own-tags"]);
    });
});
