// The Azure network foundation, private AI Search and AI gateway components: with their defaults they
// pass the whole pack; a business application that reaches the model only through the gateway passes
// the segmentation policies while one with a private endpoint of the AI account is flagged; each
// loosening option yields exactly the finding of the policy guarding it; bad arguments fail at
// construction, naming the instance and the argument.
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { beforeAll, describe, expect, it } from "vitest";
import { gatewayPolicy, validateAiGatewayArgs } from "../components/azure/ai-gateway";
import type { AiGatewayArgs } from "../components/azure/ai-gateway/args";
import { validateAiNetworkFoundationArgs } from "../components/azure/ai-network-foundation";
import { validatePrivateAiSearchArgs } from "../components/azure/private-ai-search";
import type { PrivateAiSearchArgs } from "../components/azure/private-ai-search/args";
import { ArgumentError, validateFor } from "../components/shared/validation";
import { captureProgram } from "../harness/capture/capture";
import { type Diagnostic, PackSession } from "../harness/engine";
import type { ResourceSnapshot } from "../harness/model";
import { packDir } from "./support/pack";

const programs = path.join(__dirname, "fixtures", "programs");

async function preview(dir: string): Promise<{ diagnostics: Diagnostic[]; resources: readonly ResourceSnapshot[] }> {
    // A shared machine can take more than the CLI's default 120 s to type-check and run a program.
    const captured = await captureProgram(dir, { stack: "dev", timeoutMs: 280_000 });
    const session = await PackSession.open({ packDir, project: captured.program.project, stack: "dev", dryRun: true });
    try {
        const result = await session.run({ resources: captured.resources, dryRun: true, config: captured.config });
        return { diagnostics: [...result.diagnostics], resources: captured.resources };
    } finally {
        await session.close();
    }
}

const describeFinding = (d: Diagnostic) => `${d.policy} on ${d.name}${d.undecided ? " (undecided)" : ""}`;

