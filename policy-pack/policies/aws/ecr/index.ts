import type { PolicyDefinition } from "../../../core/definition";
import modelImageRepoImmutableTags from "./model-image-repo-immutable-tags";
import modelImageRepoKms from "./model-image-repo-kms";
import modelImageRepoPolicyNotPublic from "./model-image-repo-policy-not-public";
import modelImageRepoScanOnPush from "./model-image-repo-scan-on-push";

export const ecrPolicies: readonly PolicyDefinition[] = [
    modelImageRepoScanOnPush,
    modelImageRepoImmutableTags,
    modelImageRepoKms,
    modelImageRepoPolicyNotPublic,
];
