import * as azure from "@pulumi/azure-native";
import * as pulumi from "@pulumi/pulumi";
import { ArgumentError, aiTags, validateFor } from "../../shared/validation";
import {
    alphanumeric,
    hardenedStorageAccount,
    keyIdentity,
    placementOf,
    privateEndpoint,
    requireOneKeyChoice,
    requireZones,
    resolveKey,
} from "../shared/resources";
import type { AiModelStorageArgs } from "./args";

export type { AiModelStorageArgs, CustomerManagedKey } from "./args";

const type = "aiguard:azure:AiModelStorage";

/** Checks arguments that decide what is created. Exported for tests. */
export function validateAiModelStorageArgs(name: string, args: AiModelStorageArgs): void {
    requireZones(type, "privateDnsZoneIds", args.privateDnsZoneIds);
    requireOneKeyChoice(type, args);
    const container = args.containerName ?? "models";
    if (!/^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$/.test(container)) {
        throw new ArgumentError(
            type,
            "containerName",
            `is '${container}'; allowed: 3 to 63 lower-case letters, digits and single hyphens, starting and ending with a letter or digit`,
        );
    }
    const short = alphanumeric(name);
    if (short.length < 3 || short.length > 16) {
        throw new ArgumentError(
            type,
            "name",
            `is '${name}'; allowed: 3 to 16 letters and digits (hyphens are dropped), so the storage account name derived from it stays within Azure's limits`,
        );
    }
}

/**
 * A storage account for model weights, training data and collected inference data: no anonymous
 * access, Entra ID only (no Shared Key), TLS 1.2, public network access disabled with network rules
 * denying by default, a customer-managed key, blob versioning and soft delete, a private blob container
 * and a blob private endpoint.
 */
export class AiModelStorage extends pulumi.ComponentResource {
    readonly storageAccount: azure.storage.StorageAccount;
    readonly container: azure.storage.BlobContainer;
    readonly privateEndpoint: azure.network.PrivateEndpoint;
    readonly storageAccountId: pulumi.Output<string>;
    readonly storageAccountName: pulumi.Output<string>;
    readonly containerName: pulumi.Output<string>;

    constructor(name: string, args: AiModelStorageArgs, opts?: pulumi.ComponentResourceOptions) {
        super(type, name, {}, opts);
        validateFor(name, () => validateAiModelStorageArgs(name, args));
        const tags = aiTags(args.tags);
        const at = placementOf(args, tags, this);

        let key: Parameters<typeof hardenedStorageAccount>[1]["key"];
        const dependsOn: pulumi.Resource[] = [];
        if (!(args.useMicrosoftManagedKeys ?? false)) {
            const resolved = resolveKey(name, args.customerManagedKey, 3072, at);
            const { identity: unwrapper, grants } = keyIdentity(name, resolved, at);
            dependsOn.push(...grants);
            key = {
                keyVaultUri: resolved.keyVaultUri,
                keyName: resolved.keyName,
                keyVersion: resolved.keyVersion,
                identityId: unwrapper.id,
            };
        }

        this.storageAccount = hardenedStorageAccount(
            `${alphanumeric(name)}st`,
            {
                sku: args.sku ?? "Standard_ZRS",
                allowSharedKeyAccess: args.allowSharedKeyAccess ?? false,
                allowPublicNetworkAccess: args.allowPublicNetworkAccess ?? false,
                key,
                dependsOn,
            },
            at,
        );
        const accountOpts = { parent: this.storageAccount };

        // Always on: no Azure policy of the pack checks blob versioning, so turning it off could not be reported.
        const blobService = new azure.storage.BlobServiceProperties(
            `${name}-blob-service`,
            {
                resourceGroupName: args.resourceGroupName,
                accountName: this.storageAccount.name,
                blobServicesName: "default",
                isVersioningEnabled: true,
                deleteRetentionPolicy: { enabled: true, days: 30 },
                containerDeleteRetentionPolicy: { enabled: true, days: 30 },
            },
            accountOpts,
        );

        this.container = new azure.storage.BlobContainer(
            `${name}-${args.containerName ?? "models"}`,
            {
                resourceGroupName: args.resourceGroupName,
                accountName: this.storageAccount.name,
                containerName: args.containerName ?? "models",
                publicAccess: "None",
            },
            { ...accountOpts, dependsOn: [blobService] },
        );

        this.privateEndpoint = privateEndpoint(
            `${name}-blob-pe`,
            this.storageAccount.id,
            "blob",
            args.subnetId,
            args.privateDnsZoneIds,
            at,
        );

        this.storageAccountId = this.storageAccount.id;
        this.storageAccountName = this.storageAccount.name;
        this.containerName = this.container.name;
        this.registerOutputs({
            storageAccountId: this.storageAccountId,
            storageAccountName: this.storageAccountName,
            containerName: this.containerName,
            privateEndpointId: this.privateEndpoint.id,
        });
    }
}
