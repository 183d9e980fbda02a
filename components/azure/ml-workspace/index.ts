import * as azure from "@pulumi/azure-native";
import * as pulumi from "@pulumi/pulumi";
import { ArgumentError, aiTags, validateFor } from "../../shared/validation";
import {
    allLogsTo,
    alphanumeric,
    grantRole,
    hardenedKeyVault,
    hardenedStorageAccount,
    placementOf,
    privateEndpoint,
    requireOneKeyChoice,
    requireZones,
    resolveKey,
    roles,
    userIdentity,
} from "../shared/resources";
import type { MlWorkspaceArgs } from "./args";

export type { CustomerManagedKey, MlWorkspaceArgs } from "./args";

const type = "aiguard:azure:MlWorkspace";

/** Checks arguments that decide what is created. Exported for tests. */
export function validateMlWorkspaceArgs(name: string, args: MlWorkspaceArgs): void {
    requireZones(type, "privateDnsZoneIds", args.privateDnsZoneIds);
    requireOneKeyChoice(type, args);
    if (alphanumeric(name).length < 3 || alphanumeric(name).length > 16) {
        throw new ArgumentError(
            type,
            "name",
            `is '${name}'; allowed: 3 to 16 letters and digits (hyphens are dropped), so the storage account and registry names derived from it stay within Azure's limits`,
        );
    }
}

/**
 * An Azure Machine Learning workspace reached only through a private endpoint, whose managed network
 * allows only approved outbound traffic, encrypted with a customer-managed key, using a user-assigned
 * identity with narrow data roles, identity-based datastores, and hardened dependencies it creates: a
 * storage account (private, no Shared Key, TLS 1.2, CMK), a Key Vault (purge protection, RBAC, private),
 * a Premium container registry (no admin user, no anonymous pull, private) and workspace-based
 * Application Insights. All workspace logs go to Log Analytics.
 */
export class MlWorkspace extends pulumi.ComponentResource {
    readonly workspace: azure.machinelearningservices.Workspace;
    readonly storageAccount: azure.storage.StorageAccount;
    readonly keyVault: azure.keyvault.Vault;
    readonly containerRegistry: azure.containerregistry.Registry;
    readonly applicationInsights: azure.applicationinsights.Component;
    readonly identity: azure.managedidentity.UserAssignedIdentity;
    readonly privateEndpoint: azure.network.PrivateEndpoint;
    readonly workspaceId: pulumi.Output<string>;
    readonly workspaceName: pulumi.Output<string>;

