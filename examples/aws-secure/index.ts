// The same kind of AI system as examples/aws-insecure, built from aiguard's components: each one
// applies the secure settings itself, so the whole pack passes without hand-tuning.
import { BedrockGuardrail } from "../../components/aws/bedrock-guardrail";
import { BedrockInvocationLogging } from "../../components/aws/bedrock-invocation-logging";
import { ModelArtifactStore } from "../../components/aws/model-artifact-store";
import { PrivateAiNetwork } from "../../components/aws/private-ai-network";
import { SageMakerInferenceEndpoint } from "../../components/aws/sagemaker-inference-endpoint";

const network = new PrivateAiNetwork("ml");
const store = new ModelArtifactStore("fraud-artifacts");

const endpoint = new SageMakerInferenceEndpoint("fraud", {
    image: "registry.ml.internal/fraud-inference:1.4.2",
    store,
    modelDataKey: "models/fraud/model.tar.gz",
    subnetIds: network.subnetIds,
    securityGroupIds: [network.workloadSecurityGroup.id],
});

new BedrockInvocationLogging("bedrock-invocations");
const guardrail = new BedrockGuardrail("assistant");

export const endpointName = endpoint.endpointName;
export const guardrailArn = guardrail.guardrailArn;
