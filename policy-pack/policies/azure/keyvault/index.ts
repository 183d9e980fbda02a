import type { PolicyDefinition } from "../../../core/definition";

export const keyvaultPolicies: readonly PolicyDefinition[] = [];
