import type { PolicyDefinition } from "../../../core/definition";
import aiApiGatewayV2AccessLogs from "./ai-api-gateway-v2-access-logs";
import aiApiGatewayV2NoPayloadTrace from "./ai-api-gateway-v2-no-payload-trace";
import aiApiV2RouteAuthorization from "./ai-api-v2-route-authorization";

export const apigatewayv2Policies: readonly PolicyDefinition[] = [
    aiApiGatewayV2AccessLogs,
    aiApiGatewayV2NoPayloadTrace,
    aiApiV2RouteAuthorization,
];
