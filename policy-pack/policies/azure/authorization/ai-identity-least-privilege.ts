import { cite } from "../../../core/citations";
import { defineStackPolicy, type StackCheck, type StackResource } from "../../../core/definition";

const assignmentType = "azure-native:authorization:RoleAssignment";

/** Built-in roles that can change anything or grant access; their GUIDs are the same in every tenant. */
const privilegedRoles: ReadonlyMap<string, string> = new Map([
    ["8e3af657-a8ff-443c-a75c-2fe8c4bcb635", "Owner"],
    ["b24988ac-6180-42a0-ab88-20f7382dd24c", "Contributor"],
    ["18d7d88d-d35e-4fb5-a5c3-7773c20a72d9", "User Access Administrator"],
    ["f58310d9-a9f6-439a-9e8d-f62e7b41a168", "Role Based Access Control Administrator"],
]);

function privilegedRole(id: unknown): string | undefined {
    if (typeof id !== "string") {
        return undefined;
    }
    const guid = id.trim().replace(/\/+$/, "").split("/").pop()?.toLowerCase() ?? "";
    return privilegedRoles.get(guid);
}

/** A scope string that names a whole subscription or management group. */
function broadScope(scope: unknown): string | undefined {
    if (typeof scope !== "string") {
        return undefined;
    }
    const s = scope.trim().replace(/\/+$/, "").toLowerCase();
    if (s === "" || s === "/") {
        return "the root scope";
    }
    if (/^\/subscriptions\/[^/]+$/.test(s)) {
        return "a whole subscription";
    }
    if (/^\/providers\/microsoft\.management\/managementgroups\/[^/]+$/.test(s)) {
        return "a management group";
    }
    return undefined;
}

/** The AI resource (AI service or AI user-assigned identity) whose identity the principalId comes from. */
function aiPrincipal(check: StackCheck<unknown>, ra: StackResource): StackResource | undefined {
    return (ra.propertyDependencies.principalId ?? []).find((d) => check.classification.isAi(d));
}

export default defineStackPolicy({
    id: "ai-identity-least-privilege",
    cloud: "azure",
    resourceTypes: [assignmentType],
    area: "segmentation",
    layer: "paas",
    severity: "high",
    enforcementLevel: "mandatory",
    description:
        "Role assignments of AI identities use neither Owner, Contributor, User Access Administrator nor Role Based Access Control Administrator, and are not scoped to a subscription, a management group or a business-system resource.",
    controls: cite({
        "nist-800-53": {
            implements: ["AC-6", "AC-6(5)"],
            why: "AI identities hold no Owner, Contributor or access-administration role, and no assignment at subscription, management-group or business-resource scope.",
        },
        "mitre-atlas": {
            implements: ["AML.M0026"],
            mitigates: ["AML.T0036"],
            why: "A compromised AI identity cannot administer the subscription or reach business resources.",
        },
        "iso-27001": {
            implements: ["A.8.2"],
            why: "Privileged access rights: AI identities get no privileged roles.",
        },
        "owasp-llm": {
            mitigates: ["LLM06"],
            why: "Bounding the roles of AI identities limits what an AI agent can do with them.",
        },
    }),
    peers: [],
    remediation: [
        'Assign the AI identity a narrow data role instead (e.g. "Storage Blob Data Reader", "Key Vault Crypto Service Encryption User", "AcrPull", "Cognitive Services OpenAI User", "Search Index Data Reader").',
        "Scope the assignment to the single AI resource it needs (storage account, container, vault, registry), never to a subscription, a management group or a business system.",
    ],
    notes: [
        "An assignment belongs to an AI identity when the property dependencies of principalId reach an AI resource: an AI service (AI Services / OpenAI account, ML workspace, compute or endpoint, AI Search) or a user-assigned identity that an AI resource uses. Other assignments are not checked.",
        "Roles are recognized by the GUID at the end of roleDefinitionId (the built-in GUIDs are the same in every tenant). Custom roles (a RoleDefinition in the stack) are not inspected. An unknown roleDefinitionId is left to pulumi up.",
        "A scope is too broad when it is a literal subscription, management group or root scope, and reaches a business system when its property dependencies include a business-classified resource (tagged aiguard:system business). A scope that is unknown and depends on no resource in the stack is left to pulumi up.",
        "No scanner implements this check; Trivy AZU-0030 only checks custom role definitions for wildcard actions.",
    ],
    validate(check) {
        for (const ra of check.resources) {
            if (ra.type !== assignmentType) {
                continue;
            }
            const principal = aiPrincipal(check, ra);
            if (!principal) {
                continue;
            }
            const who = `the identity of '${principal.name}'`;
            let failed = false;
            let undecided: string | undefined;

            const role = ra.get("roleDefinitionId");
            if (role.state === "unknown") {
                undecided ??= "roleDefinitionId";
            } else if (role.state === "known") {
                const name = privilegedRole(role.value);
                if (name) {
                    failed = true;
                    check.fail(ra, {
                        setting: "roleDefinitionId",
                        found: `the built-in role "${name}" for ${who}`,
                        expected: "a narrow data-plane role for the AI workload",
                    });
                }
            }

            const scope = ra.get("scope");
            const business = (ra.propertyDependencies.scope ?? []).find((d) => check.classification.isBusiness(d));
            if (business) {
                failed = true;
                check.fail(ra, {
                    setting: "scope",
                    found: `the business-system resource '${business.name}' (given to ${who})`,
                    expected: "a resource of the AI system",
                });
            } else if (scope.state === "known") {
                const broad = broadScope(scope.value);
                if (broad) {
                    failed = true;
                    check.fail(ra, {
                        setting: "scope",
                        found: `${broad} (given to ${who})`,
                        expected: "a single resource of the AI system",
                    });
                }
            } else if (scope.state === "unknown" && (ra.propertyDependencies.scope ?? []).length === 0) {
                undecided ??= "scope";
            }
            if (!failed && undecided) {
                check.undecided(ra, undecided);
            }
        }
    },
});
