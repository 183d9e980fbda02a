import type * as pulumi from "@pulumi/pulumi";

/** Billable Azure AI Search tiers: all support Private Link and customer-managed key enforcement. */
export type SearchSku =
    | "basic"
    | "standard"
    | "standard2"
    | "standard3"
    | "storage_optimized_l1"
    | "storage_optimized_l2";

export interface PrivateAiSearchArgs {
    /** Resource group of the search service and its children. */
    readonly resourceGroupName: pulumi.Input<string>;
    /** Region. @default the provider's location */
    readonly location?: pulumi.Input<string>;
    /**
     * Tier. The `free` tier has no Private Link and no customer-managed key enforcement and is refused.
     * `basic` holds 15 indexes and 2 GB per partition; `standard` (S1) 50 indexes and 160 GB. @default "basic"
     */
    readonly sku?: SearchSku;
    /**
     * Replicas, from 1 to 12 (`basic`: at most 3). Two give the read (query) SLA, three the read-write
     * SLA; each replica is billed as one search unit. Fewer than 2 is flagged by search-replicas-sla.
     * @default 2
     */
    readonly replicaCount?: number;
    /** Partitions (storage and indexing throughput): 1, 2, 3, 4, 6 or 12 (`basic`: 1). @default 1 */
    readonly partitionCount?: number;
    /** Subnet the private endpoint is placed in. */
    readonly subnetId: pulumi.Input<string>;
    /** Private DNS zones for the endpoint's zone group: the id of `privatelink.search.windows.net`. At least one. */
    readonly privateDnsZoneIds: readonly pulumi.Input<string>[];
    /** Log Analytics workspace that receives all resource logs (queries, indexing) and metrics. */
    readonly logAnalyticsWorkspaceId: pulumi.Input<string>;
    /** Semantic ranker plan: `disabled`, `free` (1,000 requests a month) or `standard` (billed per 1,000). @default "disabled" */
    readonly semanticSearch?: "disabled" | "free" | "standard";

    /**
     * Loosening: open the public endpoint to every address. Callers still need Entra ID, but the
     * index can be probed from anywhere; aiguard flags it (search-public-network-disabled,
     * search-ip-rules-restricted). @default false
     */
    readonly allowPublicNetworkAccess?: boolean;
    /**
     * Loosening: accept API keys beside Entra ID. Admin keys are long-lived secrets with full control
     * of every index; aiguard flags it (search-local-auth-disabled). @default false
     */
    readonly allowApiKeys?: boolean;
    /**
     * Loosening: do not enforce customer-managed keys, so indexes, synonym maps, indexers and data
     * sources may be created without one; aiguard flags it (search-cmk). Enforcement needs every such
     * object to be created with an `encryptionKey` (data-plane work outside Pulumi). @default false
     */
    readonly allowObjectsWithoutCmk?: boolean;
    /** Tags for every child that takes tags; `aiguard:system=ai` is always added. */
    readonly tags?: Readonly<Record<string, string>>;
}
