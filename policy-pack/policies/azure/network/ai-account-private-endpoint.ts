import { defineStackPolicy } from "../../../core/definition";
import { privateEndpointFinding, privateEndpointType } from "../../../shared/azure-network";

const accountType = "azure-native:cognitiveservices:Account";

export default defineStackPolicy({
    id: "ai-account-private-endpoint",
    cloud: "azure",
    resourceTypes: [accountType, privateEndpointType],
    area: "network-isolation",
    layer: "fm-api",
    severity: "medium",
    enforcementLevel: "advisory",
    description:
        'Every Azure AI Services / OpenAI account has a custom subdomain and a private endpoint for its "account" sub-resource in the stack.',
    controls: [
        { framework: "nist-800-53", id: "SC-7" },
        { framework: "nist-800-53", id: "SC-7(5)" },
        { framework: "nist-800-53", id: "AC-4" },
        { framework: "mitre-atlas", id: "AML.M0019" },
        { framework: "mitre-atlas", id: "AML.T0040" },
        { framework: "mitre-atlas", id: "AML.T0024" },
        { framework: "nist-ai-rmf", id: "MEASURE 2.7" },
        { framework: "iso-27001", id: "A.8.20" },
        { framework: "iso-27001", id: "A.8.21" },
        { framework: "iso-42001", id: "A.4.5" },
        { framework: "owasp-llm", id: "LLM10" },
    ],
    peers: [
        { tool: "azure-policy", id: "d6759c02-b87f-42b7-892e-71b3f471d782" },
        { tool: "azure-policy", id: "db630ad5-52e9-4f4d-9c44-53912fe40053" },
    ],
    remediation: [
        "Set properties.customSubDomainName on the account (required for private endpoints and Entra ID authentication).",
        'Create a network.PrivateEndpoint in an AI subnet with privateLinkServiceConnections [{ privateLinkServiceId: account.id, groupIds: ["account"] }], plus a private DNS zone group for privatelink.cognitiveservices.azure.com (and privatelink.openai.azure.com).',
        'Then set properties.publicNetworkAccess to "Disabled".',
    ],
    notes: [
        "The endpoint is matched to the account through the property dependencies of privateLinkServiceConnections (or manualPrivateLinkServiceConnections), never by id, because ids are unknown during preview. A connection list or groupIds unknown during preview counts as reaching the account.",
        "An endpoint created in another stack cannot be seen, which is why the check is advisory; disable it for accounts reached that way.",
        "An unknown customSubDomainName counts as set.",
    ],
    validate(check) {
        for (const account of check.resources) {
            if (account.type !== accountType) {
                continue;
            }
            const sub = account.get("properties.customSubDomainName");
            const hasSub =
                sub.state === "unknown" ||
                (sub.state === "known" && typeof sub.value === "string" && sub.value.trim() !== "");
            if (!hasSub) {
                check.fail(account, {
                    setting: "properties.customSubDomainName",
                    found: sub.state === "missing" ? "not set" : "not a name",
                    expected: "a globally unique subdomain name",
                });
            }
            const finding = privateEndpointFinding(check, account, "account", "account");
            if (finding) {
                check.fail(account, finding);
            }
        }
    },
});
