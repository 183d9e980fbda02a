import type { PolicyDefinition } from "../../../core/definition";
import aiApiGatewayRestAccessLogs from "./ai-api-gateway-rest-access-logs";
import aiApiGatewayRestExecutionLogging from "./ai-api-gateway-rest-execution-logging";
import aiApiGatewayRestNoPayloadTrace from "./ai-api-gateway-rest-no-payload-trace";
import aiApiPrivateOrWaf from "./ai-api-private-or-waf";
import aiApiRateLimiting from "./ai-api-rate-limiting";
import aiApiRestMethodAuthorization from "./ai-api-rest-method-authorization";

export const apigatewayPolicies: readonly PolicyDefinition[] = [
    aiApiGatewayRestAccessLogs,
    aiApiGatewayRestNoPayloadTrace,
    aiApiGatewayRestExecutionLogging,
    aiApiRestMethodAuthorization,
    aiApiRateLimiting,
    aiApiPrivateOrWaf,
];
