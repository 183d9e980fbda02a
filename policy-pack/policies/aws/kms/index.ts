import type { PolicyDefinition } from "../../../core/definition";

export const kmsPolicies: readonly PolicyDefinition[] = [];
