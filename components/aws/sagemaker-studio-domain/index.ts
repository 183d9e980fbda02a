import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { ArgumentError, aiTags, requireOneOf, validateFor } from "../../shared/validation";
import { requireKmsKeyArn } from "../shared/arns";
import { customerKey } from "../shared/customer-key";
import { awsPlace } from "../shared/place";
import { requireSageMakerName } from "../shared/sagemaker-names";
import { sagemakerRole } from "../shared/sagemaker-role";
import { validateStoreAccess } from "../shared/store-access";
import type { SageMakerStudioDomainArgs } from "./args";
import { studioSecurityGroup } from "./security-group";

export type { SageMakerStudioDomainArgs, StudioUserProfile } from "./args";

const type = "aiguard:aws:SageMakerStudioDomain";

/** Checks every argument that is known at construction. Exported for tests. */
export function validateSageMakerStudioDomainArgs(args: SageMakerStudioDomainArgs, name = "studio"): void {
    if (args.network === undefined || args.network === null) {
        throw new ArgumentError(type, "network", "is missing; allowed: a PrivateAiNetwork");
    }
    if (args.domainName !== undefined) {
        requireSageMakerName(type, "domainName", args.domainName, "research-studio");
    } else {
        // The domain takes the component's name when domainName is not given.
        requireSageMakerName(type, "(instance)", name, "research-studio");
    }
    const authMode = requireOneOf(type, "authMode", args.authMode ?? "SSO", ["SSO", "IAM"]);
    requireKmsKeyArn(type, "kmsKeyArn", args.kmsKeyArn);
    const seen = new Set<string>();
    for (const [i, p] of (args.userProfiles ?? []).entries()) {
        requireSageMakerName(type, `userProfiles[${i}].name`, p.name, "data-scientist");
        if (seen.has(p.name)) {
            throw new ArgumentError(type, `userProfiles[${i}].name`, `is '${p.name}' again; allowed: distinct names`);
        }
        seen.add(p.name);
        if (authMode === "SSO" && (p.ssoUserName === undefined || p.ssoUserName.trim() === "")) {
            throw new ArgumentError(
                type,
                `userProfiles[${i}].ssoUserName`,
                'is missing; allowed: the IAM Identity Center user name, required when authMode is "SSO"',
            );
        }
        if (authMode === "IAM" && p.ssoUserName !== undefined) {
            throw new ArgumentError(
                type,
                `userProfiles[${i}].ssoUserName`,
                `is '${p.ssoUserName}'; allowed: nothing when authMode is "IAM"`,
            );
        }
    }
    validateStoreAccess(type, "storeAccess", args.storeAccess ?? []);
}

/**
 * A SageMaker Studio domain whose apps reach the network only through the AI VPC (VpcOnly), with the
 * home volume under a customer managed key, sign-in through IAM Identity Center, a dedicated
 * security group for traffic between apps and the home volume, a least-privilege execution role
 * that Studio passes on with each user's profile name as source identity, and notebook sharing that
 * never copies cell output.
 */
export class SageMakerStudioDomain extends pulumi.ComponentResource {
    readonly domain: aws.sagemaker.Domain;
    readonly role: aws.iam.Role;
    readonly securityGroup: aws.ec2.SecurityGroup;
    readonly userProfiles: aws.sagemaker.UserProfile[];
    readonly domainId: pulumi.Output<string>;
    readonly domainArn: pulumi.Output<string>;
    readonly url: pulumi.Output<string>;
    readonly roleArn: pulumi.Output<string>;
    readonly securityGroupId: pulumi.Output<string>;
    readonly kmsKeyArn: pulumi.Output<string>;

