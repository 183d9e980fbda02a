import type { PolicyDefinition } from "../../../core/definition";
import aiAksLocalAccountsDisabled from "./ai-aks-local-accounts-disabled";
import aiAksManagedIdentity from "./ai-aks-managed-identity";
import aiAksNodeNoPublicIp from "./ai-aks-node-no-public-ip";
import aiAksPrivateApi from "./ai-aks-private-api";

export const containerservicePolicies: readonly PolicyDefinition[] = [
    aiAksPrivateApi,
    aiAksNodeNoPublicIp,
    aiAksManagedIdentity,
    aiAksLocalAccountsDisabled,
];
