import { cite } from "../../../core/citations";
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
    controls: cite({
        "nist-800-53": {
            implements: ["SC-7(5)"],
            supports: ["SC-7"],
            why: "Workspace managed networks send traffic only where explicitly allowed, which is deny-by-default for outbound connections.",
        },
        "mitre-atlas": {
            mitigates: ["AML.T0025"],
            why: "Without a free path to the internet, code or an attacker in workspace managed networks cannot ship weights or data out over the network.",
        },
        "iso-27001": {
            implements: ["A.8.22"],
            why: "Segregation of networks: AI compute is kept apart from the internet except for approved destinations.",
        },
    }),
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
