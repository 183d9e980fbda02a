import { onAiResources } from "../../../core/ai-scope";
import { cite } from "../../../core/citations";
import { defineSettingsPolicy } from "../../../core/settings";

export default onAiResources(
    defineSettingsPolicy({
        id: "ai-container-registry-no-shared-access",
        cloud: "azure",
        resourceTypes: ["azure-native:containerregistry:Registry"],
        area: "supply-chain",
        layer: "data-plane",
        severity: "high",
        enforcementLevel: "mandatory",
        description:
            "Container registries of the AI system have the admin user and anonymous pull disabled, so every push and pull is made by an Entra ID identity.",
        controls: cite({
            "nist-800-53": {
                implements: ["IA-2"],
                supports: ["AC-3"],
                why: "Admin user and anonymous pull are disabled, so every push and pull is made by an Entra ID identity.",
            },
            "mitre-atlas": {
                implements: ["AML.M0005"],
                mitigates: ["AML.T0010.004"],
                why: "A shared admin credential or anonymous access cannot be used to replace or take images.",
            },
            "iso-27001": {
                implements: ["A.8.5"],
                why: "Secure authentication: registry access requires an individual identity.",
            },
            "owasp-llm": {
                mitigates: ["LLM03"],
                why: "Shared registry credentials allow silent replacement of serving images.",
            },
        }),
        peers: [
            { tool: "checkov", id: "CKV_AZURE_137" },
            { tool: "checkov", id: "CKV_AZURE_138" },
            { tool: "prowler", id: "containerregistry_admin_user_disabled" },
            { tool: "azure-policy", id: "dc921057-6b28-4fbe-9b83-f7bec05db6c2" },
            { tool: "azure-policy", id: "9f2dea28-e834-476c-99c5-3507b4728395" },
        ],
        remediation: [
            "Set adminUserEnabled to false and anonymousPullEnabled to false on the registry (or leave both unset).",
            'Grant workloads the "AcrPull" role (and CI the "AcrPush" role) on the registry through their managed identities.',
        ],
        notes: [
            "A registry counts as AI when the classification says so: tagged as part of the AI system, or referenced by an AI resource such as an Azure ML workspace's containerRegistry (model and serving images). Other registries are not checked.",
            "Both settings default to false, so missing values pass.",
            "Values unknown during preview are left to pulumi up, unless the program never set them (then the provider default applies).",
        ],
        settings: [
            {
                path: "adminUserEnabled",
                expect: { kind: "oneOf", values: [false] },
                missing: { verdict: "compliant" },
                examples: { violating: true, compliant: false },
            },
            {
                path: "anonymousPullEnabled",
                expect: { kind: "oneOf", values: [false] },
                missing: { verdict: "compliant" },
                examples: { violating: true, compliant: false },
            },
        ],
        compliantExample: {
            resourceGroupName: "rg",
            sku: { name: "Premium" },
            tags: { "aiguard:system": "ai" },
            adminUserEnabled: false,
            anonymousPullEnabled: false,
        },
    }),
);
