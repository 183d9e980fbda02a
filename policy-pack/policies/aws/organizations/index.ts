import type { PolicyDefinition } from "../../../core/definition";

export const organizationsPolicies: readonly PolicyDefinition[] = [];
