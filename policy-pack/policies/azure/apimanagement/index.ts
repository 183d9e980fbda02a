import type { PolicyDefinition } from "../../../core/definition";

export const apimanagementPolicies: readonly PolicyDefinition[] = [];
