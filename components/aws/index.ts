// `aiguard/aws`: the hardened AWS components. Needs only @pulumi/aws and @pulumi/pulumi.

export { ArgumentError } from "../shared/validation";
export {
    ApprovedModelAccess,
    type ApprovedModelAccessArgs,
    type ApprovedModelTarget,
    validateApprovedModelAccessArgs,
} from "./approved-model-access";
export {
    type AgentActionGroup,
    type AgentFunction,
    type AgentFunctionParameter,
    type AgentKnowledgeBase,
    BedrockAgent,
    type BedrockAgentArgs,
    type GuardrailVersionRef,
    validateBedrockAgentArgs,
} from "./bedrock-agent";
export {
    BedrockGuardrail,
    type BedrockGuardrailArgs,
    type FilterStrength,
    validateBedrockGuardrailArgs,
} from "./bedrock-guardrail";
export {
    BedrockInvocationLogging,
    type BedrockInvocationLoggingArgs,
    validateBedrockInvocationLoggingArgs,
} from "./bedrock-invocation-logging";
export {
    BedrockKnowledgeBase,
    type BedrockKnowledgeBaseArgs,
    validateBedrockKnowledgeBaseArgs,
} from "./bedrock-knowledge-base";
export {
    type ArtifactGrant,
    ModelArtifactStore,
    type ModelArtifactStoreArgs,
    validateModelArtifactStoreArgs,
} from "./model-artifact-store";
export {
    ModelImageRepository,
    type ModelImageRepositoryArgs,
    validateModelImageRepositoryArgs,
} from "./model-image-repository";
export {
    defaultInterfaceServices,
    PrivateAiNetwork,
    type PrivateAiNetworkArgs,
    validatePrivateAiNetworkArgs,
} from "./private-ai-network";
export {
    SageMakerInferenceEndpoint,
    type SageMakerInferenceEndpointArgs,
    validateSageMakerInferenceEndpointArgs,
} from "./sagemaker-inference-endpoint";
export {
    SageMakerStudioDomain,
    type SageMakerStudioDomainArgs,
    type StudioUserProfile,
    validateSageMakerStudioDomainArgs,
} from "./sagemaker-studio-domain";
export type { StoreAccess } from "./shared/store-access";
export {
    type NotebookLifecycle,
    VpcOnlyNotebook,
    type VpcOnlyNotebookArgs,
    validateVpcOnlyNotebookArgs,
} from "./vpc-only-notebook";
