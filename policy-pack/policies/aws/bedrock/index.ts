import type { PolicyDefinition } from "../../../core/definition";

export const bedrockPolicies: readonly PolicyDefinition[] = [];
