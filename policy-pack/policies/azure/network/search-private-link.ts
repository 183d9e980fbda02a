import { cite } from "../../../core/citations";
import { defineStackPolicy } from "../../../core/definition";
import { describe, equalsIgnoreCase } from "../../../core/values";
import { privateEndpointFinding, privateEndpointType } from "../../../shared/azure-network";

const searchType = "azure-native:search:Service";

export default defineStackPolicy({
    id: "search-private-link",
    cloud: "azure",
    resourceTypes: [searchType, privateEndpointType],
    area: "network-isolation",
    layer: "data-plane",
    severity: "medium",
    enforcementLevel: "advisory",
    description:
        'Every Azure AI Search service runs on a tier that supports Private Link and has a private endpoint for its "searchService" sub-resource in the stack.',
    controls: cite({
        "nist-800-53": {
            implements: ["SC-7(4)"],
            supports: ["SC-7"],
            why: "Every AI Search service is on a Private Link tier and has a private endpoint for its search sub-resource.",
        },
        "mitre-atlas": {
            supports: ["AML.M0019"],
            mitigates: ["AML.T0085.000"],
            why: "The retrieval index is reachable over a private connection.",
        },
        "iso-27001": {
            implements: ["A.8.21"],
            why: "Security of network services: the search service is consumed over Private Link.",
        },
        "owasp-llm": {
            mitigates: ["LLM08"],
            why: "Private access to the vector store narrows who can query or alter retrieval content.",
        },
    }),
    peers: [
        { tool: "azure-policy", id: "a049bf77-880b-470f-ba6d-9f21c530cf83" },
        { tool: "azure-policy", id: "b698b005-b660-4837-b833-a7aaab26ddba" },
    ],
    remediation: [
        'Use a billable tier (sku.name "basic" or higher); the "free" tier has no Private Link.',
        'Create a network.PrivateEndpoint in an AI subnet with privateLinkServiceConnections [{ privateLinkServiceId: service.id, groupIds: ["searchService"] }] and a private DNS zone group for privatelink.search.windows.net.',
        'Then set publicNetworkAccess to "disabled" on the service.',
    ],
    notes: [
        "The endpoint is matched to the service through the property dependencies of privateLinkServiceConnections (or manualPrivateLinkServiceConnections), never by id. A connection list or groupIds unknown during preview counts as reaching the service.",
        'A "free" sku fails on its own; an unknown sku is not judged.',
        "An endpoint created in another stack cannot be seen, which is why the check is advisory.",
    ],
    validate(check) {
        for (const svc of check.resources) {
            if (svc.type !== searchType) {
                continue;
            }
            const sku = svc.get("sku.name");
            if (equalsIgnoreCase(sku, "free")) {
                check.fail(svc, {
                    setting: "sku.name",
                    found: describe(sku),
                    expected: 'a tier that supports Private Link ("basic" or higher)',
                });
                continue;
            }
            const finding = privateEndpointFinding(check, svc, "searchService", "search service");
            if (finding) {
                check.fail(svc, finding);
            }
        }
    },
});
