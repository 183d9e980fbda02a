// The Azure components under Pulumi's mocks: the arguments they reject, the secure inputs their
// children get by default, and what each loosening option changes. Whole-pack behaviour is covered by
// `aiguard preview examples/azure-secure` and tests/fixtures/programs/azure-loosened.
import * as pulumi from "@pulumi/pulumi";
import { beforeAll, describe, expect, it } from "vitest";
import { ArgumentError } from "../shared/validation";

interface Created {
    readonly type: string;
    readonly name: string;
    readonly inputs: Record<string, unknown>;
}

const created: Created[] = [];

beforeAll(async () => {
    await pulumi.runtime.setMocks(
        {
            newResource: (args) => {
                created.push({ type: args.type, name: args.name, inputs: args.inputs });
                return { id: `/mock/${args.name}`, state: args.inputs };
            },
            call: (args) => {
                if (args.token === "azure-native:authorization:getClientConfig") {
                    return { subscriptionId: "sub-1", tenantId: "tenant-1", clientId: "c", objectId: "o" };
                }
                throw new Error(`unexpected invoke ${args.token}`);
            },
        },
        "components",
        "test",
        false,
    );
});

/** Waits until the mock monitor has seen every registration the constructors started. */
async function settled(): Promise<void> {
    let last = -1;
    while (last !== created.length) {
        last = created.length;
        await new Promise((r) => setTimeout(r, 20));
    }
}

function one(type: string, name: string): Record<string, unknown> {
    const found = created.filter((c) => c.type === type && c.name === name);
    expect(found, `${type} ${name}`).toHaveLength(1);
    return (found[0] as Created).inputs;
}

const net = {
    resourceGroupName: "rg",
    subnetId: "/subnets/pe",
    privateDnsZoneIds: ["/zones/z"],
    logAnalyticsWorkspaceId: "/workspaces/logs",
};

/** Child types that take no tags. */
const untagged = new Set([
    "azure-native:authorization:RoleAssignment",
    "azure-native:monitor:DiagnosticSetting",
    "azure-native:network:PrivateDnsZoneGroup",
    "azure-native:storage:BlobContainer",
    "azure-native:storage:BlobServiceProperties",
]);

describe("argument validation", () => {
    it("rejects arguments with the argument named", async () => {
        const { validateAiServicesAccountArgs } = await import("./ai-services-account/index.js");
        const { validateMlWorkspaceArgs } = await import("./ml-workspace/index.js");
        const { validateManagedOnlineEndpointArgs } = await import("./managed-online-endpoint/index.js");
        const { validateAiModelStorageArgs } = await import("./ai-model-storage/index.js");
        const deployment = { name: "d", model: "gpt-4o", version: "2024-11-20" };
        const cases: [() => void, string][] = [
            [() => validateAiServicesAccountArgs("a", { ...net, kind: "Face" as "OpenAI" }), "'kind'"],
            // A loosening on an account whose key is created here would be invisible at preview.
            [
                () => validateAiServicesAccountArgs("a", { ...net, allowPublicNetworkAccess: true }),
                "'allowPublicNetworkAccess'",
            ],
            [() => validateAiServicesAccountArgs("a", { ...net, allowLocalAuth: true }), "'allowLocalAuth'"],
            [
                () => validateAiServicesAccountArgs("a", { ...net, allowUnrestrictedOutbound: true }),
                "'allowUnrestrictedOutbound'",
            ],
            [() => validateAiServicesAccountArgs("ok-name", { ...net, privateDnsZoneIds: [] }), "'privateDnsZoneIds'"],
            [() => validateAiServicesAccountArgs("Bad_Name", net), "'customSubDomainName (defaulted from the name)'"],
            [
                () => validateAiServicesAccountArgs("ok", { ...net, deployments: [{ ...deployment, capacity: 101 }] }),
                "'deployments[0].capacity'",
            ],
            [
                () => validateAiServicesAccountArgs("ok", { ...net, deployments: [deployment, deployment] }),
                "'deployments[1].name'",
            ],
            [
                () => validateAiServicesAccountArgs("ok", { ...net, deployments: [{ ...deployment, version: "" }] }),
                "'deployments[0].version'",
            ],
            [
                () =>
                    validateAiServicesAccountArgs("ok", {
                        ...net,
                        allowedFqdns: ["x.search.windows.net"],
                        allowUnrestrictedOutbound: true,
                    }),
                "'allowUnrestrictedOutbound'",
            ],
            [
                () =>
                    validateAiServicesAccountArgs("ok", {
                        ...net,
                        useMicrosoftManagedKeys: true,
                        customerManagedKey: { keyVaultId: "v", keyVaultUri: "u", keyName: "k" },
                    }),
                "'useMicrosoftManagedKeys'",
            ],
            [() => validateMlWorkspaceArgs("a-very-long-workspace-name", net), "'name'"],
            [
                () => validateManagedOnlineEndpointArgs({ ...net, workspaceName: "w", model: "m", instanceCount: 0 }),
                "'instanceCount'",
            ],
            [() => validateAiModelStorageArgs("models", { ...net, containerName: "Models" }), "'containerName'"],
        ];
        for (const [call, argument] of cases) {
            expect(call).toThrow(ArgumentError);
            expect(call).toThrow(argument);
        }
    });
});

