import type { PolicyDefinition } from "../../core/definition";
import { apimanagementPolicies } from "./apimanagement";
import { appPolicies } from "./app";
import { authorizationPolicies } from "./authorization";
import { cognitiveservicesPolicies } from "./cognitiveservices";
import { computePolicies } from "./compute";
import { containerregistryPolicies } from "./containerregistry";
import { containerservicePolicies } from "./containerservice";
import { keyvaultPolicies } from "./keyvault";
import { machinelearningservicesPolicies } from "./machinelearningservices";
import { monitorPolicies } from "./monitor";
import { networkPolicies } from "./network";
import { searchPolicies } from "./search";
import { storagePolicies } from "./storage";
import { webPolicies } from "./web";

export const azurePolicies: readonly PolicyDefinition[] = [
    ...cognitiveservicesPolicies,
    ...machinelearningservicesPolicies,
    ...monitorPolicies,
    ...networkPolicies,
    ...searchPolicies,
    ...storagePolicies,
    ...keyvaultPolicies,
    ...containerregistryPolicies,
    ...authorizationPolicies,
    ...apimanagementPolicies,
    ...webPolicies,
    ...appPolicies,
    ...containerservicePolicies,
    ...computePolicies,
];
