import type { PolicyDefinition } from "../../../core/definition";

export const kendraPolicies: readonly PolicyDefinition[] = [];
