import type { PolicyDefinition } from "../../../core/definition";
import aiBucketPolicyNoPublicPrincipal from "./ai-bucket-policy-no-public-principal";
import aiBucketPublicAccessBlocked from "./ai-bucket-public-access-blocked";
import aiBucketSseKms from "./ai-bucket-sse-kms";
import aiBucketTlsOnly from "./ai-bucket-tls-only";
import aiBucketVersioning from "./ai-bucket-versioning";

export const s3Policies: readonly PolicyDefinition[] = [
    aiBucketPublicAccessBlocked,
    aiBucketSseKms,
    aiBucketPolicyNoPublicPrincipal,
    aiBucketTlsOnly,
    aiBucketVersioning,
];
