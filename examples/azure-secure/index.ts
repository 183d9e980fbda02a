// A small AI system on Azure built from aiguard's hardened components, every one with its defaults:
// an AI Services (Foundry) account serving a pinned GPT-4o deployment behind a strict content filter,
// an Azure Machine Learning workspace with a managed online endpoint, and a private store for model
// weights. Everything is reached through private endpoints in one subnet of the network foundation,
// whose NSG admits nothing from the internet, and all resource logs go to one Log Analytics workspace.
//
// `aiguard preview examples/azure-secure` reports no violations.
import * as azure from "@pulumi/azure-native";
import * as pulumi from "@pulumi/pulumi";
import { AiModelStorage } from "../../components/azure/ai-model-storage";
import { AiNetworkFoundation } from "../../components/azure/ai-network-foundation";
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

// Network: subnets for private endpoints and compute, each behind an NSG that admits HTTPS from
// inside the VNet only and denies internet egress, and the private DNS zones of the services used,
// linked to the VNet.
const net = new AiNetworkFoundation("genai-net", {
    resourceGroupName: rg.name,
    services: ["aiServices", "mlWorkspace", "blob"],
    tags,
});

// ---------------------------------------------------------------------------------------------
// The AI system, from the components with their defaults.
// ---------------------------------------------------------------------------------------------
const weights = new AiModelStorage("genaiweights", {
    resourceGroupName: rg.name,
    subnetId: net.privateEndpointSubnetId,
    privateDnsZoneIds: net.blobZoneIds,
    tags,
});

const assistant = new AiServicesAccount("genai-assistant-weu", {
    resourceGroupName: rg.name,
    subnetId: net.privateEndpointSubnetId,
    privateDnsZoneIds: net.aiServicesZoneIds,
    logAnalyticsWorkspaceId: logs.id,
    deployments: [{ name: "gpt-4o", model: "gpt-4o", version: "2024-11-20", capacity: 20 }],
    tags,
});

const ml = new MlWorkspace("genaiml", {
    resourceGroupName: rg.name,
    subnetId: net.privateEndpointSubnetId,
    privateDnsZoneIds: net.mlWorkspaceZoneIds,
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
