import type { PolicyDefinition } from "../../../core/definition";
import aiAppServiceAuth from "./ai-app-service-auth";
import aiAppServiceHttpsTls from "./ai-app-service-https-tls";

export const webPolicies: readonly PolicyDefinition[] = [aiAppServiceHttpsTls, aiAppServiceAuth];
