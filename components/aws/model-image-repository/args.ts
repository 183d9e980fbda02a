import type * as pulumi from "@pulumi/pulumi";

export interface ModelImageRepositoryArgs {
    /**
     * ARN of a customer managed KMS key for the images, in the provider's region; it cannot be
     * changed once the repository exists.
     * @default a new key with rotation on and a 30-day deletion window, created as a child
     */
    readonly kmsKeyArn?: pulumi.Input<string>;
    /**
     * IAM principals allowed to pull (account root, role or user ARNs, or 12-digit account ids). `*`
     * is refused. ARNs unknown during preview (a role created in the same program) leave
     * model-image-repo-policy-not-public to `pulumi up`.
     * @default the provider's account
     */
    readonly pullPrincipals?: readonly pulumi.Input<string>[];
    /** IAM principals allowed to push (CI roles), in the same forms as pullPrincipals. @default none */
    readonly pushPrincipals?: readonly pulumi.Input<string>[];
    /** Days after which an untagged image (a layer set no tag points at) expires, 1 to 3650. @default 14 */
    readonly untaggedExpiryDays?: number;
    /**
     * Keep at most this many images, tagged or not, expiring the oldest beyond it (1 to 10000). An
     * expired image that a model still names can no longer be pulled. @default no limit
     */
    readonly maxImages?: number;
    /**
     * Let a pushed tag be moved to another image. Costs provenance: a deployed tag can be swapped
     * under a running model; flagged by model-image-repo-immutable-tags unless every consumer pins
     * the image by digest. @default false
     */
    readonly mutableTags?: boolean;
    /** Let `pulumi destroy` delete a repository that still holds images. @default false */
    readonly forceDelete?: boolean;
    /** Tags for every child; `aiguard:system=ai` is always added so the pack judges the repository. */
    readonly tags?: Readonly<Record<string, string>>;
}
