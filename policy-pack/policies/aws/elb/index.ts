import type { PolicyDefinition } from "../../../core/definition";
import aiLbFrontDoorLoggingWaf from "./ai-lb-front-door-logging-waf";
import aiLbListenerTls from "./ai-lb-listener-tls";

export const elbPolicies: readonly PolicyDefinition[] = [aiLbListenerTls, aiLbFrontDoorLoggingWaf];
