// Building blocks the Azure components share: a hardened Key Vault with a customer-managed key, the
// user-assigned identity that unwraps it, narrow role assignments, private endpoints with their DNS
// zone group, and diagnostic settings. Plain functions that create children of the calling component.
import * as azure from "@pulumi/azure-native";
import * as pulumi from "@pulumi/pulumi";
import { ArgumentError } from "../../shared/validation";

/** A customer-managed key held in a Key Vault that the caller owns. */
export interface CustomerManagedKey {
    /** Resource id of the vault; the component grants its key identity "Key Vault Crypto Service Encryption User" on the key in it. */
    readonly keyVaultId: pulumi.Input<string>;
    /** Vault URI, e.g. `https://kv-ai.vault.azure.net/`. */
    readonly keyVaultUri: pulumi.Input<string>;
    /** Name of an RSA key in that vault. */
    readonly keyName: pulumi.Input<string>;
    /** Key version. @default none: the service follows the key's current version (automatic rotation) */
    readonly keyVersion?: pulumi.Input<string>;
    /**
     * A user-assigned identity that already holds "Key Vault Crypto Service Encryption User" on the key,
     * e.g. one shared by several accounts. Given ids known during preview keep the encryption settings
     * visible to aiguard's preview.
     * @default a new identity, created as a child and granted that role on the vault
     */
    readonly identity?: KeyIdentity;
}

/** A user-assigned managed identity, by resource id and client id. */
export interface KeyIdentity {
    readonly id: pulumi.Input<string>;
    readonly clientId: pulumi.Input<string>;
}

/** Built-in role GUIDs (the same in every tenant). Only narrow data-plane roles. */
export const roles = {
    keyVaultCryptoServiceEncryptionUser: "e147488a-f6f5-4113-8e2d-b22465e65bf6",
    keyVaultSecretsOfficer: "b86a8fe4-44ce-4948-aee5-eccb2c155cd7",
    storageBlobDataContributor: "ba92f5b4-2d11-453d-a403-e96b0029c9fe",
    storageFileDataPrivilegedContributor: "69566ab7-960f-475b-8e7c-b3118f30c6bd",
    acrPush: "8311e382-0749-4cb8-b61a-304f252e45ec",
    cognitiveServicesOpenAiUser: "5e0bd9bd-7b93-4f28-af87-19fc36ad61bd",
} as const;

/** What every child needs: where it goes, its tags, and its parent. */
export interface Placement {
    readonly resourceGroupName: pulumi.Input<string>;
    readonly location?: pulumi.Input<string>;
    readonly tags: Record<string, string>;
    readonly parent: pulumi.Resource;
    /** Tenant and subscription of the deployment, from `getClientConfig`. */
    readonly client: pulumi.Output<azure.authorization.GetClientConfigResult>;
}

/** Where a component's children go: its resource group and location, its tags, under it as parent. */
export function placementOf(
    args: { readonly resourceGroupName: pulumi.Input<string>; readonly location?: pulumi.Input<string> },
    tags: Record<string, string>,
    parent: pulumi.Resource,
): Placement {
    return {
        resourceGroupName: args.resourceGroupName,
        location: args.location,
        tags,
        parent,
        client: clientConfig(parent),
    };
}

export function clientConfig(parent: pulumi.Resource): pulumi.Output<azure.authorization.GetClientConfigResult> {
    return azure.authorization.getClientConfigOutput({ parent });
}

/** Rejects a private DNS zone list that is empty: the private endpoint would not resolve. */
export function requireZones(component: string, argument: string, zones: readonly unknown[] | undefined): void {
    if (zones === undefined || zones.length === 0) {
        throw new ArgumentError(
            component,
            argument,
            "must list at least one private DNS zone id (e.g. of privatelink.blob.core.windows.net)",
        );
    }
}

/** Rejects a customer-managed key given together with the option to use Microsoft-managed keys. */
export function requireOneKeyChoice(
    component: string,
    args: { readonly customerManagedKey?: unknown; readonly useMicrosoftManagedKeys?: boolean },
): void {
    if (args.customerManagedKey !== undefined && args.useMicrosoftManagedKeys) {
        throw new ArgumentError(
            component,
            "useMicrosoftManagedKeys",
            "cannot be true when 'customerManagedKey' is given",
        );
    }
}

/**
 * A Key Vault for customer-managed keys: purge protection and soft delete (90 days), Azure RBAC instead
 * of access policies, public network access disabled and the firewall denying by default.
 */
export function hardenedKeyVault(name: string, at: Placement): azure.keyvault.Vault {
    return new azure.keyvault.Vault(
        name,
        {
            resourceGroupName: at.resourceGroupName,
            location: at.location,
            properties: {
                tenantId: at.client.tenantId,
                sku: { family: "A", name: "standard" },
                enableRbacAuthorization: true,
                enablePurgeProtection: true,
                enableSoftDelete: true,
                softDeleteRetentionInDays: 90,
                publicNetworkAccess: "Disabled",
                networkAcls: { defaultAction: "Deny", bypass: "AzureServices" },
            },
            tags: at.tags,
        },
        { parent: at.parent },
    );
}

