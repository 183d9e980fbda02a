import type { PolicyDefinition } from "../../../core/definition";

export const containerregistryPolicies: readonly PolicyDefinition[] = [];
