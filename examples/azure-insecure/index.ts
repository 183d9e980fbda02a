// An Azure AI platform written straight from raw resources, the way teams often write it under
// deadline: Azure OpenAI behind API Management and behind an anonymous Function app, an AI Services
// (Foundry) account, an Azure Machine Learning workspace with compute, online and serverless
// endpoints, AI Search for RAG, and the storage, Key Vault, registry and network around them.
//
// Every security setting is either left to the provider default or set to an insecure value, so
// that aiguard has something realistic to flag in each check. DO NOT DEPLOY THIS PROGRAM.
//
// Deliberately absent (their absence is itself a finding):
//  - network.PrivateEndpoint: every AI service is reached over its public endpoint;
//  - monitor.DiagnosticSetting: no audit or request logs for the accounts, workspace and search;
//  - apimanagement.ApiDiagnostic: the gateway in front of OpenAI logs nothing;
//  - cognitiveservices.EncryptionScope / Key Vault keys: no customer-managed keys anywhere.
import * as azure from "@pulumi/azure-native";
import * as pulumi from "@pulumi/pulumi";

const ai = { "aiguard:system": "ai", app: "genai-platform" };
const business = { "aiguard:system": "business", app: "erp" };
const client = azure.authorization.getClientConfigOutput();

const rg = new azure.resources.ResourceGroup("genai-rg", { tags: ai });

// ---------------------------------------------------------------------------------------------
// Network: a VNet whose NSG admits the internet (HTTPS, SSH) and lets everything out, peered with
// the business (ERP) VNet. No private endpoints are attached to it, so nothing below actually
// uses it privately.
// ---------------------------------------------------------------------------------------------
const nsg = new azure.network.NetworkSecurityGroup("genai-nsg", {
    resourceGroupName: rg.name,
    securityRules: [
        {
            name: "allow-https-from-internet", // gap: inbound from any internet source
            priority: 100,
            direction: "Inbound",
            access: "Allow",
            protocol: "Tcp",
            sourceAddressPrefix: "Internet",
            sourcePortRange: "*",
            destinationAddressPrefix: "*",
            destinationPortRange: "443",
        },
        {
            name: "allow-ssh-from-anywhere", // gap: SSH open to the world
            priority: 110,
            direction: "Inbound",
            access: "Allow",
            protocol: "*",
            sourceAddressPrefix: "*",
            sourcePortRange: "*",
            destinationAddressPrefix: "*",
            destinationPortRanges: ["22", "8888"],
        },
    ],
    tags: ai,
});

// gap: unrestricted egress to the internet (exfiltration path for models and data)
new azure.network.SecurityRule("allow-all-to-internet", {
    resourceGroupName: rg.name,
    networkSecurityGroupName: nsg.name,
    priority: 200,
    direction: "Outbound",
    access: "Allow",
    protocol: "*",
    sourceAddressPrefix: "*",
    sourcePortRange: "*",
    destinationAddressPrefix: "Internet",
    destinationPortRange: "*",
});

const vnet = new azure.network.VirtualNetwork("genai-vnet", {
    resourceGroupName: rg.name,
    addressSpace: { addressPrefixes: ["10.40.0.0/16"] },
    tags: ai,
});

const computeSubnet = new azure.network.Subnet("genai-compute", {
    resourceGroupName: rg.name,
    virtualNetworkName: vnet.name,
    addressPrefix: "10.40.1.0/24",
    networkSecurityGroup: { id: nsg.id },
    defaultOutboundAccess: true, // gap: implicit outbound internet access
});

// gap: the AI VNet is peered with the ERP (business) VNet: whole address spaces, forwarded
// traffic and gateway transit allowed, so a compromised AI workload reaches business systems.
const erpVnet = new azure.network.VirtualNetwork("erp-vnet", {
    resourceGroupName: rg.name,
    addressSpace: { addressPrefixes: ["10.50.0.0/16"] },
    tags: business,
});
new azure.network.VirtualNetworkPeering("genai-to-erp", {
    resourceGroupName: rg.name,
    virtualNetworkName: vnet.name,
    remoteVirtualNetwork: { id: erpVnet.id },
    allowVirtualNetworkAccess: true,
    allowForwardedTraffic: true,
    allowGatewayTransit: true,
});

