import type * as pulumi from "@pulumi/pulumi";
import type { CustomerManagedKey } from "../shared/resources";

export type { CustomerManagedKey } from "../shared/resources";

/** A model deployment on the account, bound to the component's strict content-filter (RAI) policy. */
export interface ModelDeployment {
    /** Deployment name, used by callers in the request path. Unique within the account. */
    readonly name: string;
    /** Model name, e.g. `gpt-4o`. */
    readonly model: string;
    /** Model version, pinned: the deployment never upgrades automatically. E.g. `2024-11-20`. */
    readonly version: string;
    /** Model format (publisher family). @default "OpenAI" */
    readonly format?: string;
    /**
     * Capacity in units of 1,000 tokens per minute (Standard SKUs): both quota and rate limit, so it
     * bounds the cost of stolen access. From 1 to 100. @default 10
     */
    readonly capacity?: number;
    /** Deployment SKU, e.g. `Standard`, `GlobalStandard`, `DataZoneStandard`. @default "Standard" */
    readonly sku?: string;
}

export interface AiServicesAccountArgs {
    /** Resource group of the account and its children. */
    readonly resourceGroupName: pulumi.Input<string>;
    /** Region. @default the provider's location */
    readonly location?: pulumi.Input<string>;
    /** `AIServices` (Azure AI Foundry) or `OpenAI`. @default "AIServices" */
    readonly kind?: "AIServices" | "OpenAI";
    /** Account SKU. @default "S0" */
    readonly sku?: pulumi.Input<string>;
    /**
     * Globally unique custom subdomain (`<name>.cognitiveservices.azure.com`), required for private
     * endpoints and Entra ID authentication. Lower-case letters, digits and hyphens, 2 to 64 characters.
     * @default the component name and a hash of organization, project, stack and name (e.g.
     * `assistant-3f2a9c1d`), so each stack gets its own
     */
    readonly customSubDomainName?: string;
    /** Subnet the private endpoint is placed in. */
    readonly subnetId: pulumi.Input<string>;
    /**
     * Private DNS zones for the endpoint's zone group, e.g. the ids of `privatelink.cognitiveservices.azure.com`,
     * `privatelink.openai.azure.com` and (for AIServices) `privatelink.services.ai.azure.com`. At least one.
     */
    readonly privateDnsZoneIds: readonly pulumi.Input<string>[];
    /** Log Analytics workspace that receives all resource logs and metrics. */
    readonly logAnalyticsWorkspaceId: pulumi.Input<string>;
    /** Model deployments, created one after another. @default none */
    readonly deployments?: readonly ModelDeployment[];
    /**
     * Hosts the account may call (e.g. the AI Search and storage endpoints of "on your data").
     * @default none: all outbound calls are blocked
     */
    readonly allowedFqdns?: readonly pulumi.Input<string>[];
    /**
     * Highest content-filter severity threshold: `Low` blocks the most, `Medium` is the Microsoft default.
     * @default "Medium"
     */
    readonly contentFilterThreshold?: "Low" | "Medium";
    /**
     * Customer-managed key for data at rest. A user-assigned identity created by the component unwraps it.
     * @default a new Key Vault (purge protection, RBAC, private) and RSA-2048 key, created as children
     */
    readonly customerManagedKey?: CustomerManagedKey;

    /**
     * Loosening: open the public endpoint to the whole internet (network rules default to Allow). Callers
     * still need Entra ID, but the account can be probed and attacked from anywhere; aiguard flags it
     * (ai-account-public-network-disabled, ai-account-network-acls-deny). Needs `customerManagedKey` or
     * `useMicrosoftManagedKeys`, so that the finding shows at preview. @default false
     */
    readonly allowPublicNetworkAccess?: boolean;
    /**
     * Loosening: accept API keys. Keys are long-lived shared secrets that bypass Entra ID, RBAC and
     * conditional access; aiguard flags it (ai-account-local-auth-disabled). Needs `customerManagedKey`
     * or `useMicrosoftManagedKeys`, so that the finding shows at preview. @default false
     */
    readonly allowLocalAuth?: boolean;
    /**
     * Loosening: let the account call any host, so data connectors can send data anywhere; aiguard
     * flags it (openai-outbound-restricted). Cannot be combined with `allowedFqdns`. Needs
     * `customerManagedKey` or `useMicrosoftManagedKeys`, so that the finding shows at preview. @default false
     */
    readonly allowUnrestrictedOutbound?: boolean;
    /**
     * Loosening: encrypt with Microsoft-managed keys, so you cannot revoke access to the data by
     * disabling a key; aiguard flags it (ai-account-cmk). Cannot be combined with `customerManagedKey`.
     * @default false
     */
    readonly useMicrosoftManagedKeys?: boolean;
    /** Tags for every child that takes tags; `aiguard:system=ai` is always added. */
    readonly tags?: Readonly<Record<string, string>>;
}
