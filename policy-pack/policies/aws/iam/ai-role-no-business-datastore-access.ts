import { cite } from "../../../core/citations";
import { defineStackPolicy, type StackResource } from "../../../core/definition";
import { FindingSink, iamTypes, parsePolicy, policiesOfRole, statementsOf } from "../../../shared/iam-policy";

interface Config {
    readonly allowedBusinessResources?: readonly string[];
}

function label(type: string): string {
    const parts = type.split(":");
    return parts[parts.length - 1] || type;
}

export default defineStackPolicy<Config>({
    id: "ai-role-no-business-datastore-access",
    cloud: "aws",
    resourceTypes: [iamTypes.roleType, iamTypes.rolePolicyType, iamTypes.policyType, iamTypes.rolePolicyAttachmentType],
    area: "segmentation",
    layer: "paas",
    severity: "high",
    enforcementLevel: "mandatory",
    description:
        "IAM policies of AI-system roles grant nothing on resources of business systems unless those resources are allowlisted.",
    controls: cite({
        "nist-800-53": {
            implements: ["AC-4", "AC-6"],
            why: "Policies of AI roles grant nothing on business-system resources that are not allowlisted.",
        },
        "mitre-atlas": {
            mitigates: ["AML.T0036"],
            why: "A compromised AI workload cannot use its role to read business data stores.",
        },
        "iso-27001": {
            implements: ["A.8.3"],
            why: "Information access restriction: AI identities are kept out of business data.",
        },
    }),
    peers: [],
    remediation: [
        "Remove the business system's resources from the policies of roles used by SageMaker, Bedrock and other AI resources.",
        "If the AI workload must read business data, expose it through an approved, logged interface (an API, a curated copy in an AI bucket) or add the resource to allowedBusinessResources in the policy config after review.",
    ],
    notes: [
        "Its declared layer is paas, the managed ML platform these networks and identities most often serve; each finding takes the layer of the AI workload the resource serves (fm-api for a Bedrock agent's role or an Azure OpenAI account's network), as the classification decides.",
        "A role is in scope when the classification puts it in the AI system: tagged as AI, or referenced by an AI resource (for example a knowledge base's roleArn, a custom model's roleArn or an agent runtime's roleArn). A resource belongs to a business system when it carries the business tag (default aiguard:system=business).",
        "A policy reaches a business resource when its document depends on that resource through property dependencies, which works even though ARNs are unknown during preview. Inline role policies, RolePolicy resources and customer managed policies attached with RolePolicyAttachment or PolicyAttachment are inspected.",
        "A known document with no Allow statement passes, since it cannot grant access; a document that is unknown during preview but depends on a business resource fails, because the dependency alone shows the business resource is named in it.",
        "Business resources named by literal ARNs are not recognized. The config property allowedBusinessResources lists business resources (Pulumi resource names or URNs) that AI roles may reach.",
    ],
    configSchema: {
        properties: {
            allowedBusinessResources: {
                type: "array",
                items: { type: "string" },
                default: [],
                description:
                    "Business resources (Pulumi resource names or URNs) that AI roles may be granted access to.",
            },
        },
    },
    validate(check) {
        const { classification } = check;
        const allowed = new Set(
            Array.isArray(check.config.allowedBusinessResources)
                ? check.config.allowedBusinessResources.filter((s): s is string => typeof s === "string")
                : [],
        );
        const sink = new FindingSink();
        for (const role of check.resources) {
            if (role.type !== iamTypes.roleType || !classification.isAi(role)) {
                continue;
            }
            const why = classification.reason(role);
            for (const source of policiesOfRole(role, check.resources)) {
                if (!source.document) {
                    continue;
                }
                const business = source.documentDependencies.filter(
                    (d) => classification.isBusiness(d) && !allowed.has(d.name) && !allowed.has(d.urn),
                );
                if (business.length === 0) {
                    continue;
                }
                const parsed = parsePolicy(source.document);
                if (parsed.state === "parsed" && !statementsOf(parsed).some((s) => s.effect !== "Deny")) {
                    continue;
                }
                const setting = source.owner === role ? "inlinePolicies" : source.setting;
                const names = business.map((b: StackResource) => `${label(b.type)} '${b.name}'`).join(", ");
                sink.fail(source.owner, {
                    setting,
                    found: `a grant on business ${business.length === 1 ? "resource" : "resources"} ${names} (role '${role.name}' is in the AI system${why ? `: ${why}` : ""})`,
                    expected: "no access from AI roles to resources of business systems",
                });
            }
        }
        sink.report(check);
    },
});