// ---------------------------------------------------------------------------------------------
// Storage, secrets and images for the workspace: anonymous blob access, shared keys, TLS 1.0,
// a Key Vault without purge protection, and a registry with the admin user on.
// ---------------------------------------------------------------------------------------------
const storage = new azure.storage.StorageAccount("genaidata", {
    resourceGroupName: rg.name,
    kind: "StorageV2",
    sku: { name: "Standard_LRS" },
    allowBlobPublicAccess: true, // gap: anonymous reads possible
    allowSharedKeyAccess: true, // gap: account keys and SAS accepted
    minimumTlsVersion: "TLS1_0", // gap: legacy TLS
    // gap: no networkRuleSet, publicNetworkAccess unset (Enabled), Microsoft-managed keys
    tags: ai,
});

// gap: training data and model artifacts in a container anyone can list and read
new azure.storage.BlobContainer("training-data", {
    resourceGroupName: rg.name,
    accountName: storage.name,
    publicAccess: "Container",
});

const vault = new azure.keyvault.Vault("genai-kv", {
    resourceGroupName: rg.name,
    properties: {
        tenantId: client.tenantId,
        sku: { family: "A", name: "standard" },
        accessPolicies: [],
        enablePurgeProtection: false, // gap: secrets and keys can be purged
        publicNetworkAccess: "Enabled", // gap: reachable from the internet, no network ACLs
    },
    tags: ai,
});

const acr = new azure.containerregistry.Registry("genaiacr", {
    resourceGroupName: rg.name,
    sku: { name: "Basic" },
    adminUserEnabled: true, // gap: shared admin credentials
    tags: ai,
});

// ---------------------------------------------------------------------------------------------
// Azure OpenAI: public network access, API keys, no identity, no CMK, a deployment with no RAI
// policy, and a weak RAI policy nobody uses.
// ---------------------------------------------------------------------------------------------
const openai = new azure.cognitiveservices.Account("genai-openai", {
    resourceGroupName: rg.name,
    kind: "OpenAI",
    sku: { name: "S0" },
    properties: {
        customSubDomainName: "contoso-genai-openai",
        // gap: publicNetworkAccess unset (Enabled), disableLocalAuth unset (keys work),
        // no networkAcls, no encryption (CMK), restrictOutboundNetworkAccess unset
    },
    // gap: no managed identity
    tags: ai,
});

new azure.cognitiveservices.Deployment("gpt-4o", {
    resourceGroupName: rg.name,
    accountName: openai.name,
    sku: { name: "GlobalStandard", capacity: 450 }, // gap: 450K tokens/minute: no cap on a runaway bill
    properties: {
        model: { format: "OpenAI", name: "gpt-4o", version: "2024-08-06" },
        // gap: no raiPolicyName
    },
});

// gap: filters only at High severity, non-blocking, jailbreak detection off
new azure.cognitiveservices.RaiPolicy("lenient-filter", {
    resourceGroupName: rg.name,
    accountName: openai.name,
    raiPolicyName: "lenient-filter",
    properties: {
        basePolicyName: "Microsoft.DefaultV2",
        mode: "Asynchronous_filter",
        contentFilters: [
            { name: "Hate", source: "Prompt", enabled: true, blocking: false, severityThreshold: "High" },
            { name: "Violence", source: "Completion", enabled: true, blocking: false, severityThreshold: "High" },
            { name: "Sexual", source: "Completion", enabled: false, blocking: false, severityThreshold: "High" },
            { name: "Jailbreak", source: "Prompt", enabled: false, blocking: false },
        ],
    },
});

// An AI Services (Foundry) account: same gaps, and outbound access unrestricted.
const aiServices = new azure.cognitiveservices.Account("genai-aiservices", {
    resourceGroupName: rg.name,
    kind: "AIServices",
    sku: { name: "S0" },
    properties: {
        customSubDomainName: "contoso-genai-aiservices",
        allowProjectManagement: true,
        publicNetworkAccess: "Enabled",
        disableLocalAuth: false,
        restrictOutboundNetworkAccess: false,
    },
    tags: ai,
});

// Document Intelligence for invoice extraction: data kept in Microsoft-managed storage (no
// userOwnedStorage), keys enabled, public.
new azure.cognitiveservices.Account("genai-docintel", {
    resourceGroupName: rg.name,
    kind: "FormRecognizer",
    sku: { name: "S0" },
    properties: { customSubDomainName: "contoso-genai-docintel" },
    tags: ai,
});

// gap: the Foundry managed network lets agents and tools reach any internet destination
new azure.cognitiveservices.ManagedNetworkSetting("genai-aiservices-network", {
    resourceGroupName: rg.name,
    accountName: aiServices.name,
    managedNetworkName: "default",
    properties: { managedNetwork: { isolationMode: "AllowInternetOutbound" } },
});

