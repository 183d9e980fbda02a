import type { PolicyDefinition } from "../../../core/definition";

export const searchPolicies: readonly PolicyDefinition[] = [];
