import { cite } from "../../../core/citations";
import { defineResourcePolicy } from "../../../core/definition";
import { describe } from "../../../core/values";

const builtIns = ["Microsoft.Default", "Microsoft.DefaultV2", "Microsoft.Nil"];

interface Config {
    approvedPolicies?: string[];
}

export default defineResourcePolicy<Config>({
    id: "openai-deployment-content-filter",
    cloud: "azure",
    resourceTypes: ["azure-native:cognitiveservices:Deployment"],
    area: "fm-safety",
    layer: "fm-api",
    severity: "medium",
    enforcementLevel: "advisory",
    description:
        "Azure OpenAI and AI Services model deployments use a custom content-filter (RAI) policy, from the approved list when one is configured.",
    controls: cite({
        "nist-800-53": {
            supports: ["SI-15", "SI-10"],
            why: "The deployment uses a custom content-filter policy, from the approved list when one is set; the filter's strength is checked on the policy itself.",
        },
        "mitre-atlas": {
            supports: ["AML.M0020"],
            why: "A custom content filter is attached to the model deployment.",
        },
        "nist-ai-600-1": {
            supports: ["MG-3.2-005"],
            mitigates: ["dangerous-violent-hateful-content"],
            why: "Attaching a reviewed content-filter policy is part of implementing content filters.",
        },
        "iso-42001": {
            supports: ["A.9.2"],
            why: "Processes for responsible use: the deployment applies the organization's content policy.",
        },
    }),
    peers: [
        { tool: "azure-policy", id: "f3a9c2e0-7b4d-4d8f-9c3a-2e1f6b9a8d4e" },
        { tool: "azure-policy", id: "af253d37-136a-42f8-a1fc-30010c083d41" },
    ],
    remediation: [
        "Create an azure-native.cognitiveservices.RaiPolicy on the account with blocking filters (see rai-policy-strict).",
        "Set properties.raiPolicyName of the deployment to that policy's name, for example raiPolicy.name.",
    ],
    notes: [
        'A deployment without properties.raiPolicyName gets the Microsoft default policy ("Microsoft.DefaultV2"), and fails; so do the built-in names "Microsoft.Default", "Microsoft.DefaultV2" and "Microsoft.Nil" (no filtering, available only to approved customers).',
        "Advisory: the Microsoft default policy filters at medium severity, so a missing custom policy weakens governance rather than removing filtering. The strength of a custom policy is judged by rai-policy-strict.",
        "With the policy config property approvedPolicies set, the name must be one of them (case-insensitive). The name found is shown in the message.",
        "The name is usually raiPolicy.name of a policy in the same stack and unknown during preview: without approvedPolicies it counts as a custom policy, so the check decides during preview; with approvedPolicies, or when the whole properties bag is unknown, the check decides at pulumi up.",
        "azure-native applies defaults to the properties bag through apply, so the whole bag is unknown during preview when any value inside it is (for example a key URI created in the same program); the check then decides at pulumi up.",
    ],
    configSchema: {
        properties: {
            approvedPolicies: {
                type: "array",
                items: { type: "string" },
                default: [],
                description: "Names of the approved RAI policies; empty accepts any custom policy.",
            },
        },
    },
    validate(deployment, check) {
        const configured = check.config.approvedPolicies;
        const approved = Array.isArray(configured) ? configured.filter((x): x is string => typeof x === "string") : [];
        const name = deployment.get("properties.raiPolicyName");
        const expected =
            approved.length > 0
                ? "one of the approved RAI policies (policy config approvedPolicies)"
                : "a custom RAI policy";
        if (name.state === "unknown") {
            // An unknown name is usually raiPolicy.name, a custom policy; an unknown properties bag says nothing.
            if (approved.length > 0 || name.path !== "properties.raiPolicyName") {
                check.undecided(name.path);
            }
            return;
        }
        if (name.state === "missing") {
            check.fail({
                setting: "properties.raiPolicyName",
                found: 'not set (provider default "Microsoft.DefaultV2")',
                expected,
            });
            return;
        }
        const value = name.value;
        const ok =
            typeof value === "string" &&
            value.trim() !== "" &&
            !builtIns.some((b) => b.toLowerCase() === value.toLowerCase()) &&
            (approved.length === 0 || approved.some((a) => a.toLowerCase() === value.toLowerCase()));
        if (!ok) {
            check.fail({
                setting: "properties.raiPolicyName",
                found: typeof value === "string" && value.trim() === "" ? "an empty string" : describe(name),
                expected,
            });
        }
    },
});
