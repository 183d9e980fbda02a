import type * as pulumi from "@pulumi/pulumi";

export interface ManagedOnlineEndpointArgs {
    /** Resource group of the workspace. */
    readonly resourceGroupName: pulumi.Input<string>;
    /** Name of the Azure Machine Learning workspace (e.g. `MlWorkspace.workspaceName`). */
    readonly workspaceName: pulumi.Input<string>;
    /** Region of the workspace. @default the provider's location */
    readonly location?: pulumi.Input<string>;
    /** Log Analytics workspace that receives all endpoint logs and metrics. */
    readonly logAnalyticsWorkspaceId: pulumi.Input<string>;
    /** Registered model asset id, e.g. `azureml:fraud-model:3` or a full ARM id of a model version. */
    readonly model: pulumi.Input<string>;
    /** Environment asset id for non-MLflow models. @default none (MLflow models bring their own) */
    readonly environmentId?: pulumi.Input<string>;
    /** Scoring script and code asset id for non-MLflow models. @default none */
    readonly codeConfiguration?: {
        readonly codeId: pulumi.Input<string>;
        readonly scoringScript: pulumi.Input<string>;
    };
    /** VM size of the deployment. @default "Standard_DS3_v2" */
    readonly instanceType?: pulumi.Input<string>;
    /** Number of instances, from 1 to 20; use 2 or more for production. @default 2 */
    readonly instanceCount?: number;
    /**
     * Name of the deployment. Callers route to it with the `azureml-model-deployment` header until the
     * endpoint's traffic is set (in a later update, once the deployment exists). @default "blue"
     */
    readonly deploymentName?: string;

    /**
     * Loosening: accept scoring requests from the internet instead of only through the workspace's
     * private endpoint; aiguard flags it (ml-online-endpoint-public-network-disabled). @default false
     */
    readonly allowPublicNetworkAccess?: boolean;
    /**
     * Loosening: accept endpoint keys instead of Entra ID tokens. Keys are long-lived shared secrets
     * outside RBAC and conditional access; aiguard flags it (ml-online-endpoint-keyless-auth). @default false
     */
    readonly allowKeyAuth?: boolean;
    /**
     * Loosening: let the deployment's containers reach the internet (legacy isolation), an exfiltration
     * path for the model and data; aiguard flags it (ml-online-deployment-egress-disabled). @default false
     */
    readonly allowPublicEgress?: boolean;
    /**
     * Loosening: collect neither model inputs nor outputs, which leaves no record of what the model was
     * asked and answered for drift, abuse and incident analysis; aiguard flags it
     * (ml-online-deployment-data-collection). @default false
     */
    readonly disableModelDataCollection?: boolean;
    /** Tags for every child that takes tags; `aiguard:system=ai` is always added. */
    readonly tags?: Readonly<Record<string, string>>;
}
