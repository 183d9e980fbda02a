import { cite } from "../../../core/citations";
import { defineStackPolicy } from "../../../core/definition";
import { bedrockAgentRoles, bedrockAgentType } from "../../../shared/ai-role-owners";
import { FindingSink, judgeRoles } from "../../../shared/iam-policy";

/** AWS managed policies that are too broad for an agent: administrator, power user and any *FullAccess. */
function forbiddenManaged(name: string): boolean {
    return /^(administratoraccess|poweruseraccess|.*fullaccess(-v\d+)?)$/i.test(name);
}

export default defineStackPolicy({
    id: "bedrock-agent-role-least-privilege",
    cloud: "aws",
    resourceTypes: [bedrockAgentType],
    area: "segmentation",
    layer: "fm-api",
    severity: "high",
    enforcementLevel: "advisory",
    description:
        'The IAM role of every Bedrock agent has a permissions boundary, no AWS managed administrator, power-user or *FullAccess policy, and no Allow of "*" or a whole service on every resource.',
    controls: cite({
        "nist-800-53": {
            implements: ["AC-6"],
            supports: ["AC-6(1)"],
            why: "Each agent role has a permissions boundary and no administrator, power-user, full-access or service-wide wildcard grant.",
        },
        "mitre-atlas": {
            implements: ["AML.M0026"],
            mitigates: ["AML.T0053"],
            why: "The agent's permissions are bounded, so a manipulated agent can do only what its role allows.",
        },
        "iso-27001": {
            implements: ["A.8.2"],
            why: "Privileged access rights: the agent gets no broad permissions.",
        },
        "owasp-llm": {
            mitigates: ["LLM06"],
            why: "Least privilege for the agent's role is a direct control against excessive agency.",
        },
    }),
    peers: [{ tool: "prowler", id: "bedrock_agent_role_least_privilege" }],
    remediation: [
        "Give the agent's role only the actions its action groups and knowledge bases need (for example bedrock:InvokeModel on the foundation model's ARN), on specific resource ARNs.",
        "Detach AWS managed AdministratorAccess, PowerUserAccess and *FullAccess policies from the role.",
        "Set permissionsBoundary on the role to a managed policy that caps what the agent can ever be granted.",
    ],
    notes: [
        "The agent's role is found through the property dependencies of agentResourceRoleArn; a role given as a literal ARN is not in the stack and is not checked.",
        "Inline policies, managed policy ARNs, RolePolicy resources and role policy attachments are inspected, and each violation is reported on the resource that grants it; a missing permissionsBoundary is reported on the role. A permissionsBoundary that is unknown during preview counts as set.",
        'A statement counts as broad when it allows "*" or a whole service ("s3:*", "bedrock:*"), or uses NotAction, on Resource "*" or with NotResource. Documents or ARNs unknown during preview leave the verdict to pulumi up.',
        "Advisory by default, because the permissions-boundary requirement is stricter than Prowler bedrock_agent_role_least_privilege, which checks only the attached policies.",
    ],
    validate(check) {
        const roles = bedrockAgentRoles(check.resources);
        const sink = new FindingSink();
        for (const [role, agent] of roles) {
            const boundary = role.get("permissionsBoundary");
            const unset =
                boundary.state === "missing" ||
                (boundary.state === "known" && (typeof boundary.value !== "string" || boundary.value.trim() === "")) ||
                (boundary.state === "unknown" && role.setByProgram("permissionsBoundary") === false);
            if (unset) {
                sink.fail(role, {
                    setting: "permissionsBoundary",
                    found: `${boundary.state === "known" ? "not a policy ARN" : "not set"} (the role is used by Bedrock agent '${agent.name}')`,
                    expected: "the ARN of a permissions boundary policy",
                });
            }
        }
        judgeRoles(check, roles, { forbiddenManaged }, "actions and resources scoped to what the agent needs", sink);
        sink.report(check);
    },
});