describe("the foundation, AI Search and an internal gateway with their defaults", () => {
    let diagnostics: Diagnostic[];
    let resources: readonly ResourceSnapshot[];
    beforeAll(async () => {
        ({ diagnostics, resources } = await preview(path.join(programs, "azure-foundation")));
    }, 300_000);

    const inputsOf = (type: string) =>
        resources.filter((r) => r.type === type).map((r) => r.inputs as Record<string, unknown>);

    it("has no violation under the full pack", () => {
        expect(diagnostics.filter((d) => !d.undecided).map(describeFinding)).toEqual([]);
    });

    it("leaves only the AI account's checks, whose properties hold a key created in the same program, to pulumi up", () => {
        expect(new Set(diagnostics.filter((d) => d.undecided).map((d) => d.type))).toEqual(
            new Set(["azure-native:cognitiveservices:Account"]),
        );
    });

    it("builds a network whose subnets deny inbound traffic by default and whose zones are linked to it", () => {
        const nsgs = inputsOf("azure-native:network:NetworkSecurityGroup");
        expect(nsgs).toHaveLength(3);
        for (const nsg of nsgs) {
            expect(nsg.securityRules).toContainEqual(
                expect.objectContaining({ name: "deny-all-inbound", direction: "Inbound", access: "Deny" }),
            );
            expect(nsg.securityRules).toContainEqual(
                expect.objectContaining({
                    direction: "Outbound",
                    access: "Deny",
                    destinationAddressPrefix: "Internet",
                }),
            );
        }
        expect(inputsOf("azure-native:network:Subnet").map((s) => s.addressPrefix)).toEqual([
            "10.40.0.0/24",
            "10.40.1.0/24",
            "10.40.2.0/24",
        ]);
        const zones = inputsOf("azure-native:privatedns:PrivateZone").map((z) => z.privateZoneName);
        expect(zones.sort()).toEqual(
            [
                "privatelink.api.azureml.ms",
                "privatelink.azurecr.io",
                "privatelink.blob.core.windows.net",
                "privatelink.cognitiveservices.azure.com",
                "privatelink.notebooks.azure.net",
                "privatelink.openai.azure.com",
                "privatelink.search.windows.net",
                "privatelink.services.ai.azure.com",
                "privatelink.vaultcore.azure.net",
            ].sort(),
        );
        expect(inputsOf("azure-native:privatedns:VirtualNetworkLink")).toHaveLength(zones.length);
    });

    it("puts the gateway inside the network with old protocols and 3DES off, a subscription key, limits and body logging", () => {
        const [service] = inputsOf("azure-native:apimanagement:ApiManagementService");
        expect(service).toMatchObject({
            virtualNetworkType: "Internal",
            sku: { name: "Developer", capacity: 1 },
            identity: { type: "SystemAssigned" },
            customProperties: {
                "Microsoft.WindowsAzure.ApiManagement.Gateway.Security.Protocols.Tls10": "False",
                "Microsoft.WindowsAzure.ApiManagement.Gateway.Security.Protocols.Tls11": "False",
                "Microsoft.WindowsAzure.ApiManagement.Gateway.Security.Ciphers.TripleDes168": "False",
            },
        });
        expect(inputsOf("azure-native:apimanagement:Api")).toEqual([
            expect.objectContaining({ subscriptionRequired: true, protocols: ["https"], path: "openai" }),
        ]);
        const [policy] = inputsOf("azure-native:apimanagement:ApiPolicy");
        expect(policy?.value).toContain('<azure-openai-token-limit counter-key="@(context.Subscription.Id)"');
        expect(policy?.value).toContain(
            '<authentication-managed-identity resource="https://cognitiveservices.azure.com" />',
        );
        expect(inputsOf("azure-native:apimanagement:ApiDiagnostic")).toEqual([
            expect.objectContaining({
                sampling: { samplingType: "fixed", percentage: 100 },
                frontend: { request: { body: { bytes: 8192 } }, response: { body: { bytes: 8192 } } },
            }),
        ]);
        const grants = inputsOf("azure-native:authorization:RoleAssignment").map((g) => String(g.roleDefinitionId));
        expect(grants.filter((g) => g.endsWith("/5e0bd9bd-7b93-4f28-af87-19fc36ad61bd"))).toHaveLength(1);
    });

    it("gives AI Search no public access, no API keys, an identity, enforced customer-managed keys and two replicas", () => {
        expect(inputsOf("azure-native:search:Service")).toEqual([
            expect.objectContaining({
                publicNetworkAccess: "Disabled",
                disableLocalAuth: true,
                identity: { type: "SystemAssigned" },
                encryptionWithCmk: { enforcement: "Enabled" },
                replicaCount: 2,
                sku: { name: "basic" },
            }),
        ]);
    });
});

