import type { PolicyDefinition } from "../../../core/definition";
import aiNsgNoInternetInbound from "./ai-nsg-no-internet-inbound";

export const networkPolicies: readonly PolicyDefinition[] = [aiNsgNoInternetInbound];
