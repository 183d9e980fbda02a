import type * as pulumi from "@pulumi/pulumi";

/** AI services whose private DNS zones the foundation creates and links to its network. */
export type PrivateLinkService = "aiServices" | "mlWorkspace" | "blob" | "vault" | "search" | "acr";

export const privateLinkServices: readonly PrivateLinkService[] = [
    "aiServices",
    "mlWorkspace",
    "blob",
    "vault",
    "search",
    "acr",
];

/**
 * How an `AiGateway` joins the network, which decides its subnet: `internal` (classic Developer or
 * Premium tier injected into the subnet, reachable only from inside the network) or
 * `private-endpoint` (Standard v2 integrated with the subnet for its outbound calls, entered by
 * callers through private endpoints in their own networks; the subnet is delegated to
 * Microsoft.Web/serverFarms).
 */
export type GatewayNetworkMode = "internal" | "private-endpoint";

export interface AiNetworkFoundationArgs {
    /** Resource group of the network and its DNS zones. */
    readonly resourceGroupName: pulumi.Input<string>;
    /** Region of the virtual network. @default the provider's location */
    readonly location?: pulumi.Input<string>;
    /**
     * Address space of the virtual network, an IPv4 range from /16 to /22. The first three /24 ranges
     * become the subnets for private endpoints, compute and the gateway. @default "10.40.0.0/16"
     */
    readonly addressSpace?: string;
    /**
     * Services that get a private DNS zone linked to the network: `aiServices` (openai,
     * cognitiveservices, services.ai), `mlWorkspace` (api.azureml.ms, notebooks), `blob`, `vault`,
     * `search`, `acr`. @default all of them
     */
    readonly services?: readonly PrivateLinkService[];
    /** Adds a subnet for an `AiGateway` in that network mode. @default none: no gateway subnet */
    readonly gateway?: GatewayNetworkMode;
    /** Tags for every child that takes tags; `aiguard:system=ai` is always added. */
    readonly tags?: Readonly<Record<string, string>>;
}
