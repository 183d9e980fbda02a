import type { PolicyDefinition } from "../../../core/definition";
import aiServicesDataOptOut from "./ai-services-data-opt-out";

export const organizationsPolicies: readonly PolicyDefinition[] = [aiServicesDataOptOut];
