import type { PolicyDefinition } from "../../../core/definition";
import bedrockInvocationLoggingEnabled from "./bedrock-invocation-logging-enabled";
import bedrockInvocationLogsProtected from "./bedrock-invocation-logs-protected";

export const bedrockmodelPolicies: readonly PolicyDefinition[] = [
    bedrockInvocationLoggingEnabled,
    bedrockInvocationLogsProtected,
];