describe("secure defaults", () => {
    beforeAll(async () => {
        const { AiServicesAccount } = await import("./ai-services-account/index.js");
        const { MlWorkspace } = await import("./ml-workspace/index.js");
        const { ManagedOnlineEndpoint } = await import("./managed-online-endpoint/index.js");
        const { AiModelStorage } = await import("./ai-model-storage/index.js");
        new AiServicesAccount("secure-account", {
            ...net,
            deployments: [
                { name: "chat", model: "gpt-4o", version: "2024-11-20" },
                { name: "embed", model: "text-embedding-3-large", version: "1", capacity: 50 },
            ],
        });
        const ml = new MlWorkspace("secureml", net);
        new ManagedOnlineEndpoint("secure-endpoint", { ...net, workspaceName: ml.workspaceName, model: "m" });
        new AiModelStorage("securestore", net);
        await settled();
    });

    it("closes the AI Services account", () => {
        const account = one("azure-native:cognitiveservices:Account", "secure-account");
        expect(account.kind).toBe("AIServices");
        expect(account.identity).toMatchObject({ type: "SystemAssigned, UserAssigned" });
        expect(account.properties).toMatchObject({
            // The name and a hash of organization, project, stack and name: unique per stack.
            customSubDomainName: expect.stringMatching(/^secure-account-[0-9a-f]{8}$/),
            publicNetworkAccess: "Disabled",
            networkAcls: { defaultAction: "Deny" },
            disableLocalAuth: true,
            restrictOutboundNetworkAccess: true,
            allowedFqdnList: [],
            encryption: { keySource: "Microsoft.KeyVault" },
        });
        const pe = one("azure-native:network:PrivateEndpoint", "secure-account-pe");
        expect(pe.privateLinkServiceConnections).toMatchObject([{ groupIds: ["account"] }]);
        expect(one("azure-native:monitor:DiagnosticSetting", "secure-account-diag").logs).toEqual([
            { categoryGroup: "allLogs", enabled: true },
        ]);
    });

    it("binds every deployment to a strict content filter with pinned versions and capped capacity", () => {
        const rai = one("azure-native:cognitiveservices:RaiPolicy", "secure-account-rai");
        const filters = (rai.properties as { contentFilters: Record<string, unknown>[] }).contentFilters;
        for (const name of ["Hate", "Sexual", "Violence", "Selfharm"]) {
            for (const source of ["Prompt", "Completion"]) {
                expect(filters).toContainEqual({
                    name,
                    source,
                    enabled: true,
                    blocking: true,
                    severityThreshold: "Medium",
                });
            }
        }
        expect(filters).toContainEqual({ name: "Jailbreak", source: "Prompt", enabled: true, blocking: true });
        for (const [name, capacity] of [
            ["chat", 10],
            ["embed", 50],
        ] as const) {
            const d = one("azure-native:cognitiveservices:Deployment", `secure-account-${name}`);
            expect(d.sku).toMatchObject({ capacity });
            expect(d.properties).toMatchObject({
                raiPolicyName: rai.raiPolicyName,
                versionUpgradeOption: "NoAutoUpgrade",
            });
        }
    });

    it("isolates the ML workspace and hardens its dependencies", () => {
        const ws = one("azure-native:machinelearningservices:Workspace", "secureml");
        expect(ws).toMatchObject({
            publicNetworkAccess: "Disabled",
            allowPublicAccessWhenBehindVnet: false,
            managedNetwork: { isolationMode: "AllowOnlyApprovedOutbound" },
            systemDatastoresAuthMode: "Identity",
            hbiWorkspace: true,
            serverlessComputeSettings: { serverlessComputeNoPublicIP: true },
            encryption: { status: "Enabled" },
        });
        expect(one("azure-native:storage:StorageAccount", "securemlst")).toMatchObject({
            allowBlobPublicAccess: false,
            allowSharedKeyAccess: false,
            publicNetworkAccess: "Disabled",
            minimumTlsVersion: "TLS1_2",
            encryption: { keySource: "Microsoft.Keyvault" },
        });
        expect(one("azure-native:keyvault:Vault", "secureml-kv").properties).toMatchObject({
            enablePurgeProtection: true,
            enableRbacAuthorization: true,
            publicNetworkAccess: "Disabled",
        });
        expect(one("azure-native:containerregistry:Registry", "securemlcr")).toMatchObject({
            adminUserEnabled: false,
            anonymousPullEnabled: false,
            publicNetworkAccess: "Disabled",
            sku: { name: "Premium" },
        });
    });

    it("grants only narrow data roles on single resources", () => {
        const privileged = ["8e3af657", "b24988ac", "18d7d88d", "f58310d9"];
        const grants = created.filter((c) => c.type === "azure-native:authorization:RoleAssignment");
        expect(grants.length).toBeGreaterThan(0);
        for (const g of grants) {
            expect(
                privileged.some((p) => String(g.inputs.roleDefinitionId).includes(p)),
                g.name,
            ).toBe(false);
            expect(String(g.inputs.scope)).toMatch(/^\/mock\//);
        }
    });

    it("serves the endpoint privately with Entra ID and collects model inputs and outputs", () => {
        expect(one("azure-native:machinelearningservices:OnlineEndpoint", "secure-endpoint").properties).toEqual({
            authMode: "AADToken",
            publicNetworkAccess: "Disabled",
        });
        expect(
            one("azure-native:machinelearningservices:OnlineDeployment", "secure-endpoint-blue").properties,
        ).toMatchObject({
            endpointComputeType: "Managed",
            egressPublicNetworkAccess: "Disabled",
            appInsightsEnabled: true,
            dataCollector: {
                collections: {
                    model_inputs: { dataCollectionMode: "Enabled" },
                    model_outputs: { dataCollectionMode: "Enabled" },
                },
            },
        });
    });

    it("keeps model storage private", () => {
        expect(one("azure-native:storage:StorageAccount", "securestorest")).toMatchObject({
            publicNetworkAccess: "Disabled",
            networkRuleSet: { defaultAction: "Deny" },
            allowSharedKeyAccess: false,
        });
        expect(one("azure-native:storage:BlobContainer", "securestore-models").publicAccess).toBe("None");
        expect(
            one("azure-native:network:PrivateEndpoint", "securestore-blob-pe").privateLinkServiceConnections,
        ).toMatchObject([{ groupIds: ["blob"] }]);
    });

    it("tags every child that takes tags as part of the AI system", () => {
        const custom = created.filter((c) => c.type.startsWith("azure-native:") && !untagged.has(c.type));
        expect(custom.length).toBeGreaterThan(20);
        for (const c of custom) {
            expect(c.inputs.tags, `${c.type} ${c.name}`).toMatchObject({ "aiguard:system": "ai" });
        }
    });
});

describe("loosening options", () => {
    it("change only what they name", async () => {
        const { AiServicesAccount } = await import("./ai-services-account/index.js");
        const { ManagedOnlineEndpoint } = await import("./managed-online-endpoint/index.js");
        const { AiModelStorage } = await import("./ai-model-storage/index.js");
        new AiServicesAccount("loose-account", {
            ...net,
            allowPublicNetworkAccess: true,
            allowLocalAuth: true,
            allowUnrestrictedOutbound: true,
            useMicrosoftManagedKeys: true,
        });
        new ManagedOnlineEndpoint("loose-endpoint", {
            ...net,
            workspaceName: "w",
            model: "m",
            allowKeyAuth: true,
            disableModelDataCollection: true,
        });
        new AiModelStorage("loosestore", { ...net, allowSharedKeyAccess: true, useMicrosoftManagedKeys: true });
        await settled();
        const account = one("azure-native:cognitiveservices:Account", "loose-account");
        expect(account.properties).toMatchObject({
            publicNetworkAccess: "Enabled",
            networkAcls: { defaultAction: "Allow" },
            disableLocalAuth: false,
            restrictOutboundNetworkAccess: false,
        });
        expect((account.properties as Record<string, unknown>).encryption).toBeUndefined();
        expect(account.identity).toEqual({ type: "SystemAssigned" });
        expect(created.some((c) => c.name === "loose-account-kv")).toBe(false);
        const endpoint = one("azure-native:machinelearningservices:OnlineEndpoint", "loose-endpoint");
        expect(endpoint.properties).toEqual({ authMode: "Key", publicNetworkAccess: "Disabled" });
        const deployment = one("azure-native:machinelearningservices:OnlineDeployment", "loose-endpoint-blue");
        expect((deployment.properties as Record<string, unknown>).dataCollector).toBeUndefined();
        expect(one("azure-native:storage:StorageAccount", "loosestorest")).toMatchObject({
            allowSharedKeyAccess: true,
            publicNetworkAccess: "Disabled",
            encryption: { keySource: "Microsoft.Storage" },
        });
    });
});
