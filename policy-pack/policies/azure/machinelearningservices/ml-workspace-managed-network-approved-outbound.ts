import { defineSettingsPolicy } from "../../../core/settings";
import { equalsIgnoreCase } from "../../../core/values";

export default defineSettingsPolicy({
    id: "ml-workspace-managed-network-approved-outbound",
    cloud: "azure",
    resourceTypes: ["azure-native:machinelearningservices:Workspace"],
    area: "network-isolation",
    layer: "paas",
    severity: "high",
    enforcementLevel: "mandatory",
    description:
        "Azure Machine Learning workspaces and AI hubs use a managed virtual network that allows only approved outbound traffic.",
    controls: [
        { framework: "nist-800-53", id: "SC-7" },
        { framework: "nist-800-53", id: "SC-7(5)" },
        { framework: "nist-800-53", id: "AC-4" },
        { framework: "mitre-atlas", id: "AML.M0019" },
        { framework: "mitre-atlas", id: "AML.T0025" },
        { framework: "mitre-atlas", id: "AML.T0024" },
        { framework: "nist-ai-rmf", id: "MEASURE 2.7" },
        { framework: "iso-27001", id: "A.8.20" },
        { framework: "iso-27001", id: "A.8.22" },
        { framework: "iso-42001", id: "A.4.5" },
        { framework: "owasp-llm", id: "LLM02" },
    ],
    peers: [{ tool: "azure-policy", id: "6ddb1705-c8cf-450e-aa4b-19ad6703c440" }],
    remediation: [
        'Set managedNetwork.isolationMode to "AllowOnlyApprovedOutbound".',
        "Add managedNetwork.outboundRules (private endpoint, service tag or FQDN rules) for the storage, registries and package feeds the workloads need.",
    ],
    notes: [
        'A workspace without managedNetwork has no managed network isolation (provider default "Disabled") and fails; "AllowInternetOutbound" fails too.',
        'Workspaces of kind "project" inherit this setting from their hub and are not evaluated.',
    ],
    skip: (workspace) => equalsIgnoreCase(workspace.get("kind"), "project"),
    settings: [
        {
            path: "managedNetwork.isolationMode",
            expect: { kind: "oneOf", values: ["AllowOnlyApprovedOutbound"] },
            missing: { verdict: "violation", providerDefault: '"Disabled"' },
            examples: { violating: "AllowInternetOutbound", compliant: "AllowOnlyApprovedOutbound" },
        },
    ],
    compliantExample: {
        resourceGroupName: "rg",
        kind: "Default",
        workspaceName: "mlw",
        managedNetwork: { isolationMode: "AllowOnlyApprovedOutbound" },
    },
});
