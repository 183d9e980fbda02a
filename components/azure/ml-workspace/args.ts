import type * as pulumi from "@pulumi/pulumi";
import type { CustomerManagedKey } from "../shared/resources";

export type { CustomerManagedKey } from "../shared/resources";

export interface MlWorkspaceArgs {
    /** Resource group of the workspace and its children. */
    readonly resourceGroupName: pulumi.Input<string>;
    /** Region. @default the provider's location */
    readonly location?: pulumi.Input<string>;
    /** Subnet of the workspace's inbound private endpoint. */
    readonly subnetId: pulumi.Input<string>;
    /**
     * Private DNS zones for the endpoint's zone group: the ids of `privatelink.api.azureml.ms` and
     * `privatelink.notebooks.azure.net`. At least one.
     */
    readonly privateDnsZoneIds: readonly pulumi.Input<string>[];
    /** Log Analytics workspace for all resource logs and metrics, and the workspace's Application Insights. */
    readonly logAnalyticsWorkspaceId: pulumi.Input<string>;
    /**
     * Customer-managed key for the workspace and its storage account. The workspace's user-assigned
     * identity unwraps it.
     * @default a key (RSA-3072, rotated every 90 days) in the workspace's own Key Vault
     */
    readonly customerManagedKey?: CustomerManagedKey;
    /**
     * High business impact: Microsoft collects less diagnostic data, and aiguard requires the workspace
     * storage to be private (ml-hbi-workspace-storage-private). Set at creation only. @default true
     */
    readonly highBusinessImpact?: boolean;
    /** Workspace display name. @default the component name */
    readonly friendlyName?: pulumi.Input<string>;

    /**
     * Loosening: open the workspace (studio, APIs) to the internet. Credentials are still required, but
     * the workspace can be probed and attacked from anywhere; aiguard flags it
     * (ml-workspace-public-network-disabled). @default false
     */
    readonly allowPublicNetworkAccess?: boolean;
    /**
     * Loosening: the managed network allows all internet egress from compute instead of approved
     * outbound rules only, which opens exfiltration paths for data and models; aiguard flags it
     * (ml-workspace-managed-network-approved-outbound). @default false
     */
    readonly allowInternetOutbound?: boolean;
    /**
     * Loosening: the workspace reaches its storage with account keys (datastores in AccessKey mode and
     * Shared Key enabled on the storage account). Keys are long-lived shared secrets outside Entra ID;
     * aiguard flags it (ml-workspace-identity-datastore-auth, ai-storage-account-shared-key-disabled).
     * @default false
     */
    readonly allowStorageAccountKeys?: boolean;
    /**
     * Loosening: the workspace and its storage use Microsoft-managed keys, so you cannot revoke access
     * to the data by disabling a key; aiguard flags it (ml-workspace-cmk, ai-storage-account-cmk).
     * Cannot be combined with `customerManagedKey`. @default false
     */
    readonly useMicrosoftManagedKeys?: boolean;
    /** Tags for every child that takes tags; `aiguard:system=ai` is always added. */
    readonly tags?: Readonly<Record<string, string>>;
}
