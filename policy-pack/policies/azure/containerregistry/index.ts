import type { PolicyDefinition } from "../../../core/definition";
import aiContainerRegistryNetworkRestricted from "./ai-container-registry-network-restricted";
import aiContainerRegistryNoSharedAccess from "./ai-container-registry-no-shared-access";

export const containerregistryPolicies: readonly PolicyDefinition[] = [
    aiContainerRegistryNoSharedAccess,
    aiContainerRegistryNetworkRestricted,
];
