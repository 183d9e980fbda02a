import type { PolicyDefinition } from "../../core/definition";
import aiSgNoPublicIngress from "./ec2/ai-sg-no-public-ingress";
import aiBucketPublicAccessBlocked from "./s3/ai-bucket-public-access-blocked";
import aiBucketSseKms from "./s3/ai-bucket-sse-kms";
import sagemakerEndpointDataCapture from "./sagemaker/sagemaker-endpoint-data-capture";
import sagemakerNotebookNoDirectInternet from "./sagemaker/sagemaker-notebook-no-direct-internet";

export const awsPolicies: readonly PolicyDefinition[] = [
    sagemakerNotebookNoDirectInternet,
    aiBucketPublicAccessBlocked,
    aiBucketSseKms,
    sagemakerEndpointDataCapture,
    aiSgNoPublicIngress,
];