// ---------------------------------------------------------------------------------------------
// Azure Machine Learning: a public workspace without CMK or managed network, compute with public
// IPs and SSH, key-authenticated public endpoints, and a serverless endpoint with no content safety.
// ---------------------------------------------------------------------------------------------
const workspace = new azure.machinelearningservices.Workspace("genai-ws", {
    resourceGroupName: rg.name,
    friendlyName: "GenAI workspace",
    sku: { name: "Basic", tier: "Basic" },
    identity: { type: "SystemAssigned" },
    storageAccount: storage.id,
    keyVault: vault.id,
    containerRegistry: acr.id,
    publicNetworkAccess: "Enabled", // gap: public workspace
    hbiWorkspace: true, // high-business-impact data, on a public storage account
    // gap: no encryption (CMK), no managedNetwork, system datastores use account keys,
    // serverless compute gets public IPs
    serverlessComputeSettings: { serverlessComputeNoPublicIP: false },
    tags: ai,
});

new azure.machinelearningservices.Compute("ds-instance", {
    resourceGroupName: rg.name,
    workspaceName: workspace.name,
    properties: {
        computeType: "ComputeInstance",
        disableLocalAuth: false,
        properties: {
            vmSize: "Standard_DS3_v2",
            enableNodePublicIp: true, // gap: public IP
            sshSettings: {
                sshPublicAccess: "Enabled", // gap: SSH from the internet
                adminPublicKey: "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC0example datascientist@laptop",
            },
            // gap: no idleTimeBeforeShutdown, no subnet
        },
    },
    tags: ai,
});

new azure.machinelearningservices.Compute("train-cluster", {
    resourceGroupName: rg.name,
    workspaceName: workspace.name,
    properties: {
        computeType: "AmlCompute",
        disableLocalAuth: false,
        properties: {
            vmSize: "Standard_NC6s_v3",
            enableNodePublicIp: true, // gap: public node IPs
            remoteLoginPortPublicAccess: "Enabled", // gap: public SSH port
            scaleSettings: { minNodeCount: 2, maxNodeCount: 8 }, // gap: never scales to zero
        },
    },
    tags: ai,
});

const onlineEndpoint = new azure.machinelearningservices.OnlineEndpoint("chat-endpoint", {
    resourceGroupName: rg.name,
    workspaceName: workspace.name,
    identity: { type: "SystemAssigned" },
    properties: {
        authMode: "Key", // gap: static keys instead of Entra ID tokens
        publicNetworkAccess: "Enabled", // gap: public scoring
    },
    tags: ai,
});

new azure.machinelearningservices.OnlineDeployment("chat-blue", {
    resourceGroupName: rg.name,
    workspaceName: workspace.name,
    endpointName: onlineEndpoint.name,
    sku: { name: "Default", capacity: 1 },
    properties: {
        endpointComputeType: "Managed",
        model: pulumi.interpolate`${workspace.id}/models/chat-model/versions/1`,
        instanceType: "Standard_DS3_v2",
        egressPublicNetworkAccess: "Enabled", // gap: the container can reach the internet
        appInsightsEnabled: false, // gap: no request telemetry, and no dataCollector
    },
    tags: ai,
});

new azure.machinelearningservices.Registry("genai-ml-registry", {
    resourceGroupName: rg.name,
    identity: { type: "SystemAssigned" },
    publicNetworkAccess: "Enabled", // gap: shared models and environments reachable publicly
    regionDetails: [
        {
            location: "westeurope",
            acrDetails: [{ systemCreatedAcrAccount: { acrAccountSku: "Premium" } }],
            storageAccountDetails: [{ systemCreatedStorageAccount: { storageAccountType: "Standard_LRS" } }],
        },
    ],
    tags: ai,
});

new azure.machinelearningservices.ServerlessEndpoint("llama-maas", {
    resourceGroupName: rg.name,
    workspaceName: workspace.name,
    sku: { name: "Consumption" },
    properties: {
        authMode: "Key", // gap: static keys
        modelSettings: { modelId: "azureml://registries/azureml-meta/models/Meta-Llama-3.1-8B-Instruct" },
        contentSafety: { contentSafetyStatus: "Disabled" }, // gap: no content filtering
    },
    tags: ai,
});

// gap: the workspace identity is Contributor on the whole subscription
new azure.authorization.RoleAssignment("workspace-contributor", {
    principalId: workspace.identity.apply((identity) => identity?.principalId || ""),
    principalType: "ServicePrincipal",
    roleDefinitionId: pulumi.interpolate`/subscriptions/${client.subscriptionId}/providers/Microsoft.Authorization/roleDefinitions/b24988ac-6181-4a7f-ab58-b9a2d8d4d6b5`,
    scope: pulumi.interpolate`/subscriptions/${client.subscriptionId}`,
});

