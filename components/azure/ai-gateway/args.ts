import type * as pulumi from "@pulumi/pulumi";
import type { GatewayNetworkMode } from "../ai-network-foundation/args";

export type { GatewayNetworkMode } from "../ai-network-foundation/args";

/** API Management tiers the gateway runs on, by network mode. */
export type GatewaySku = "Developer" | "Premium" | "StandardV2";

/** A caller network that enters the gateway through a private endpoint of its own. */
export interface GatewayCaller {
    /** Subnet of the caller that holds the endpoint. */
    readonly subnetId: pulumi.Input<string>;
    /** Resource group of the caller's network; the endpoint is created there, with the caller's resources. */
    readonly resourceGroupName: pulumi.Input<string>;
    /** Tags of the endpoint. It belongs to the caller, so it does not get the AI system's tag. @default none */
    readonly tags?: Readonly<Record<string, string>>;
}

export interface AiGatewayArgs {
    /** Resource group of the API Management service and its children. */
    readonly resourceGroupName: pulumi.Input<string>;
    /** Region. @default the provider's location */
    readonly location?: pulumi.Input<string>;
    /** Publisher e-mail, required by API Management (system notifications go there). */
    readonly publisherEmail: pulumi.Input<string>;
    /** Publisher (organization) name, required by API Management. */
    readonly publisherName: pulumi.Input<string>;
    /**
     * `internal`: injected into `subnetId` in internal mode, reachable only from that network (and
     * networks routed to it). `private-endpoint`: integrated with `subnetId` for its calls to the
     * model, entered only through private endpoints in the `callers` networks, which keeps business
     * networks off the AI network. Must match `AiNetworkFoundation.gateway`. @default "internal"
     */
    readonly network?: GatewayNetworkMode;
    /** The gateway subnet (`AiNetworkFoundation.gatewaySubnetId`). */
    readonly subnetId: pulumi.Input<string>;
    /**
     * Tier. `internal`: `Developer` (no SLA, one unit, for non-production) or `Premium` (SLA, zones,
     * scale-out). `private-endpoint`: `StandardV2`. @default "Developer" (internal), "StandardV2" (private-endpoint)
     */
    readonly sku?: GatewaySku;
    /** Scale units, from 1 to 10 (`Developer`: 1). Each unit is billed per hour. @default 1 */
    readonly capacity?: number;
    /**
     * Callers (e.g. business applications) that get a private endpoint to the gateway in their own
     * subnet, only with `network: "private-endpoint"`. They resolve the gateway host through the
     * `privatelink.azure-api.net` zone of their own network. @default none
     */
    readonly callers?: readonly GatewayCaller[];
    /** Resource id of the Azure OpenAI / AI Services account behind the gateway (`AiServicesAccount.accountId`). */
    readonly aiAccountId: pulumi.Input<string>;
    /** Endpoint of that account, e.g. `https://x.cognitiveservices.azure.com/` (`AiServicesAccount.endpoint`). */
    readonly aiEndpoint: pulumi.Input<string>;
    /** Path of the API on the gateway: clients call `<gateway>/<apiPath>/deployments/...`. @default "openai" */
    readonly apiPath?: string;
    /** Log Analytics workspace for the gateway's logs, including prompts and completions. */
    readonly logAnalyticsWorkspaceId: pulumi.Input<string>;
    /** Tokens per minute per subscription (prompt and completion), from 100 to 1,000,000. @default 10000 */
    readonly tokensPerMinute?: number;
    /** Requests per minute per subscription, from 1 to 10,000. @default 60 */
    readonly callsPerMinute?: number;
    /**
     * Bytes of each request and response body logged (the prompt and the completion), from 1 to 8192,
     * the API Management maximum. @default 8192
     */
    readonly logBodyBytes?: number;
    /** Tags for every child that takes tags (caller endpoints aside); `aiguard:system=ai` is always added. */
    readonly tags?: Readonly<Record<string, string>>;
}
