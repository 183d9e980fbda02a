import type * as pulumi from "@pulumi/pulumi";
import type { PrivateAiNetwork } from "../private-ai-network";
import type { StoreAccess } from "../shared/store-access";

/** A Studio user of the domain. */
export interface StudioUserProfile {
    /** User profile name: letters, digits and inner hyphens, up to 63. */
    readonly name: string;
    /**
     * The IAM Identity Center user name the profile belongs to. Required when authMode is "SSO",
     * refused when it is "IAM" (the API's rule).
     */
    readonly ssoUserName?: string;
}

export interface SageMakerStudioDomainArgs {
    /** The network whose VPC and private subnets Studio apps use; its workload security group reaches its endpoints. */
    readonly network: PrivateAiNetwork;
    /** Domain name. @default the component's name */
    readonly domainName?: string;
    /**
     * How users sign in: `"SSO"` through IAM Identity Center, or `"IAM"`. IAM is flagged (advisory)
     * by sagemaker-domain-sso. Cannot be changed once the domain exists. @default "SSO"
     */
    readonly authMode?: "SSO" | "IAM";
    /**
     * ARN of a customer managed KMS key for the home EFS volume, in the provider's region; cannot be
     * changed once the domain exists.
     * @default a new key with rotation on and a 30-day deletion window, created as a child
     */
    readonly kmsKeyArn?: pulumi.Input<string>;
    /** User profiles to create in the domain; they inherit the hardened default settings. @default none */
    readonly userProfiles?: readonly StudioUserProfile[];
    /** Prefixes of model artifact stores the Studio execution role may read or write. @default none */
    readonly storeAccess?: readonly StoreAccess[];
    /** Tags for every child; `aiguard:system=ai` is always added. */
    readonly tags?: Readonly<Record<string, string>>;
}
