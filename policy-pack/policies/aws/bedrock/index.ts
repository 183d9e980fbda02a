import type { PolicyDefinition } from "../../../core/definition";
import agentcoreBrowserRecording from "./agentcore-browser-recording";
import agentcoreBrowserVpc from "./agentcore-browser-vpc";
import agentcoreCodeInterpreterVpc from "./agentcore-code-interpreter-vpc";
import agentcoreGatewayInboundAuth from "./agentcore-gateway-inbound-auth";
import agentcoreGatewayKmsCmk from "./agentcore-gateway-kms-cmk";
import agentcoreMemoryKmsCmk from "./agentcore-memory-kms-cmk";
import agentcoreRuntimeVpc from "./agentcore-runtime-vpc";
import bedrockAgentGuardrailAttached from "./bedrock-agent-guardrail-attached";
import bedrockAgentKmsCmk from "./bedrock-agent-kms-cmk";
import bedrockCustomModelKmsCmk from "./bedrock-custom-model-kms-cmk";
import bedrockCustomModelVpc from "./bedrock-custom-model-vpc";
import bedrockFlowKmsCmk from "./bedrock-flow-kms-cmk";
import bedrockGuardrailContentFilters from "./bedrock-guardrail-content-filters";
import bedrockGuardrailContextualGrounding from "./bedrock-guardrail-contextual-grounding";
import bedrockGuardrailKmsCmk from "./bedrock-guardrail-kms-cmk";
import bedrockGuardrailPresent from "./bedrock-guardrail-present";
import bedrockGuardrailPromptAttackHigh from "./bedrock-guardrail-prompt-attack-high";
import bedrockGuardrailSensitiveInfo from "./bedrock-guardrail-sensitive-info";
import bedrockKbDataSourceKmsCmk from "./bedrock-kb-data-source-kms-cmk";
import bedrockPromptKmsCmk from "./bedrock-prompt-kms-cmk";

export const bedrockPolicies: readonly PolicyDefinition[] = [
    bedrockCustomModelKmsCmk,
    bedrockAgentKmsCmk,
    bedrockKbDataSourceKmsCmk,
    bedrockPromptKmsCmk,
    bedrockFlowKmsCmk,
    bedrockGuardrailKmsCmk,
    agentcoreMemoryKmsCmk,
    agentcoreGatewayKmsCmk,
    agentcoreRuntimeVpc,
    agentcoreBrowserVpc,
    agentcoreCodeInterpreterVpc,
    bedrockCustomModelVpc,
    agentcoreBrowserRecording,
    agentcoreGatewayInboundAuth,
    bedrockAgentGuardrailAttached,
    bedrockGuardrailPromptAttackHigh,
    bedrockGuardrailContentFilters,
    bedrockGuardrailSensitiveInfo,
    bedrockGuardrailContextualGrounding,
    bedrockGuardrailPresent,
];
