import type { PolicyDefinition } from "../../core/definition";
import aiConfigNoPlaintextSecrets from "./ai-config-no-plaintext-secrets";

/** Policies that judge AWS and Azure resources alike. */
export const anyCloudPolicies: readonly PolicyDefinition[] = [aiConfigNoPlaintextSecrets];
