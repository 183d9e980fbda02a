import type { PolicyDefinition } from "../../../core/definition";
import aiKeyVaultNetworkRestricted from "./ai-key-vault-network-restricted";
import aiKeyVaultPurgeProtection from "./ai-key-vault-purge-protection";
import aiKeyVaultRbacAuthorization from "./ai-key-vault-rbac-authorization";

export const keyvaultPolicies: readonly PolicyDefinition[] = [
    aiKeyVaultPurgeProtection,
    aiKeyVaultNetworkRestricted,
    aiKeyVaultRbacAuthorization,
];
