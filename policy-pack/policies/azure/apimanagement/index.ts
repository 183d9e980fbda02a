import type { PolicyDefinition } from "../../../core/definition";
import aiApimApiAuthentication from "./ai-apim-api-authentication";
import aiApimGatewayTls from "./ai-apim-gateway-tls";
import aiRateLimits from "./ai-rate-limits";
import aoaiPromptLoggingViaGateway from "./aoai-prompt-logging-via-gateway";

export const apimanagementPolicies: readonly PolicyDefinition[] = [
    aoaiPromptLoggingViaGateway,
    aiRateLimits,
    aiApimApiAuthentication,
    aiApimGatewayTls,
];
