import type { PolicyDefinition } from "../../../core/definition";

export const comprehendPolicies: readonly PolicyDefinition[] = [];
