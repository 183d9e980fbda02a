import type { PolicyDefinition } from "../../../core/definition";

export const authorizationPolicies: readonly PolicyDefinition[] = [];