    constructor(name: string, args: SageMakerStudioDomainArgs, opts?: pulumi.ComponentResourceOptions) {
        super(type, name, {}, opts);
        validateFor(name, () => validateSageMakerStudioDomainArgs(args, name));
        const tags = aiTags(args.tags);
        const authMode = args.authMode ?? "SSO";
        const place = awsPlace(this);
        this.kmsKeyArn = customerKey(this, type, name, args.kmsKeyArn, place, `the ${name} Studio home volume`, tags);
        this.role = sagemakerRole(this, name, place, "/aws/sagemaker/studio", args.storeAccess ?? [], tags);
        this.securityGroup = studioSecurityGroup(this, name, args.network, tags);
        const securityGroups = [this.securityGroup.id, args.network.workloadSecurityGroup.id];

        this.domain = new aws.sagemaker.Domain(
            name,
            {
                domainName: args.domainName ?? name,
                authMode,
                vpcId: args.network.vpc.id,
                subnetIds: args.network.subnetIds,
                appNetworkAccessType: "VpcOnly",
                kmsKeyId: this.kmsKeyArn,
                defaultUserSettings: {
                    executionRole: this.role.arn,
                    securityGroups,
                    sharingSettings: { notebookOutputOption: "Disabled" },
                },
                defaultSpaceSettings: { executionRole: this.role.arn, securityGroups },
                domainSettings: {
                    executionRoleIdentityConfig: "USER_PROFILE_NAME",
                    dockerSettings: { enableDockerAccess: "DISABLED" },
                },
                retentionPolicy: { homeEfsFileSystem: "Retain" },
                tags,
            },
            { parent: this },
        );
        this.studioAppsPolicy(name, place);

        this.userProfiles = (args.userProfiles ?? []).map(
            (p) =>
                new aws.sagemaker.UserProfile(
                    `${name}-${p.name}`,
                    {
                        domainId: this.domain.id,
                        userProfileName: p.name,
                        ...(authMode === "SSO"
                            ? { singleSignOnUserIdentifier: "UserName", singleSignOnUserValue: p.ssoUserName }
                            : {}),
                        tags,
                    },
                    { parent: this.domain },
                ),
        );

        this.domainId = this.domain.id;
        this.domainArn = this.domain.arn;
        this.url = this.domain.url;
        this.roleArn = this.role.arn;
        this.securityGroupId = this.securityGroup.id;
        this.registerOutputs({
            domainId: this.domainId,
            domainArn: this.domainArn,
            url: this.url,
            roleArn: this.roleArn,
            securityGroupId: this.securityGroupId,
            kmsKeyArn: this.kmsKeyArn,
        });
    }

    /**
     * What Studio needs from the execution role to run its apps and spaces, limited to this domain;
     * a second policy because the domain's id exists only once the domain (which needs the role) does.
     */
    private studioAppsPolicy(name: string, place: ReturnType<typeof awsPlace>): void {
        const inDomain = (kind: string) =>
            pulumi.interpolate`arn:${place.partition}:sagemaker:${place.region}:${place.accountId}:${kind}/${this.domain.id}/*`;
        new aws.iam.RolePolicy(
            `${name}-execution-apps`,
            {
                role: this.role.name,
                policy: {
                    Version: "2012-10-17" as const,
                    Statement: [
                        {
                            Effect: "Allow" as const,
                            Action: [
                                "sagemaker:CreateApp",
                                "sagemaker:DeleteApp",
                                "sagemaker:DescribeApp",
                                "sagemaker:CreateSpace",
                                "sagemaker:UpdateSpace",
                                "sagemaker:DeleteSpace",
                                "sagemaker:DescribeSpace",
                                "sagemaker:DescribeUserProfile",
                                "sagemaker:AddTags",
                                "sagemaker:ListTags",
                            ],
                            Resource: [inDomain("app"), inDomain("space"), inDomain("user-profile")],
                        },
                        {
                            Effect: "Allow" as const,
                            Action: ["sagemaker:DescribeDomain"],
                            Resource: pulumi.interpolate`arn:${place.partition}:sagemaker:${place.region}:${place.accountId}:domain/${this.domain.id}`,
                        },
                        {
                            // List calls take no resource, so they cannot be limited to the domain.
                            Effect: "Allow" as const,
                            Action: ["sagemaker:ListApps", "sagemaker:ListSpaces", "sagemaker:ListUserProfiles"],
                            Resource: "*",
                        },
                    ],
                },
            },
            { parent: this.role },
        );
    }
}
