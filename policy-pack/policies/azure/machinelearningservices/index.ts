import type { PolicyDefinition } from "../../../core/definition";
import mlComputeClusterNoPublicIp from "./ml-compute-cluster-no-public-ip";
import mlComputeClusterScaleToZero from "./ml-compute-cluster-scale-to-zero";
import mlComputeInstanceIdleShutdown from "./ml-compute-instance-idle-shutdown";
import mlComputeInstanceNoPublicIp from "./ml-compute-instance-no-public-ip";
import mlComputeLocalAuthDisabled from "./ml-compute-local-auth-disabled";
import mlOnlineDeploymentDataCollection from "./ml-online-deployment-data-collection";
import mlOnlineDeploymentEgressDisabled from "./ml-online-deployment-egress-disabled";
import mlOnlineEndpointKeylessAuth from "./ml-online-endpoint-keyless-auth";
import mlOnlineEndpointPublicNetworkDisabled from "./ml-online-endpoint-public-network-disabled";
import mlRegistryPrivate from "./ml-registry-private";
import mlServerlessContentSafety from "./ml-serverless-content-safety";
import mlServerlessEndpointKeylessAuth from "./ml-serverless-endpoint-keyless-auth";
import mlWorkspaceCmk from "./ml-workspace-cmk";
import mlWorkspaceIdentityDatastoreAuth from "./ml-workspace-identity-datastore-auth";
import mlWorkspaceManagedNetworkApprovedOutbound from "./ml-workspace-managed-network-approved-outbound";
import mlWorkspacePublicNetworkDisabled from "./ml-workspace-public-network-disabled";
import mlWorkspaceServerlessComputeNoPublicIp from "./ml-workspace-serverless-compute-no-public-ip";
import mlWorkspaceUserAssignedIdentity from "./ml-workspace-user-assigned-identity";

export const machinelearningservicesPolicies: readonly PolicyDefinition[] = [
    mlComputeClusterNoPublicIp,
    mlComputeClusterScaleToZero,
    mlComputeInstanceIdleShutdown,
    mlComputeInstanceNoPublicIp,
    mlComputeLocalAuthDisabled,
    mlOnlineDeploymentDataCollection,
    mlOnlineDeploymentEgressDisabled,
    mlOnlineEndpointKeylessAuth,
    mlOnlineEndpointPublicNetworkDisabled,
    mlRegistryPrivate,
    mlServerlessContentSafety,
    mlServerlessEndpointKeylessAuth,
    mlWorkspaceCmk,
    mlWorkspaceIdentityDatastoreAuth,
    mlWorkspaceManagedNetworkApprovedOutbound,
    mlWorkspacePublicNetworkDisabled,
    mlWorkspaceServerlessComputeNoPublicIp,
    mlWorkspaceUserAssignedIdentity,
];
