import { cite } from "../../../core/citations";
import { defineResourcePolicy } from "../../../core/definition";
import { describe, equalsIgnoreCase } from "../../../core/values";

export default defineResourcePolicy({
    id: "ai-account-public-network-disabled",
    cloud: "azure",
    resourceTypes: ["azure-native:cognitiveservices:Account"],
    area: "network-isolation",
    layer: "fm-api",
    severity: "high",
    enforcementLevel: "mandatory",
    description:
        "Azure AI Services, Azure OpenAI and other Cognitive Services accounts have public network access disabled.",
    controls: cite({
        "nist-800-53": {
            implements: ["SC-7"],
            supports: ["SC-7(3)"],
            why: "The AI Services account cannot be reached from the public internet, only through private network paths.",
        },
        "mitre-atlas": {
            implements: ["AML.M0019"],
            mitigates: ["AML.T0040"],
            why: "Closing the public network path restricts who can reach the AI Services account in production (AML.M0019).",
        },
        "nist-ai-600-1": {
            mitigates: ["information-security"],
            why: "The GAI endpoint is reachable only through private endpoints.",
        },
        "iso-27001": {
            implements: ["A.8.20"],
            why: "Network security: the service admits no traffic from public networks.",
        },
    }),
    peers: [
        { tool: "checkov", id: "CKV_AZURE_134" },
        { tool: "azure-policy", id: "47ba1dd7-28d9-4b07-a8d5-9813bed64e0c" },
    ],
    remediation: [
        'Set properties.publicNetworkAccess to "Disabled".',
        "Reach the account through a private endpoint (azure-native:network:PrivateEndpoint) in the callers' virtual network, with a private DNS zone for its endpoint.",
    ],
    notes: [
        'The provider default is "Enabled", so an account that leaves properties.publicNetworkAccess unset fails. This applies to every kind, including OpenAI and AIServices (Foundry).',
        'Enum values are compared case-insensitively ("disabled" passes), as Azure accepts either.',
        "Network rules (properties.networkAcls) with public access enabled do not pass this check; Azure Policy 037eea7a-bd0a-46c5-9a66-03aea78705d3 (restrict network access) accepts them, this check and Checkov CKV_AZURE_134 do not.",
        "publicNetworkAccess is a literal in programs, so the check decides during preview; if it is computed and unknown, the check decides at pulumi up.",
        "azure-native applies defaults to the properties bag through apply, so the whole bag is unknown during preview when any value inside it is (for example a key URI created in the same program); the check then decides at pulumi up.",
    ],
    validate(account, check) {
        const access = account.get("properties.publicNetworkAccess");
        if (access.state === "unknown") {
            check.undecided(access.path);
            return;
        }
        if (equalsIgnoreCase(access, "Disabled")) {
            return;
        }
        check.fail({
            setting: "properties.publicNetworkAccess",
            found: access.state === "missing" ? 'not set (provider default "Enabled")' : describe(access),
            expected: '"Disabled"',
        });
    },
});