describe("business callers of a model, and AI Search loosened", () => {
    let diagnostics: Diagnostic[];
    let resources: readonly ResourceSnapshot[];
    beforeAll(async () => {
        ({ diagnostics, resources } = await preview(path.join(programs, "azure-foundation-paths")));
    }, 300_000);

    const one = (type: string, name: string) => {
        const found = resources.filter((r) => r.type === type && r.name === name);
        expect(found, `${type} ${name}`).toHaveLength(1);
        return found[0]?.inputs as Record<string, unknown>;
    };

    it("runs the private-endpoint gateway on Standard v2, integrated with a delegated subnet, refusing other entries", () => {
        expect(one("azure-native:apimanagement:ApiManagementService", "assistant-gateway")).toMatchObject({
            sku: { name: "StandardV2", capacity: 1 },
            virtualNetworkType: "External",
        });
        expect(one("azure-native:network:Subnet", "ai-net-gateway")).toMatchObject({
            delegations: [{ name: "gateway", serviceName: "Microsoft.Web/serverFarms" }],
        });
        expect(String(one("azure-native:apimanagement:ApiPolicy", "assistant-gateway-openai-policy").value)).toContain(
            "context.Request.PrivateEndpointConnection == null",
        );
    });

    it("puts the caller's endpoint in the caller's resource group without the AI system's tag, and tags every other child as AI", () => {
        const caller = one("azure-native:network:PrivateEndpoint", "assistant-gateway-caller-0");
        expect(caller.tags).toEqual({});
        const snapshot = resources.find((r) => r.name === "assistant-gateway-caller-0");
        expect(snapshot?.propertyDependencies.resourceGroupName).toEqual([expect.stringMatching(/::business-rg$/)]);
        expect(caller.privateLinkServiceConnections).toEqual([expect.objectContaining({ groupIds: ["Gateway"] })]);
        const children = resources.filter(
            (r) =>
                /aiguard:azure:(AiNetworkFoundation|AiGateway|PrivateAiSearch)/.test(r.urn) &&
                r.name !== "assistant-gateway-caller-0" &&
                "tags" in r.inputs,
        );
        expect(children.length).toBeGreaterThan(20);
        for (const child of children) {
            expect((child.inputs.tags as Record<string, string>)["aiguard:system"], child.name).toBe("ai");
        }
    });

    it("flags the caller with a private endpoint of the AI account and each loosening, and nothing else", () => {
        const found = new Set(diagnostics.filter((d) => !d.undecided).map((d) => `${d.policy} on ${d.name}`));
        expect([...found].sort()).toEqual(
            [
                "ai-to-business-path on billing-apps",
                "search-cmk on no-cmk-search",
                "search-ip-rules-restricted on open-search",
                "search-local-auth-disabled on key-search",
                "search-public-network-disabled on open-search",
                "search-replicas-sla on one-replica-search",
            ].sort(),
        );
    });

    it("shows the direct path hop by hop, into the billing network only", () => {
        const path = diagnostics.find((d) => d.policy === "ai-to-business-path");
        expect(path?.message).toContain(
            "Subnet 'billing-apps' (AI) -[virtualNetworkName]-> VirtualNetwork 'billing-vnet'",
        );
        expect(path?.message).not.toContain("orders");
    });
});

function errorOf(validate: () => void): Error {
    try {
        validate();
    } catch (e) {
        return e as Error;
    }
    throw new Error("no error");
}

const search: PrivateAiSearchArgs = {
    resourceGroupName: "rg",
    subnetId: "/subnets/pe",
    privateDnsZoneIds: ["/zones/search"],
    logAnalyticsWorkspaceId: "/workspaces/logs",
};
const gateway: AiGatewayArgs = {
    resourceGroupName: "rg",
    publisherEmail: "ai@example.com",
    publisherName: "AI",
    subnetId: "/subnets/gateway",
    aiAccountId: "/accounts/model",
    aiEndpoint: "https://model.cognitiveservices.azure.com/",
    logAnalyticsWorkspaceId: "/workspaces/logs",
};

