import type { PolicyDefinition } from "../../../core/definition";
import aiBucketPublicAccessBlocked from "./ai-bucket-public-access-blocked";
import aiBucketSseKms from "./ai-bucket-sse-kms";

export const s3Policies: readonly PolicyDefinition[] = [aiBucketPublicAccessBlocked, aiBucketSseKms];
