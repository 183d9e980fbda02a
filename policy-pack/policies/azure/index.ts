import type { PolicyDefinition } from "../../core/definition";
import aiAccountPublicNetworkDisabled from "./cognitiveservices/ai-account-public-network-disabled";
import mlWorkspaceCmk from "./machinelearningservices/ml-workspace-cmk";
import aiDiagnosticSettings from "./monitor/ai-diagnostic-settings";
import aiNsgNoInternetInbound from "./network/ai-nsg-no-internet-inbound";

export const azurePolicies: readonly PolicyDefinition[] = [
    mlWorkspaceCmk,
    aiAccountPublicNetworkDisabled,
    aiDiagnosticSettings,
    aiNsgNoInternetInbound,
];
