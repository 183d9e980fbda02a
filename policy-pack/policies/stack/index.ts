import type { PolicyDefinition } from "../../core/definition";
import aiBridgesBusinessSystems from "./ai-bridges-business-systems";
import aiToBusinessPath from "./ai-to-business-path";
import businessReachesAiManagementPlane from "./business-reaches-ai-management-plane";

/** Policies on the stack graph: paths across networks and identities, whatever the cloud. */
export const stackGraphPolicies: readonly PolicyDefinition[] = [
    aiToBusinessPath,
    aiBridgesBusinessSystems,
    businessReachesAiManagementPlane,
];