describe("component arguments", () => {
    it.each([
        [
            "AiNetworkFoundation",
            () => validateAiNetworkFoundationArgs({ resourceGroupName: "rg", addressSpace: "10.40.0.0/8" }),
            /argument 'addressSpace' is '10\.40\.0\.0\/8'; allowed: an aligned IPv4 range from \/16 to \/22/,
        ],
        [
            "AiNetworkFoundation",
            () => validateAiNetworkFoundationArgs({ resourceGroupName: "rg", addressSpace: "10.40.1.0/22" }),
            /argument 'addressSpace' is '10\.40\.1\.0\/22'; allowed: an aligned IPv4 range/,
        ],
        [
            "AiNetworkFoundation",
            () => validateAiNetworkFoundationArgs({ resourceGroupName: "rg", addressSpace: "10.40.0.0/24" }),
            /argument 'addressSpace' is '10\.40\.0\.0\/24'/,
        ],
        [
            "AiNetworkFoundation",
            () => validateAiNetworkFoundationArgs({ resourceGroupName: "rg", addressSpace: "10.300.0.0/16" }),
            /argument 'addressSpace' is '10\.300\.0\.0\/16'/,
        ],
        [
            "AiNetworkFoundation",
            () => validateAiNetworkFoundationArgs({ resourceGroupName: "rg", services: [] }),
            /argument 'services' is empty/,
        ],
        [
            "AiNetworkFoundation",
            () => validateAiNetworkFoundationArgs({ resourceGroupName: "rg", services: ["blob", "sql" as "blob"] }),
            /argument 'services\[1\]' is 'sql'; allowed: 'aiServices', 'mlWorkspace', 'blob', 'vault', 'search', 'acr'/,
        ],
        [
            "AiNetworkFoundation",
            () => validateAiNetworkFoundationArgs({ resourceGroupName: "rg", services: ["blob", "blob"] }),
            /argument 'services\[1\]' names 'blob' twice/,
        ],
        [
            "AiNetworkFoundation",
            () => validateAiNetworkFoundationArgs({ resourceGroupName: "rg", gateway: "external" as "internal" }),
            /argument 'gateway' is 'external'; allowed: 'internal', 'private-endpoint'/,
        ],
        [
            "PrivateAiSearch",
            () => validatePrivateAiSearchArgs("rag", { ...search, sku: "free" as "basic" }),
            /argument 'sku' is 'free'; allowed: 'basic', 'standard'/,
        ],
        [
            "PrivateAiSearch",
            () => validatePrivateAiSearchArgs("rag", { ...search, replicaCount: 4 }),
            /argument 'replicaCount' is 4; allowed: a number from 1 to 3/,
        ],
        [
            "PrivateAiSearch",
            () => validatePrivateAiSearchArgs("rag", { ...search, sku: "standard", replicaCount: 13 }),
            /argument 'replicaCount' is 13; allowed: a number from 1 to 12/,
        ],
        [
            "PrivateAiSearch",
            () => validatePrivateAiSearchArgs("rag", { ...search, sku: "standard", replicaCount: 2.5 }),
            /argument 'replicaCount' is 2\.5; allowed: a whole number/,
        ],
        [
            "PrivateAiSearch",
            () => validatePrivateAiSearchArgs("rag", { ...search, partitionCount: 2 }),
            /argument 'partitionCount' is 2; allowed: 1 on the basic tier/,
        ],
        [
            "PrivateAiSearch",
            () => validatePrivateAiSearchArgs("rag", { ...search, sku: "standard", partitionCount: 5 }),
            /argument 'partitionCount' is 5; allowed: 1, 2, 3, 4, 6, 12/,
        ],
        [
            "PrivateAiSearch",
            () => validatePrivateAiSearchArgs("rag", { ...search, privateDnsZoneIds: [] }),
            /argument 'privateDnsZoneIds' must list at least one private DNS zone id/,
        ],
        [
            "PrivateAiSearch",
            () => validatePrivateAiSearchArgs("rag", { ...search, semanticSearch: "premium" as "free" }),
            /argument 'semanticSearch' is 'premium'; allowed: 'disabled', 'free', 'standard'/,
        ],
        [
            "PrivateAiSearch",
            () => validatePrivateAiSearchArgs("Rag_Index", search),
            /argument 'name' is 'Rag_Index'; allowed: 2 to 60 lower-case letters, digits and single hyphens/,
        ],
        [
            "AiGateway",
            () => validateAiGatewayArgs({ ...gateway, network: "public" as "internal" }),
            /argument 'network' is 'public'; allowed: 'internal', 'private-endpoint'/,
        ],
        [
            "AiGateway",
            () => validateAiGatewayArgs({ ...gateway, sku: "StandardV2" }),
            /argument 'sku' is 'StandardV2'; allowed with network 'internal': 'Developer', 'Premium'/,
        ],
        [
            "AiGateway",
            () => validateAiGatewayArgs({ ...gateway, network: "private-endpoint", sku: "Premium" }),
            /argument 'sku' is 'Premium'; allowed with network 'private-endpoint': 'StandardV2'/,
        ],
        [
            "AiGateway",
            () => validateAiGatewayArgs({ ...gateway, capacity: 2 }),
            /argument 'capacity' is 2; allowed: a number from 1 to 1/,
        ],
        [
            "AiGateway",
            () => validateAiGatewayArgs({ ...gateway, sku: "Premium", capacity: 1.5 }),
            /argument 'capacity' is 1\.5; allowed: a whole number/,
        ],
        [
            "AiGateway",
            () => validateAiGatewayArgs({ ...gateway, callers: [{ subnetId: "/s", resourceGroupName: "b" }] }),
            /argument 'callers' needs network 'private-endpoint'/,
        ],
        [
            "AiGateway",
            () => validateAiGatewayArgs({ ...gateway, apiPath: "/openai" }),
            /argument 'apiPath' is '\/openai'; allowed: 1 to 63 lower-case letters, digits and hyphens/,
        ],
        [
            "AiGateway",
            () => validateAiGatewayArgs({ ...gateway, tokensPerMinute: 50 }),
            /argument 'tokensPerMinute' is 50; allowed: a number from 100 to 1000000/,
        ],
        [
            "AiGateway",
            () => validateAiGatewayArgs({ ...gateway, callsPerMinute: 0 }),
            /argument 'callsPerMinute' is 0; allowed: a number from 1 to 10000/,
        ],
        [
            "AiGateway",
            () => validateAiGatewayArgs({ ...gateway, callsPerMinute: 1.5 }),
            /argument 'callsPerMinute' is 1\.5; allowed: a whole number/,
        ],
        [
            "AiGateway",
            () => validateAiGatewayArgs({ ...gateway, logBodyBytes: 0 }),
            /argument 'logBodyBytes' is 0; allowed: a number from 1 to 8192/,
        ],
        [
            "AiGateway",
            () => validateAiGatewayArgs({ ...gateway, logBodyBytes: 16_384 }),
            /argument 'logBodyBytes' is 16384; allowed: a number from 1 to 8192/,
        ],
    ])("%s rejects a bad argument by name", (component, validate, message) => {
        const error = errorOf(validate);
        expect(error).toBeInstanceOf(ArgumentError);
        expect(error.message).toMatch(new RegExp(`^aiguard:azure:${component}: `));
        expect(error.message).toMatch(message);
    });

    it("accepts the documented defaults and the other network mode", () => {
        expect(() => validateAiNetworkFoundationArgs({ resourceGroupName: "rg" })).not.toThrow();
        expect(() =>
            validateAiNetworkFoundationArgs({ resourceGroupName: "rg", addressSpace: "10.8.4.0/22" }),
        ).not.toThrow();
        expect(() => validatePrivateAiSearchArgs("rag-index", search)).not.toThrow();
        expect(() => validateAiGatewayArgs(gateway)).not.toThrow();
        expect(() =>
            validateAiGatewayArgs({
                ...gateway,
                network: "private-endpoint",
                callers: [{ subnetId: "/s", resourceGroupName: "b" }],
            }),
        ).not.toThrow();
    });

    it("names the instance", () => {
        expect(() => validateFor("rag", () => validateAiGatewayArgs({ ...gateway, logBodyBytes: 0 }))).toThrow(
            /^aiguard:azure:AiGateway 'rag': argument 'logBodyBytes' is 0/,
        );
    });

    it("turns away requests that bypass the private endpoints only on a private-endpoint gateway", () => {
        expect(gatewayPolicy(gateway)).not.toContain("PrivateEndpointConnection");
        expect(gatewayPolicy({ ...gateway, network: "private-endpoint" })).toContain(
            '<when condition="@(context.Request.PrivateEndpointConnection == null)">',
        );
        expect(gatewayPolicy({ ...gateway, tokensPerMinute: 2500, callsPerMinute: 30 })).toMatch(
            /<rate-limit-by-key calls="30" renewal-period="60"[\s\S]*tokens-per-minute="2500"/,
        );
    });
});

describe("a foundation without a gateway subnet", () => {
    beforeAll(async () => {
        await pulumi.runtime.setMocks(
            {
                newResource: (args) => ({ id: `/mock/${args.name}`, state: args.inputs }),
                call: (args) => {
                    throw new Error(`unexpected invoke ${args.token}`);
                },
            },
            "foundation",
            "test",
            false,
        );
    });

    it("refuses to hand out the gateway subnet, naming the instance and the argument that adds it", async () => {
        const { AiNetworkFoundation } = await import("../components/azure/ai-network-foundation/index.js");
        const net = new AiNetworkFoundation("plain", { resourceGroupName: "rg", services: ["blob"] });
        expect(() => net.gatewaySubnetId).toThrow(
            /^aiguard:azure:AiNetworkFoundation 'plain': argument 'gateway' is not set, so there is no gateway subnet/,
        );
        expect(net.blobZoneIds).toHaveLength(1);
        expect(net.aiServicesZoneIds).toEqual([]);
    });
});
