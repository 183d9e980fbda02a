// Which policy judges which AI service role, so that one over-broad role gives one finding: roles of
// Bedrock agents (bedrock-agent-role-least-privilege), roles SageMaker resources use
// (sagemaker-exec-role-least-privilege), and every other role an AI service can assume
// (ai-service-role-least-privilege).

import type { Classification } from "../core/classification";
import type { StackResource } from "../core/definition";
import { iamTypes, rolesReferencedBy } from "./iam-policy";

export const bedrockAgentType = "aws:bedrock/agentAgent:AgentAgent";

/** Roles of Bedrock agents (agentResourceRoleArn), each with the first agent that uses it. */
export function bedrockAgentRoles(resources: readonly StackResource[]): Map<StackResource, StackResource> {
    const roles = new Map<StackResource, StackResource>();
    for (const agent of resources) {
        if (agent.type !== bedrockAgentType) {
            continue;
        }
        for (const role of rolesReferencedBy(agent, "agentResourceRoleArn")) {
            if (!roles.has(role)) {
                roles.set(role, agent);
            }
        }
    }
    return roles;
}

/** Roles SageMaker resources reference (roleArn, executionRoleArn, …), each with the first user. */
export function sagemakerRoles(
    resources: readonly StackResource[],
    classification: Classification,
): Map<StackResource, StackResource> {
    const roles = new Map<StackResource, StackResource>();
    for (const r of resources) {
        if (!r.type.startsWith("aws:sagemaker/")) {
            continue;
        }
        for (const deps of Object.values(r.propertyDependencies)) {
            for (const d of deps) {
                if (d.type === iamTypes.roleType && !classification.isBusiness(d) && !roles.has(d)) {
                    roles.set(d, r);
                }
            }
        }
    }
    return roles;
}
