import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { ArgumentError, aiTags, requireRange, validateFor } from "../../shared/validation";
import { requireKmsKeyArn } from "../shared/arns";
import { customerKey } from "../shared/customer-key";
import { awsPlace } from "../shared/place";
import type { ModelImageRepositoryArgs } from "./args";
import { accountRoot, lifecyclePolicy, repositoryPolicy } from "./documents";

export type { ModelImageRepositoryArgs } from "./args";

const type = "aiguard:aws:ModelImageRepository";

/** ECR's repository name grammar (lowercase, `/`-separated path components). */
const repositoryName = /^(?:[a-z0-9]+(?:[._-][a-z0-9]+)*\/)*[a-z0-9]+(?:[._-][a-z0-9]+)*$/;

/** An account root, role or user ARN, or an account id; never a wildcard. */
const principalShape = /^(\d{12}|arn:aws[a-z-]*:iam::\d{12}:(root|role\/[\w+=,.@/-]+|user\/[\w+=,.@/-]+))$/;

function requirePrincipals(argument: string, principals: readonly pulumi.Input<string>[] | undefined): void {
    if (principals === undefined) {
        return;
    }
    if (principals.length === 0) {
        throw new ArgumentError(type, argument, "is empty; allowed: at least one principal, or leave it out");
    }
    for (const [i, p] of principals.entries()) {
        if (typeof p === "string" && (p.includes("*") || !principalShape.test(p))) {
            throw new ArgumentError(
                type,
                `${argument}[${i}]`,
                `is '${p}'; allowed: an account id or an IAM account root, role or user ARN, without wildcards`,
            );
        }
    }
}

/** Checks every argument that is known at construction. Exported for tests. */
export function validateModelImageRepositoryArgs(args: ModelImageRepositoryArgs, name = "model-server"): void {
    // The repository is auto-named from the component's name plus a suffix, so the name must fit ECR.
    if (name.length > 240 || !repositoryName.test(name)) {
        throw new ArgumentError(
            type,
            "(instance)",
            `is '${name}'; allowed: an ECR repository name of lowercase letters, digits and . _ - / separators, e.g. 'fraud/model-server'`,
        );
    }
    requireKmsKeyArn(type, "kmsKeyArn", args.kmsKeyArn);
    requirePrincipals("pullPrincipals", args.pullPrincipals);
    requirePrincipals("pushPrincipals", args.pushPrincipals);
    if (args.untaggedExpiryDays !== undefined) {
        requireRange(type, "untaggedExpiryDays", args.untaggedExpiryDays, 1, 3650);
    }
    if (args.maxImages !== undefined) {
        requireRange(type, "maxImages", args.maxImages, 1, 10000);
    }
}

/**
 * An ECR repository for model-serving images: immutable tags, scan on push, images encrypted under
 * a customer managed key, a lifecycle policy that expires untagged images, a repository policy that
 * names its principals, and the AI tag so the pack judges it even before a model references it.
 * Pull-through cache rules and replication are registry-wide and not offered: no policy vets what
 * an upstream registry or a replica would bring in.
 */
export class ModelImageRepository extends pulumi.ComponentResource {
    readonly repository: aws.ecr.Repository;
    readonly repositoryPolicy: aws.ecr.RepositoryPolicy;
    readonly lifecyclePolicy: aws.ecr.LifecyclePolicy;
    readonly repositoryName: pulumi.Output<string>;
    readonly repositoryArn: pulumi.Output<string>;
    readonly repositoryUrl: pulumi.Output<string>;
    readonly kmsKeyArn: pulumi.Output<string>;

    constructor(name: string, args: ModelImageRepositoryArgs = {}, opts?: pulumi.ComponentResourceOptions) {
        super(type, name, {}, opts);
        validateFor(name, () => validateModelImageRepositoryArgs(args, name));
        const tags = aiTags(args.tags);
        const place = awsPlace(this);
        this.kmsKeyArn = customerKey(this, type, name, args.kmsKeyArn, place, `the ${name} image repository`, tags);
        this.repository = new aws.ecr.Repository(
            name,
            {
                imageTagMutability: args.mutableTags === true ? "MUTABLE" : "IMMUTABLE",
                imageScanningConfiguration: { scanOnPush: true },
                encryptionConfigurations: [{ encryptionType: "KMS", kmsKey: this.kmsKeyArn }],
                forceDelete: args.forceDelete ?? false,
                tags,
            },
            { parent: this },
        );
        const repoOpts = { parent: this.repository };
        this.lifecyclePolicy = new aws.ecr.LifecyclePolicy(
            `${name}-lifecycle`,
            {
                repository: this.repository.name,
                policy: lifecyclePolicy(args.untaggedExpiryDays ?? 14, args.maxImages),
            },
            repoOpts,
        );
        this.repositoryPolicy = new aws.ecr.RepositoryPolicy(
            `${name}-access`,
            {
                repository: this.repository.name,
                policy: repositoryPolicy(args.pullPrincipals ?? [accountRoot(place.partition, place.accountId)], [
                    ...(args.pushPrincipals ?? []),
                ]),
            },
            repoOpts,
        );
        this.repositoryName = this.repository.name;
        this.repositoryArn = this.repository.arn;
        this.repositoryUrl = this.repository.repositoryUrl;
        this.registerOutputs({
            repositoryName: this.repositoryName,
            repositoryArn: this.repositoryArn,
            repositoryUrl: this.repositoryUrl,
            kmsKeyArn: this.kmsKeyArn,
        });
    }

    /** The image reference for a tag, or for a digest (`sha256:...`), which pins the exact image. */
    image(tagOrDigest: string): pulumi.Output<string> {
        const separator = tagOrDigest.startsWith("sha256:") ? "@" : ":";
        return pulumi.interpolate`${this.repositoryUrl}${separator}${tagOrDigest}`;
    }
}