// ---------------------------------------------------------------------------------------------
// AI Search for RAG: public, API keys, no identity, no CMK, a single replica.
// ---------------------------------------------------------------------------------------------
new azure.search.Service("genai-search", {
    resourceGroupName: rg.name,
    sku: { name: "basic" },
    replicaCount: 1,
    partitionCount: 1,
    // gap: publicNetworkAccess unset (enabled), disableLocalAuth unset (keys work),
    // no identity, no encryptionWithCmk
    tags: ai,
});

// ---------------------------------------------------------------------------------------------
// API Management in front of OpenAI: no subscription key, HTTP allowed, and no ApiDiagnostic.
// ---------------------------------------------------------------------------------------------
const apim = new azure.apimanagement.ApiManagementService("genai-apim", {
    resourceGroupName: rg.name,
    publisherEmail: "platform@contoso.example",
    publisherName: "Contoso AI platform",
    sku: { name: "Developer", capacity: 1 },
    // gap: TLS 1.0 and the 3DES cipher left on for callers, for an old client nobody uses any more
    customProperties: {
        "Microsoft.WindowsAzure.ApiManagement.Gateway.Security.Protocols.Tls10": "true",
        "Microsoft.WindowsAzure.ApiManagement.Gateway.Security.Ciphers.TripleDes168": "true",
    },
    // gap: public virtualNetworkType None, no identity
    tags: ai,
});

new azure.apimanagement.Api("openai-api", {
    resourceGroupName: rg.name,
    serviceName: apim.name,
    apiId: "azure-openai",
    displayName: "Azure OpenAI",
    path: "openai",
    protocols: ["https", "http"], // gap: plain HTTP accepted
    serviceUrl: pulumi.interpolate`https://${openai.properties.apply((p) => p.customSubDomainName)}.openai.azure.com/openai`,
    subscriptionRequired: false, // gap: anonymous callers
});

// ---------------------------------------------------------------------------------------------
// A chat Function app calling Azure OpenAI directly: anonymous, callable from any web page, plain
// HTTP and TLS 1.0 accepted, and the account's API key pasted into an app setting. The app is not
// tagged: the setting holding the account's endpoint makes it the model's front door.
// ---------------------------------------------------------------------------------------------
const functionPlan = new azure.web.AppServicePlan("chat-plan", {
    resourceGroupName: rg.name,
    kind: "functionapp",
    sku: { name: "Y1", tier: "Dynamic" },
});
new azure.web.WebApp("chat-func", {
    resourceGroupName: rg.name,
    kind: "functionapp",
    serverFarmId: functionPlan.id,
    // gap: httpsOnly unset (HTTP accepted), no WebAppAuthSettingsV2 (anonymous callers), public
    siteConfig: {
        minTlsVersion: "1.0", // gap: legacy TLS
        cors: { allowedOrigins: ["*"] }, // gap: every web page can call the model from its visitors' browsers
        appSettings: [
            { name: "FUNCTIONS_WORKER_RUNTIME", value: "node" },
            { name: "AZURE_OPENAI_ENDPOINT", value: openai.properties.apply((p) => p.endpoint) },
            // gap: the account key in plain configuration instead of a Key Vault reference or a managed identity
            { name: "AZURE_OPENAI_API_KEY", value: "3f9c2a7d41e84b6f9a0c5d2e7b1f8a64" },
        ],
    },
});

// ---------------------------------------------------------------------------------------------
// Self-hosted models (iaas): an AKS cluster whose A100 node pool serves an open-weights model. The
// cluster is not tagged: the N-series pool puts it in the AI system.
// ---------------------------------------------------------------------------------------------
const modelCluster = new azure.containerservice.ManagedCluster("model-aks", {
    resourceGroupName: rg.name,
    dnsPrefix: "genai-models",
    // gap: no identity (a service principal with a secret), local accounts on, public API open to all
    servicePrincipalProfile: { clientId: "00000000-0000-0000-0000-000000000000" },
    agentPoolProfiles: [
        { name: "system", mode: "System", vmSize: "Standard_D4s_v5", count: 2, vnetSubnetID: computeSubnet.id },
    ],
});
new azure.containerservice.AgentPool("gpu-pool", {
    resourceGroupName: rg.name,
    resourceName: modelCluster.name,
    agentPoolName: "gpu",
    mode: "User",
    vmSize: "Standard_NC24ads_A100_v4",
    count: 1,
    vnetSubnetID: computeSubnet.id,
    enableNodePublicIP: true, // gap: every GPU node gets a public IP
});
