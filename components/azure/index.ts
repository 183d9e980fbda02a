// `aiguard/azure`: the hardened Azure components. Needs only @pulumi/azure-native and @pulumi/pulumi.

export { ArgumentError } from "../shared/validation";
export { AiGateway, type AiGatewayArgs, type GatewaySku, gatewayPolicy, validateAiGatewayArgs } from "./ai-gateway";
export { AiModelStorage, type AiModelStorageArgs, validateAiModelStorageArgs } from "./ai-model-storage";
export {
    AiNetworkFoundation,
    type AiNetworkFoundationArgs,
    type GatewayNetworkMode,
    type PrivateLinkService,
    serviceZones,
    validateAiNetworkFoundationArgs,
} from "./ai-network-foundation";
export {
    AiServicesAccount,
    type AiServicesAccountArgs,
    type ModelDeployment,
    maxDeploymentCapacity,
    validateAiServicesAccountArgs,
} from "./ai-services-account";
export {
    ManagedOnlineEndpoint,
    type ManagedOnlineEndpointArgs,
    validateManagedOnlineEndpointArgs,
} from "./managed-online-endpoint";
export { MlWorkspace, type MlWorkspaceArgs, validateMlWorkspaceArgs } from "./ml-workspace";
export {
    PrivateAiSearch,
    type PrivateAiSearchArgs,
    type SearchSku,
    validatePrivateAiSearchArgs,
} from "./private-ai-search";
export type { CustomerManagedKey } from "./shared/resources";