/** An RSA key that rotates every 90 days and expires after two years without rotation. */
export function rotatingKey(name: string, vault: azure.keyvault.Vault, keySize: number, at: Placement) {
    return new azure.keyvault.Key(
        name,
        {
            resourceGroupName: at.resourceGroupName,
            vaultName: vault.name,
            properties: {
                kty: "RSA",
                keySize,
                keyOps: ["wrapKey", "unwrapKey"],
                rotationPolicy: {
                    attributes: { expiryTime: "P2Y" },
                    lifetimeActions: [
                        { action: { type: "rotate" }, trigger: { timeAfterCreate: "P90D" } },
                        { action: { type: "notify" }, trigger: { timeBeforeExpiry: "P30D" } },
                    ],
                },
            },
            tags: at.tags,
        },
        { parent: vault },
    );
}

export function userIdentity(name: string, at: Placement): azure.managedidentity.UserAssignedIdentity {
    return new azure.managedidentity.UserAssignedIdentity(
        name,
        { resourceGroupName: at.resourceGroupName, location: at.location, tags: at.tags },
        { parent: at.parent },
    );
}

/** A role assignment of one built-in data role to a service principal, scoped to one resource. */
export function grantRole(
    name: string,
    principalId: pulumi.Input<string>,
    role: string,
    scope: pulumi.Input<string>,
    at: Placement,
    parent: pulumi.Resource = at.parent,
): azure.authorization.RoleAssignment {
    return new azure.authorization.RoleAssignment(
        name,
        {
            principalId,
            principalType: "ServicePrincipal",
            roleDefinitionId: pulumi.interpolate`/subscriptions/${at.client.subscriptionId}/providers/Microsoft.Authorization/roleDefinitions/${role}`,
            scope,
        },
        { parent },
    );
}

/** The key a component encrypts with: the caller's, or a new vault and key created as children. */
export interface ResolvedKey {
    readonly keyVaultId: pulumi.Input<string>;
    readonly keyVaultUri: pulumi.Output<string>;
    readonly keyName: pulumi.Output<string>;
    readonly keyVersion?: pulumi.Input<string>;
    /** Versioned key URI when the component created the key; otherwise built from the caller's args. */
    readonly keyIdentifier: pulumi.Output<string>;
    /** ARM id of the key itself, the scope of the unwrap grant. */
    readonly keyScope: pulumi.Input<string>;
    /** The identity that unwraps the key, when the caller gave one. */
    readonly identity?: KeyIdentity;
}

/** The caller's key, or a new key in `vault` (a new hardened vault when none is given). */
export function resolveKey(
    name: string,
    given: CustomerManagedKey | undefined,
    keySize: number,
    at: Placement,
    vault?: azure.keyvault.Vault,
): ResolvedKey {
    if (given !== undefined) {
        const uri = pulumi.output(given.keyVaultUri).apply((u) => u.replace(/\/+$/, ""));
        return {
            keyVaultId: given.keyVaultId,
            keyVaultUri: pulumi.output(given.keyVaultUri),
            keyName: pulumi.output(given.keyName),
            keyVersion: given.keyVersion,
            identity: given.identity,
            keyScope: pulumi.interpolate`${given.keyVaultId}/keys/${given.keyName}`,
            keyIdentifier:
                given.keyVersion === undefined
                    ? pulumi.interpolate`${uri}/keys/${given.keyName}`
                    : pulumi.interpolate`${uri}/keys/${given.keyName}/${given.keyVersion}`,
        };
    }
    const kv = vault ?? hardenedKeyVault(`${name}-kv`, at);
    const key = rotatingKey(`${name}-cmk`, kv, keySize, at);
    return {
        keyVaultId: kv.id,
        // vaultUri is computed; the public-cloud form is the fallback while it is not yet reported.
        keyVaultUri: pulumi
            .all([kv.name, kv.properties])
            .apply(([n, p]) => p.vaultUri ?? `https://${n}.vault.azure.net/`),
        keyName: key.name,
        keyScope: key.id,
        keyIdentifier: key.keyUriWithVersion,
    };
}

/**
 * The identity that unwraps `key`: the caller's, or a new user-assigned identity granted "Key Vault
 * Crypto Service Encryption User" on that key only. Resources that encrypt must depend on `grants`.
 */
export function keyIdentity(
    name: string,
    key: ResolvedKey,
    at: Placement,
): { readonly identity: KeyIdentity; readonly grants: readonly pulumi.Resource[] } {
    if (key.identity !== undefined) {
        return { identity: key.identity, grants: [] };
    }
    const uai = userIdentity(`${name}-key-id`, at);
    const grant = grantRole(
        `${name}-key-access`,
        uai.principalId,
        roles.keyVaultCryptoServiceEncryptionUser,
        key.keyScope,
        at,
    );
    return { identity: { id: uai.id, clientId: uai.clientId }, grants: [grant] };
}

