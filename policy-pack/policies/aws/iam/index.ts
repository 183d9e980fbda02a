import type { PolicyDefinition } from "../../../core/definition";
import aiRoleNoBusinessDatastoreAccess from "./ai-role-no-business-datastore-access";
import aiServiceRoleLeastPrivilege from "./ai-service-role-least-privilege";
import bedrockAgentRoleDedicated from "./bedrock-agent-role-dedicated";
import bedrockAgentRoleLeastPrivilege from "./bedrock-agent-role-least-privilege";
import bedrockApiKeyShortLived from "./bedrock-api-key-short-lived";
import noBedrockFullAccessPolicy from "./no-bedrock-full-access-policy";
import sagemakerExecRoleLeastPrivilege from "./sagemaker-exec-role-least-privilege";

export const iamPolicies: readonly PolicyDefinition[] = [
    sagemakerExecRoleLeastPrivilege,
    bedrockAgentRoleLeastPrivilege,
    noBedrockFullAccessPolicy,
    bedrockApiKeyShortLived,
    aiRoleNoBusinessDatastoreAccess,
    bedrockAgentRoleDedicated,
    aiServiceRoleLeastPrivilege,
];
