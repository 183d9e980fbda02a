import type { PolicyDefinition } from "../../../core/definition";
import aiSgNoPublicIngress from "./ai-sg-no-public-ingress";

export const ec2Policies: readonly PolicyDefinition[] = [aiSgNoPublicIngress];
