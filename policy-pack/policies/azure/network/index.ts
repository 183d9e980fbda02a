import type { PolicyDefinition } from "../../../core/definition";
import aiAccountPrivateEndpoint from "./ai-account-private-endpoint";
import aiNsgEgressRestricted from "./ai-nsg-egress-restricted";
import aiNsgNoInternetInbound from "./ai-nsg-no-internet-inbound";
import aiVnetPeeringSegmented from "./ai-vnet-peering-segmented";
import mlWorkspacePrivateLink from "./ml-workspace-private-link";
import searchPrivateLink from "./search-private-link";

export const networkPolicies: readonly PolicyDefinition[] = [
    aiNsgNoInternetInbound,
    aiNsgEgressRestricted,
    aiVnetPeeringSegmented,
    aiAccountPrivateEndpoint,
    mlWorkspacePrivateLink,
    searchPrivateLink,
];
