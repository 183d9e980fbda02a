import { cite } from "../../../core/citations";
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
    controls: cite({
        "nist-800-53": {
            implements: ["SC-7(4)"],
            supports: ["SC-7"],
            why: "Every AI Services account has a custom subdomain and a private endpoint for its account sub-resource.",
        },
        "mitre-atlas": {
            supports: ["AML.M0019"],
            why: "The model API is reachable over a private connection.",
        },
        "nist-ai-600-1": {
            mitigates: ["information-security"],
            why: "Prompts and completions travel over a private connection to the GAI service.",
        },
        "iso-27001": {
            implements: ["A.8.21"],
            why: "Security of network services: the AI service is consumed over Private Link.",
        },
    }),
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
