import type { PolicyDefinition } from "../../../core/definition";
import aiKmsKeyHygiene from "./ai-kms-key-hygiene";
import aiKmsKeyPolicyNotPublic from "./ai-kms-key-policy-not-public";

export const kmsPolicies: readonly PolicyDefinition[] = [aiKmsKeyHygiene, aiKmsKeyPolicyNotPublic];
