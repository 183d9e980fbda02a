import type { PolicyDefinition } from "../../../core/definition";
import aiContainerAppIngress from "./ai-container-app-ingress";

export const appPolicies: readonly PolicyDefinition[] = [aiContainerAppIngress];
