import type { PolicyDefinition } from "../../../core/definition";

export const ecrPolicies: readonly PolicyDefinition[] = [];
