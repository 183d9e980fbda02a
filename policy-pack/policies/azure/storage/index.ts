import type { PolicyDefinition } from "../../../core/definition";

export const storagePolicies: readonly PolicyDefinition[] = [];