/** A private endpoint for one sub-resource of `target`, in `subnetId`, with its private DNS zone group. */
export function privateEndpoint(
    name: string,
    target: pulumi.Input<string>,
    groupId: string,
    subnetId: pulumi.Input<string>,
    privateDnsZoneIds: readonly pulumi.Input<string>[],
    at: Placement,
): azure.network.PrivateEndpoint {
    const pe = new azure.network.PrivateEndpoint(
        name,
        {
            resourceGroupName: at.resourceGroupName,
            location: at.location,
            subnet: { id: subnetId },
            privateLinkServiceConnections: [
                { name: `${name}-${groupId}`, privateLinkServiceId: target, groupIds: [groupId] },
            ],
            tags: at.tags,
        },
        { parent: at.parent },
    );
    new azure.network.PrivateDnsZoneGroup(
        `${name}-dns`,
        {
            resourceGroupName: at.resourceGroupName,
            privateEndpointName: pe.name,
            privateDnsZoneGroupName: "default",
            privateDnsZoneConfigs: privateDnsZoneIds.map((id, i) => ({ name: `zone-${i}`, privateDnsZoneId: id })),
        },
        { parent: pe },
    );
    return pe;
}

/** Sends all resource logs (categoryGroup allLogs) and all metrics of `resourceUri` to a Log Analytics workspace. */
export function allLogsTo(
    name: string,
    resourceUri: pulumi.Input<string>,
    workspaceId: pulumi.Input<string>,
    parent: pulumi.Resource,
): azure.monitor.DiagnosticSetting {
    return new azure.monitor.DiagnosticSetting(
        name,
        {
            resourceUri,
            workspaceId,
            logs: [{ categoryGroup: "allLogs", enabled: true }],
            metrics: [{ category: "AllMetrics", enabled: true }],
        },
        { parent },
    );
}

/** Settings of a hardened storage account that its component decides. */
export interface StorageSettings {
    readonly sku: pulumi.Input<string>;
    /** Loosening: Shared Key (account keys, account SAS) accepted. */
    readonly allowSharedKeyAccess: boolean;
    /** Loosening: public endpoint open to every network. */
    readonly allowPublicNetworkAccess: boolean;
    /** Customer-managed key and the user-assigned identity that unwraps it; none means Microsoft-managed keys. */
    readonly key?: {
        readonly keyVaultUri: pulumi.Input<string>;
        readonly keyName: pulumi.Input<string>;
        readonly keyVersion?: pulumi.Input<string>;
        readonly identityId: pulumi.Input<string>;
    };
    readonly dependsOn: readonly pulumi.Resource[];
}

/**
 * A StorageV2 account with no anonymous blob access, Entra ID authorization by default, TLS 1.2, HTTPS
 * only, no cross-tenant replication, copies only within private links, public network access disabled
 * with network rules denying by default, and infrastructure (double) encryption.
 */
export function hardenedStorageAccount(name: string, s: StorageSettings, at: Placement): azure.storage.StorageAccount {
    return new azure.storage.StorageAccount(
        name,
        {
            resourceGroupName: at.resourceGroupName,
            location: at.location,
            kind: "StorageV2",
            sku: { name: s.sku },
            allowBlobPublicAccess: false,
            allowSharedKeyAccess: s.allowSharedKeyAccess,
            defaultToOAuthAuthentication: true,
            minimumTlsVersion: "TLS1_2",
            enableHttpsTrafficOnly: true,
            allowCrossTenantReplication: false,
            allowedCopyScope: "PrivateLink",
            publicNetworkAccess: s.allowPublicNetworkAccess ? "Enabled" : "Disabled",
            networkRuleSet: { defaultAction: s.allowPublicNetworkAccess ? "Allow" : "Deny", bypass: "AzureServices" },
            identity:
                s.key === undefined
                    ? { type: "SystemAssigned" }
                    : { type: "SystemAssigned,UserAssigned", userAssignedIdentities: [s.key.identityId] },
            encryption: {
                requireInfrastructureEncryption: true,
                services: {
                    blob: { enabled: true, keyType: "Account" },
                    file: { enabled: true, keyType: "Account" },
                },
                ...(s.key === undefined
                    ? { keySource: "Microsoft.Storage" }
                    : {
                          keySource: "Microsoft.Keyvault",
                          keyVaultProperties: {
                              keyVaultUri: s.key.keyVaultUri,
                              keyName: s.key.keyName,
                              keyVersion: s.key.keyVersion,
                          },
                          encryptionIdentity: { encryptionUserAssignedIdentity: s.key.identityId },
                      }),
            },
            tags: at.tags,
        },
        { parent: at.parent, dependsOn: [...s.dependsOn] },
    );
}

/** A name of lower-case letters and digits only, for storage accounts and registries. */
export function alphanumeric(name: string): string {
    return name.toLowerCase().replace(/[^a-z0-9]/g, "");
}
