// `aiguard/azure`: the hardened Azure components. Needs only @pulumi/azure-native and @pulumi/pulumi.

export { ArgumentError } from "../shared/validation";
export { AiModelStorage, type AiModelStorageArgs, validateAiModelStorageArgs } from "./ai-model-storage";
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
export type { CustomerManagedKey } from "./shared/resources";
