import type { PolicyDefinition } from "../../../core/definition";
import aiAccountPublicNetworkDisabled from "./ai-account-public-network-disabled";

export const cognitiveservicesPolicies: readonly PolicyDefinition[] = [aiAccountPublicNetworkDisabled];
