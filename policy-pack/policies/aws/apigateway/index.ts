import type { PolicyDefinition } from "../../../core/definition";

export const apigatewayPolicies: readonly PolicyDefinition[] = [];