    constructor(name: string, args: MlWorkspaceArgs, opts?: pulumi.ComponentResourceOptions) {
        super(type, name, {}, opts);
        validateFor(name, () => validateMlWorkspaceArgs(name, args));
        const tags = aiTags(args.tags);
        const at = placementOf(args, tags, this);
        const mmk = args.useMicrosoftManagedKeys ?? false;
        const keys = args.allowStorageAccountKeys ?? false;
        const short = alphanumeric(name);

        this.identity = userIdentity(`${name}-id`, at);
        const principal = this.identity.principalId;
        this.keyVault = hardenedKeyVault(`${name}-kv`, at);

        // The customer-managed key: the caller's, or one in the workspace's own vault. The workspace
        // identity unwraps it unless the caller names an identity that already may.
        const key = mmk ? undefined : resolveKey(name, args.customerManagedKey, 3072, at, this.keyVault);
        const unwrapperId = key?.identity?.id ?? this.identity.id;
        const keyGrant =
            key === undefined || key.identity !== undefined
                ? undefined
                : grantRole(
                      `${name}-key-access`,
                      principal,
                      roles.keyVaultCryptoServiceEncryptionUser,
                      key.keyScope,
                      at,
                  );
        const identities = key?.identity === undefined ? [this.identity.id] : [this.identity.id, key.identity.id];

        this.storageAccount = hardenedStorageAccount(
            `${short}st`,
            {
                sku: "Standard_ZRS",
                allowSharedKeyAccess: keys,
                allowPublicNetworkAccess: false,
                key:
                    key === undefined
                        ? undefined
                        : {
                              keyVaultUri: key.keyVaultUri,
                              keyName: key.keyName,
                              keyVersion: key.keyVersion,
                              identityId: unwrapperId,
                          },
                dependsOn: keyGrant === undefined ? [] : [keyGrant],
            },
            at,
        );

        this.containerRegistry = new azure.containerregistry.Registry(
            `${short}cr`,
            {
                resourceGroupName: args.resourceGroupName,
                location: args.location,
                sku: { name: "Premium" },
                adminUserEnabled: false,
                anonymousPullEnabled: false,
                publicNetworkAccess: "Disabled",
                networkRuleBypassOptions: "AzureServices",
                policies: { exportPolicy: { status: "disabled" } },
                tags,
            },
            { parent: this },
        );

        this.applicationInsights = new azure.applicationinsights.Component(
            `${name}-appi`,
            {
                resourceGroupName: args.resourceGroupName,
                location: args.location,
                kind: "web",
                applicationType: "web",
                ingestionMode: "LogAnalytics",
                workspaceResourceId: args.logAnalyticsWorkspaceId,
                tags,
            },
            { parent: this },
        );

        // Narrow data roles for the workspace identity, each on one dependency.
        const grants = [
            ...(keyGrant === undefined ? [] : [keyGrant]),
            grantRole(`${name}-kv-secrets`, principal, roles.keyVaultSecretsOfficer, this.keyVault.id, at),
            grantRole(`${name}-st-blob`, principal, roles.storageBlobDataContributor, this.storageAccount.id, at),
            grantRole(
                `${name}-st-file`,
                principal,
                roles.storageFileDataPrivilegedContributor,
                this.storageAccount.id,
                at,
            ),
            grantRole(`${name}-cr-push`, principal, roles.acrPush, this.containerRegistry.id, at),
        ];

        this.workspace = new azure.machinelearningservices.Workspace(
            name,
            {
                resourceGroupName: args.resourceGroupName,
                location: args.location,
                kind: "Default",
                friendlyName: args.friendlyName ?? name,
                sku: { name: "Basic", tier: "Basic" },
                identity: { type: "SystemAssigned,UserAssigned", userAssignedIdentities: identities },
                primaryUserAssignedIdentity: this.identity.id,
                storageAccount: this.storageAccount.id,
                keyVault: this.keyVault.id,
                containerRegistry: this.containerRegistry.id,
                applicationInsights: this.applicationInsights.id,
                hbiWorkspace: args.highBusinessImpact ?? true,
                publicNetworkAccess: args.allowPublicNetworkAccess ? "Enabled" : "Disabled",
                allowPublicAccessWhenBehindVnet: false,
                managedNetwork: {
                    isolationMode: args.allowInternetOutbound ? "AllowInternetOutbound" : "AllowOnlyApprovedOutbound",
                },
                serverlessComputeSettings: { serverlessComputeNoPublicIP: true },
                systemDatastoresAuthMode: keys ? "AccessKey" : "Identity",
                encryption:
                    key === undefined
                        ? undefined
                        : {
                              status: "Enabled",
                              identity: { userAssignedIdentity: unwrapperId },
                              keyVaultProperties: { keyVaultArmId: key.keyVaultId, keyIdentifier: key.keyIdentifier },
                          },
                tags,
            },
            { parent: this, dependsOn: grants },
        );

        this.privateEndpoint = privateEndpoint(
            `${name}-pe`,
            this.workspace.id,
            "amlworkspace",
            args.subnetId,
            args.privateDnsZoneIds,
            at,
        );
        allLogsTo(`${name}-diag`, this.workspace.id, args.logAnalyticsWorkspaceId, this.workspace);

        this.workspaceId = this.workspace.id;
        this.workspaceName = this.workspace.name;
        this.registerOutputs({
            workspaceId: this.workspaceId,
            workspaceName: this.workspaceName,
            storageAccountId: this.storageAccount.id,
            keyVaultId: this.keyVault.id,
            containerRegistryId: this.containerRegistry.id,
            applicationInsightsId: this.applicationInsights.id,
            identityId: this.identity.id,
            identityPrincipalId: this.identity.principalId,
            privateEndpointId: this.privateEndpoint.id,
        });
    }
}
