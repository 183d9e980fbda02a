import type { PolicyDefinition } from "../../../core/definition";
import aiAccountCmk from "./ai-account-cmk";
import aiAccountLocalAuthDisabled from "./ai-account-local-auth-disabled";
import aiAccountManagedIdentity from "./ai-account-managed-identity";
import aiAccountNetworkAclsDeny from "./ai-account-network-acls-deny";
import aiAccountPublicNetworkDisabled from "./ai-account-public-network-disabled";
import aiAccountUserOwnedStorage from "./ai-account-user-owned-storage";
import aiDeploymentApprovedModels from "./ai-deployment-approved-models";
import aiDeploymentCapacityCapped from "./ai-deployment-capacity-capped";
import aiDeploymentModelVersionPinned from "./ai-deployment-model-version-pinned";
import foundryManagedNetworkApprovedOutbound from "./foundry-managed-network-approved-outbound";
import openaiDeploymentContentFilter from "./openai-deployment-content-filter";
import openaiOutboundRestricted from "./openai-outbound-restricted";
import raiPolicyStrict from "./rai-policy-strict";

export const cognitiveservicesPolicies: readonly PolicyDefinition[] = [
    aiAccountCmk,
    aiAccountLocalAuthDisabled,
    aiAccountManagedIdentity,
    aiAccountNetworkAclsDeny,
    aiAccountPublicNetworkDisabled,
    aiAccountUserOwnedStorage,
    aiDeploymentApprovedModels,
    aiDeploymentCapacityCapped,
    aiDeploymentModelVersionPinned,
    foundryManagedNetworkApprovedOutbound,
    openaiDeploymentContentFilter,
    openaiOutboundRestricted,
    raiPolicyStrict,
];
