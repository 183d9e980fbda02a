import type { PolicyDefinition } from "../../../core/definition";
import aiRateLimits from "./ai-rate-limits";
import aoaiPromptLoggingViaGateway from "./aoai-prompt-logging-via-gateway";

export const apimanagementPolicies: readonly PolicyDefinition[] = [aoaiPromptLoggingViaGateway, aiRateLimits];
