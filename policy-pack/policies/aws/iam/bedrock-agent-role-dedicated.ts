import { cite } from "../../../core/citations";
import { defineStackPolicy, type StackResource } from "../../../core/definition";
import { rolesReferencedBy } from "../../../shared/iam-policy";

const agentType = "aws:bedrock/agentAgent:AgentAgent";

export default defineStackPolicy({
    id: "bedrock-agent-role-dedicated",
    cloud: "aws",
    resourceTypes: [agentType],
    area: "segmentation",
    layer: "fm-api",
    severity: "medium",
    enforcementLevel: "advisory",
    description: "Every Bedrock agent has its own IAM role, shared with no other agent.",
    controls: cite({
        "nist-800-53": {
            implements: ["AC-5"],
            supports: ["AC-6"],
            why: "Each agent has its own role, so one agent's permissions are not shared with another's.",
        },
        "mitre-atlas": {
            supports: ["AML.M0027"],
            why: "A dedicated role per agent keeps each agent's permissions scoped to that agent.",
        },
        "iso-27001": {
            supports: ["A.8.2"],
            why: "Privileged access rights: permissions are assigned per agent.",
        },
        "owasp-llm": {
            mitigates: ["LLM06"],
            why: "Separate roles stop one agent from acting with another agent's permissions.",
        },
    }),
    peers: [{ tool: "prowler", id: "bedrock_agent_role_not_shared_across_agents" }],
    remediation: [
        "Create one aws.iam.Role per Bedrock agent, with only the permissions that agent's action groups and knowledge bases need, and set it as the agent's agentResourceRoleArn.",
    ],
    notes: [
        "Agents are matched to roles through the property dependencies of agentResourceRoleArn, because role ARNs are unknown during preview; agents whose agentResourceRoleArn is the same known literal ARN count as sharing it too.",
        "Every agent that shares a role is reported except the first one declared. An agentResourceRoleArn that is unknown and depends on no role in the stack is not compared.",
    ],
    validate(check) {
        const byRole = new Map<string, StackResource[]>();
        for (const agent of check.resources) {
            if (agent.type !== agentType) {
                continue;
            }
            const keys = new Set(rolesReferencedBy(agent, "agentResourceRoleArn").map((r) => `urn:${r.urn}`));
            const arn = agent.get("agentResourceRoleArn");
            if (keys.size === 0 && arn.state === "known" && typeof arn.value === "string" && arn.value.trim() !== "") {
                keys.add(`arn:${arn.value.trim()}`);
            }
            for (const key of keys) {
                byRole.set(key, [...(byRole.get(key) ?? []), agent]);
            }
        }
        const reported = new Set<StackResource>();
        for (const [key, agents] of byRole) {
            const [first, ...others] = agents;
            for (const agent of others) {
                if (reported.has(agent) || !first) {
                    continue;
                }
                reported.add(agent);
                const roleName = key.startsWith("urn:")
                    ? check.resources.find((r) => `urn:${r.urn}` === key)?.name
                    : undefined;
                check.fail(agent, {
                    setting: "agentResourceRoleArn",
                    found: `${roleName ? `role '${roleName}'` : "a role"}, also used by Bedrock agent '${first.name}'`,
                    expected: "a role used by this agent only",
                });
            }
        }
    },
});
