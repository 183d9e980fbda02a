import type { PolicyDefinition } from "../../core/definition";

export const azurePolicies: readonly PolicyDefinition[] = [];
