import type * as pulumi from "@pulumi/pulumi";
import type { PrivateAiNetwork } from "../private-ai-network";
import type { StoreAccess } from "../shared/store-access";

/** Scripts SageMaker runs as root when the notebook is created or started; plain text, encoded by the component. */
export interface NotebookLifecycle {
    /** Runs once, when the notebook instance is created. */
    readonly onCreate?: string;
    /** Runs on every start, including the first. */
    readonly onStart?: string;
}

export interface VpcOnlyNotebookArgs {
    /** The network whose first private subnet and workload security group the notebook uses. */
    readonly network: PrivateAiNetwork;
    /** Notebook instance type, `ml.<family>.<size>`. @default "ml.t3.medium" */
    readonly instanceType?: string;
    /** Size of the ML storage volume in GB, 5 to 16384. @default 5 */
    readonly volumeSizeInGb?: number;
    /**
     * ARN of a customer managed KMS key for the storage volume, in the provider's region.
     * @default a new key with rotation on and a 30-day deletion window, created as a child
     */
    readonly kmsKeyArn?: pulumi.Input<string>;
    /**
     * Platform (Amazon Linux and Jupyter version). A platform off the pack's allowlist is flagged
     * (advisory) by sagemaker-notebook-supported-platform. @default "notebook-al2023-v1"
     */
    readonly platformIdentifier?: string;
    /**
     * A lifecycle configuration. Its scripts run as root even though users have none, so keep secrets
     * out of them (sagemaker-notebook-lifecycle-no-secrets reports embedded credentials). @default none
     */
    readonly lifecycle?: NotebookLifecycle;
    /** Prefixes of model artifact stores the notebook role may read or write. @default none */
    readonly storeAccess?: readonly StoreAccess[];
    /** Tags for every child; `aiguard:system=ai` is always added. */
    readonly tags?: Readonly<Record<string, string>>;
}
