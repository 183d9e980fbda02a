// A small AI system on Azure built from aiguard's hardened components, every one with its defaults:
// an AI Services (Foundry) account serving a pinned GPT-4o deployment behind a strict content filter,
// an Azure Machine Learning workspace with a managed online endpoint, and a private store for model
// weights. Everything is reached through private endpoints in one subnet whose NSG admits nothing
// from the internet, and all resource logs go to one Log Analytics workspace.
//
// `aiguard preview examples/azure-secure` reports no violations.
import * as azure from "@pulumi/azure-native";
import * as pulumi from "@pulumi/pulumi";
import { AiModelStorage } from "../../components/azure/ai-model-storage";
import { AiServicesAccount } from "../../components/azure/ai-services-account";
import { ManagedOnlineEndpoint } from "../../components/azure/managed-online-endpoint";
import { MlWorkspace } from "../../components/azure/ml-workspace";

const tags = { "aiguard:system": "ai", app: "genai-assistant" };

const rg = new azure.resources.ResourceGroup("genai-rg", { tags });

const logs = new azure.operationalinsights.Workspace("genai-logs", {
    resourceGroupName: rg.name,
    sku: { name: "PerGB2018" },
    retentionInDays: 90,
    tags,
});

// ---------------------------------------------------------------------------------------------
// Network: one subnet for private endpoints. Its NSG admits HTTPS from inside the VNet only and
// denies internet egress, overriding Azure's default AllowInternetOutBound rule.
// ---------------------------------------------------------------------------------------------
const nsg = new azure.network.NetworkSecurityGroup("genai-pe-nsg", {
    resourceGroupName: rg.name,
    securityRules: [
        {
            name: "allow-https-from-vnet",
            priority: 100,
            direction: "Inbound",
            access: "Allow",
            protocol: "Tcp",
            sourceAddressPrefix: "VirtualNetwork",
            sourcePortRange: "*",
            destinationAddressPrefix: "VirtualNetwork",
            destinationPortRange: "443",
        },
        {
            name: "deny-all-inbound",
            priority: 4096,
            direction: "Inbound",
            access: "Deny",
            protocol: "*",
            sourceAddressPrefix: "*",
            sourcePortRange: "*",
            destinationAddressPrefix: "*",
            destinationPortRange: "*",
        },
        {
            name: "deny-internet-outbound",
            priority: 4096,
            direction: "Outbound",
            access: "Deny",
            protocol: "*",
            sourceAddressPrefix: "*",
            sourcePortRange: "*",
            destinationAddressPrefix: "Internet",
            destinationPortRange: "*",
        },
    ],
    tags,
});

const vnet = new azure.network.VirtualNetwork("genai-vnet", {
    resourceGroupName: rg.name,
    addressSpace: { addressPrefixes: ["10.40.0.0/16"] },
    tags,
});

const peSubnet = new azure.network.Subnet("genai-pe-subnet", {
    resourceGroupName: rg.name,
    virtualNetworkName: vnet.name,
    addressPrefix: "10.40.1.0/24",
    networkSecurityGroup: { id: nsg.id },
    privateEndpointNetworkPolicies: "Enabled",
    defaultOutboundAccess: false,
});

/** A private DNS zone linked to the VNet, so private endpoints resolve inside it. */
function privateZone(label: string, zoneName: string): pulumi.Output<string> {
    const zone = new azure.privatedns.PrivateZone(`${label}-zone`, {
        resourceGroupName: rg.name,
        privateZoneName: zoneName,
        location: "global",
        tags,
    });
    new azure.privatedns.VirtualNetworkLink(
        `${label}-zone-link`,
        {
            resourceGroupName: rg.name,
            privateZoneName: zone.name,
            location: "global",
            virtualNetwork: { id: vnet.id },
            registrationEnabled: false,
            tags,
        },
        { parent: zone },
    );
    return zone.id;
}

const zones = {
    cognitive: privateZone("cognitive", "privatelink.cognitiveservices.azure.com"),
    openai: privateZone("openai", "privatelink.openai.azure.com"),
    foundry: privateZone("foundry", "privatelink.services.ai.azure.com"),
    azureml: privateZone("azureml", "privatelink.api.azureml.ms"),
    notebooks: privateZone("notebooks", "privatelink.notebooks.azure.net"),
    blob: privateZone("blob", "privatelink.blob.core.windows.net"),
};

// ---------------------------------------------------------------------------------------------
// The AI system, from the components with their defaults.
// ---------------------------------------------------------------------------------------------
const weights = new AiModelStorage("genaiweights", {
    resourceGroupName: rg.name,
    subnetId: peSubnet.id,
    privateDnsZoneIds: [zones.blob],
    tags,
});

const assistant = new AiServicesAccount("genai-assistant-weu", {
    resourceGroupName: rg.name,
    subnetId: peSubnet.id,
    privateDnsZoneIds: [zones.cognitive, zones.openai, zones.foundry],
    logAnalyticsWorkspaceId: logs.id,
    deployments: [{ name: "gpt-4o", model: "gpt-4o", version: "2024-11-20", capacity: 20 }],
    tags,
});

const ml = new MlWorkspace("genaiml", {
    resourceGroupName: rg.name,
    subnetId: peSubnet.id,
    privateDnsZoneIds: [zones.azureml, zones.notebooks],
    logAnalyticsWorkspaceId: logs.id,
    tags,
});

const scoring = new ManagedOnlineEndpoint("genai-scoring", {
    resourceGroupName: rg.name,
    workspaceName: ml.workspaceName,
    logAnalyticsWorkspaceId: logs.id,
    model: pulumi.interpolate`${ml.workspaceId}/models/ticket-router/versions/1`,
    tags,
});

export const openAiEndpoint = assistant.endpoint;
export const chatDeployment = "gpt-4o";
export const weightsAccount = weights.storageAccountName;
export const workspaceName = ml.workspaceName;
export const scoringEndpoint = scoring.endpointName;
