import type { PolicyDefinition } from "../../../core/definition";
import modelRegistryPolicyNotPublic from "./model-registry-policy-not-public";
import sagemakerDataQualityJobInterContainerEncryption from "./sagemaker-data-quality-job-inter-container-encryption";
import sagemakerDataQualityJobKms from "./sagemaker-data-quality-job-kms";
import sagemakerDataQualityJobNetworkIsolation from "./sagemaker-data-quality-job-network-isolation";
import sagemakerDomainKmsCmk from "./sagemaker-domain-kms-cmk";
import sagemakerDomainSso from "./sagemaker-domain-sso";
import sagemakerDomainVpcOnly from "./sagemaker-domain-vpc-only";
import sagemakerEndpointConfigKmsCmk from "./sagemaker-endpoint-config-kms-cmk";
import sagemakerEndpointDataCapture from "./sagemaker-endpoint-data-capture";
import sagemakerEndpointMultiInstance from "./sagemaker-endpoint-multi-instance";
import sagemakerFeatureStoreKms from "./sagemaker-feature-store-kms";
import sagemakerHumanReviewOutputKms from "./sagemaker-human-review-output-kms";
import sagemakerModelInVpc from "./sagemaker-model-in-vpc";
import sagemakerModelMonitoringScheduled from "./sagemaker-model-monitoring-scheduled";
import sagemakerModelNetworkIsolation from "./sagemaker-model-network-isolation";
import sagemakerModelPrivateRegistry from "./sagemaker-model-private-registry";
import sagemakerMonitoringScheduleInterContainerEncryption from "./sagemaker-monitoring-schedule-inter-container-encryption";
import sagemakerMonitoringScheduleKms from "./sagemaker-monitoring-schedule-kms";
import sagemakerMonitoringScheduleNetworkIsolation from "./sagemaker-monitoring-schedule-network-isolation";
import sagemakerNotebookImdsv2 from "./sagemaker-notebook-imdsv2";
import sagemakerNotebookInVpc from "./sagemaker-notebook-in-vpc";
import sagemakerNotebookKmsCmk from "./sagemaker-notebook-kms-cmk";
import sagemakerNotebookLifecycleNoSecrets from "./sagemaker-notebook-lifecycle-no-secrets";
import sagemakerNotebookNoDirectInternet from "./sagemaker-notebook-no-direct-internet";
import sagemakerNotebookRootDisabled from "./sagemaker-notebook-root-disabled";
import sagemakerNotebookSupportedPlatform from "./sagemaker-notebook-supported-platform";
import sagemakerTrainingIsolation from "./sagemaker-training-isolation";
import sagemakerTrainingJobInterContainerEncryption from "./sagemaker-training-job-inter-container-encryption";
import sagemakerTrainingJobKms from "./sagemaker-training-job-kms";

export const sagemakerPolicies: readonly PolicyDefinition[] = [
    sagemakerNotebookNoDirectInternet,
    sagemakerEndpointDataCapture,
    sagemakerNotebookKmsCmk,
    sagemakerNotebookInVpc,
    sagemakerDomainVpcOnly,
    sagemakerModelNetworkIsolation,
    sagemakerModelInVpc,
    sagemakerTrainingIsolation,
    sagemakerDataQualityJobNetworkIsolation,
    sagemakerMonitoringScheduleNetworkIsolation,
    sagemakerTrainingJobKms,
    sagemakerDataQualityJobKms,
    sagemakerMonitoringScheduleKms,
    sagemakerTrainingJobInterContainerEncryption,
    sagemakerDataQualityJobInterContainerEncryption,
    sagemakerMonitoringScheduleInterContainerEncryption,
    sagemakerEndpointConfigKmsCmk,
    sagemakerDomainKmsCmk,
    sagemakerFeatureStoreKms,
    sagemakerHumanReviewOutputKms,
    sagemakerModelPrivateRegistry,
    sagemakerNotebookRootDisabled,
    sagemakerNotebookImdsv2,
    sagemakerEndpointMultiInstance,
    sagemakerDomainSso,
    sagemakerModelMonitoringScheduled,
    sagemakerNotebookSupportedPlatform,
    sagemakerNotebookLifecycleNoSecrets,
    modelRegistryPolicyNotPublic,
];
