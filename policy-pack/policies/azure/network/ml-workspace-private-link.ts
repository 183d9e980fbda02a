import { cite } from "../../../core/citations";
import { defineStackPolicy } from "../../../core/definition";
import { equalsIgnoreCase } from "../../../core/values";
import { privateEndpointFinding, privateEndpointType } from "../../../shared/azure-network";

const workspaceType = "azure-native:machinelearningservices:Workspace";

export default defineStackPolicy({
    id: "ml-workspace-private-link",
    cloud: "azure",
    resourceTypes: [workspaceType, privateEndpointType],
    area: "network-isolation",
    layer: "paas",
    severity: "medium",
    enforcementLevel: "advisory",
    description:
        'Every Azure Machine Learning workspace and AI Foundry hub has a private endpoint for its "amlworkspace" sub-resource in the stack.',
    controls: cite({
        "nist-800-53": {
            implements: ["SC-7(4)"],
            supports: ["SC-7"],
            why: "Every ML workspace and AI Foundry hub has a private endpoint for its workspace sub-resource.",
        },
        "mitre-atlas": {
            supports: ["AML.M0019"],
            why: "The workspace API, with its models and data, is reachable over a private connection.",
        },
        "iso-27001": {
            implements: ["A.8.21"],
            why: "Security of network services: the ML platform is consumed over Private Link.",
        },
    }),
    peers: [
        { tool: "azure-policy", id: "45e05259-1eb5-4f70-9574-baf73e9d219b" },
        { tool: "azure-policy", id: "7838fd83-5cbb-4b5d-888c-bfa240972597" },
    ],
    remediation: [
        'Create a network.PrivateEndpoint in an AI subnet with privateLinkServiceConnections [{ privateLinkServiceId: workspace.id, groupIds: ["amlworkspace"] }] and a private DNS zone group for privatelink.api.azureml.ms and privatelink.notebooks.azure.net.',
        'Then set publicNetworkAccess to "Disabled" on the workspace.',
    ],
    notes: [
        'Workspaces of kind "project" are skipped: AI Foundry projects are reached through their hub\'s private endpoint.',
        "The endpoint is matched to the workspace through the property dependencies of privateLinkServiceConnections (or manualPrivateLinkServiceConnections), never by id. A connection list or groupIds unknown during preview counts as reaching the workspace.",
        "Checkov CKV_AZURE_243 is named after private endpoints but tests managed-network outbound rules; this check is about inbound access. Outbound private endpoints to dependent resources (managedNetwork.outboundRules) are not checked here.",
        "An endpoint created in another stack cannot be seen, which is why the check is advisory.",
    ],
    validate(check) {
        for (const ws of check.resources) {
            if (ws.type !== workspaceType || equalsIgnoreCase(ws.get("kind"), "project")) {
                continue;
            }
            const finding = privateEndpointFinding(check, ws, "amlworkspace", "workspace");
            if (finding) {
                check.fail(ws, finding);
            }
        }
    },
});
