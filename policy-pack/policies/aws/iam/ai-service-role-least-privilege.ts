import { trustedAiService } from "../../../core/ai-service-principals";
import { cite } from "../../../core/citations";
import { defineStackPolicy } from "../../../core/definition";
import { bedrockAgentRoles, sagemakerRoles } from "../../../shared/ai-role-owners";
import { FindingSink, iamTypes, judgeBroadGrants, policiesOfRole } from "../../../shared/iam-policy";

/**
 * AWS managed policies too broad for a role an AI service assumes: administrator, power user and any
 * *FullAccess (BedrockAgentCoreFullAccess, AmazonSageMakerFullAccess, ComprehendFullAccess, …).
 * AmazonBedrockFullAccess is left to no-bedrock-full-access-policy, which flags it on every identity.
 */
function forbiddenManaged(name: string): boolean {
    return (
        /^(administratoraccess|poweruseraccess|.*fullaccess(-v\d+)?)$/i.test(name) &&
        name.toLowerCase() !== "amazonbedrockfullaccess"
    );
}

export default defineStackPolicy({
    id: "ai-service-role-least-privilege",
    cloud: "aws",
    resourceTypes: [
        iamTypes.roleType,
        iamTypes.rolePolicyType,
        iamTypes.policyType,
        iamTypes.rolePolicyAttachmentType,
        iamTypes.policyAttachmentType,
    ],
    area: "segmentation",
    layer: "fm-api",
    severity: "high",
    enforcementLevel: "mandatory",
    description:
        'IAM roles that an AI service can assume (Bedrock, AgentCore, SageMaker, Comprehend and others) have no wildcard action on Resource "*" and no administrator, power-user or *FullAccess managed policy.',
    controls: cite({
        "nist-800-53": {
            implements: ["AC-6"],
            supports: ["AC-6(1)"],
            why: "Every role an AI service assumes is checked for wildcard grants on every resource and for full-access managed policies.",
        },
        "mitre-atlas": {
            implements: ["AML.M0026"],
            mitigates: ["AML.T0053"],
            why: "A manipulated agent or model job can do only what its service role allows, so the role is kept narrow.",
        },
        "iso-27001": {
            implements: ["A.8.2"],
            why: "Privileged access rights: AI service roles get no broad permissions.",
        },
        "owasp-llm": {
            mitigates: ["LLM06"],
            why: "Least privilege for the roles AI services act with limits excessive agency.",
        },
    }),
    peers: [],
    remediation: [
        'Replace wildcard actions on Resource "*" with the specific actions the service needs (for example bedrock:InvokeModel) on the ARNs of the models, knowledge bases, buckets and keys it uses.',
        "Detach AdministratorAccess, PowerUserAccess and *FullAccess managed policies (BedrockAgentCoreFullAccess, AmazonSageMakerFullAccess, ComprehendFullAccess) from the role.",
    ],
    notes: [
        "A role is judged when its trust policy (assumeRolePolicy) allows an AI service principal: bedrock, bedrock-agentcore, sagemaker, comprehend, kendra, textract, transcribe, translate, rekognition, q, qbusiness, forecast or personalize (.amazonaws.com). Such a role is also in the AI system, so ai-role-no-business-datastore-access judges its access to business data stores.",
        "Roles of Bedrock agents and roles SageMaker resources use are left to bedrock-agent-role-least-privilege and sagemaker-exec-role-least-privilege, and AmazonBedrockFullAccess to no-bedrock-full-access-policy, so one over-broad grant is reported once.",
        'Any action pattern with a wildcard counts ("bedrock:InvokeModel*", "s3:Get*", "*"), as does NotAction, when the statement applies to Resource "*" or uses NotResource. Inline policies, managed policy ARNs, RolePolicy resources and attachments of managed or customer policies are inspected; each violation is reported on the resource that grants it.',
        "A document or managed policy ARN unknown during preview leaves the verdict on its resource to pulumi up. A trust policy unknown during preview (rare: trust policies are usually literal) shows no AI service, so the role is judged at pulumi up.",
    ],
    validate(check) {
        const judgedElsewhere = new Set([
            ...bedrockAgentRoles(check.resources).keys(),
            ...sagemakerRoles(check.resources, check.classification).keys(),
        ]);
        const sink = new FindingSink();
        for (const role of check.resources) {
            if (role.type !== iamTypes.roleType || judgedElsewhere.has(role) || check.classification.isBusiness(role)) {
                continue;
            }
            const trusted = trustedAiService(role);
            if (!trusted) {
                continue;
            }
            for (const source of policiesOfRole(role, check.resources)) {
                const v = judgeBroadGrants(source, { anyWildcard: true, forbiddenManaged });
                for (const f of v.findings) {
                    sink.fail(source.owner, {
                        setting: f.setting,
                        found: `${f.found} (role '${role.name}' can be assumed by ${trusted.principal})`,
                        expected: "actions and resources scoped to what the AI service needs",
                    });
                }
                if (v.unknown) {
                    sink.undecided(source.owner, v.unknown);
                }
            }
        }
        sink.report(check);
    },
});
