import type { PolicyDefinition } from "../../../core/definition";
import sagemakerEndpointDataCapture from "./sagemaker-endpoint-data-capture";
import sagemakerNotebookKmsCmk from "./sagemaker-notebook-kms-cmk";
import sagemakerNotebookNoDirectInternet from "./sagemaker-notebook-no-direct-internet";

export const sagemakerPolicies: readonly PolicyDefinition[] = [
    sagemakerNotebookNoDirectInternet,
    sagemakerEndpointDataCapture,
    sagemakerNotebookKmsCmk,
];
