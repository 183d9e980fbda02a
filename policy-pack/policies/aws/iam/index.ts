import type { PolicyDefinition } from "../../../core/definition";

export const iamPolicies: readonly PolicyDefinition[] = [];
