import type * as pulumi from "@pulumi/pulumi";
import type { CustomerManagedKey } from "../shared/resources";

export type { CustomerManagedKey } from "../shared/resources";

export interface AiModelStorageArgs {
    /** Resource group of the storage account and its children. */
    readonly resourceGroupName: pulumi.Input<string>;
    /** Region. @default the provider's location */
    readonly location?: pulumi.Input<string>;
    /** Subnet of the blob private endpoint. */
    readonly subnetId: pulumi.Input<string>;
    /** Private DNS zones for the endpoint's zone group: the id of `privatelink.blob.core.windows.net`. At least one. */
    readonly privateDnsZoneIds: readonly pulumi.Input<string>[];
    /** Name of the private blob container for weights and training data. @default "models" */
    readonly containerName?: string;
    /** Storage SKU, e.g. `Standard_ZRS`, `Standard_GRS`. @default "Standard_ZRS" */
    readonly sku?: pulumi.Input<string>;
    /**
     * Customer-managed key. A user-assigned identity created by the component unwraps it.
     * @default a new Key Vault (purge protection, RBAC, private) and RSA-3072 key, created as children
     */
    readonly customerManagedKey?: CustomerManagedKey;

    /**
     * Loosening: open the storage endpoints to every network. Requests still need Entra ID, but the
     * account can be probed and attacked from anywhere; aiguard flags it
     * (ai-storage-account-network-restricted). @default false
     */
    readonly allowPublicNetworkAccess?: boolean;
    /**
     * Loosening: accept Shared Key (account keys and account SAS), long-lived secrets that grant full
     * access outside Entra ID; aiguard flags it (ai-storage-account-shared-key-disabled). @default false
     */
    readonly allowSharedKeyAccess?: boolean;
    /**
     * Loosening: encrypt with Microsoft-managed keys, so you cannot revoke access to the data by
     * disabling a key; aiguard flags it (ai-storage-account-cmk). Cannot be combined with
     * `customerManagedKey`. @default false
     */
    readonly useMicrosoftManagedKeys?: boolean;
    /** Tags for every child that takes tags; `aiguard:system=ai` is always added. */
    readonly tags?: Readonly<Record<string, string>>;
}
