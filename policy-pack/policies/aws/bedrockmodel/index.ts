import type { PolicyDefinition } from "../../../core/definition";

export const bedrockmodelPolicies: readonly PolicyDefinition[] = [];
