import type { PolicyDefinition } from "../../../core/definition";
import searchCmk from "./search-cmk";
import searchIpRulesRestricted from "./search-ip-rules-restricted";
import searchLocalAuthDisabled from "./search-local-auth-disabled";
import searchManagedIdentity from "./search-managed-identity";
import searchPublicNetworkDisabled from "./search-public-network-disabled";
import searchReplicasSla from "./search-replicas-sla";

export const searchPolicies: readonly PolicyDefinition[] = [
    searchCmk,
    searchIpRulesRestricted,
    searchLocalAuthDisabled,
    searchManagedIdentity,
    searchPublicNetworkDisabled,
    searchReplicasSla,
];
