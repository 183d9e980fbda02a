import type { PolicyDefinition } from "../../../core/definition";

export const cloudtrailPolicies: readonly PolicyDefinition[] = [];
