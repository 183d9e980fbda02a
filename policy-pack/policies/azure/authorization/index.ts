import type { PolicyDefinition } from "../../../core/definition";
import aiIdentityLeastPrivilege from "./ai-identity-least-privilege";

export const authorizationPolicies: readonly PolicyDefinition[] = [aiIdentityLeastPrivilege];
