import type { PolicyDefinition } from "../../../core/definition";

export const apigatewayv2Policies: readonly PolicyDefinition[] = [];
