import { cite } from "../../../core/citations";
import { defineSettingsPolicy } from "../../../core/settings";

export default defineSettingsPolicy({
    id: "foundry-managed-network-approved-outbound",
    cloud: "azure",
    resourceTypes: ["azure-native:cognitiveservices:ManagedNetworkSetting"],
    area: "network-isolation",
    layer: "fm-api",
    severity: "high",
    enforcementLevel: "mandatory",
    description: "Azure AI Foundry managed networks allow only approved outbound traffic.",
    controls: cite({
        "nist-800-53": {
            implements: ["SC-7(5)"],
            supports: ["SC-7"],
            why: "AI Foundry managed networks send traffic only where explicitly allowed, which is deny-by-default for outbound connections.",
        },
        "mitre-atlas": {
            mitigates: ["AML.T0025"],
            why: "Without a free path to the internet, code or an attacker in AI Foundry managed networks cannot ship weights or data out over the network.",
        },
        "iso-27001": {
            implements: ["A.8.22"],
            why: "Segregation of networks: AI compute is kept apart from the internet except for approved destinations.",
        },
    }),
    peers: [],
    remediation: [
        'Set properties.managedNetwork.isolationMode to "AllowOnlyApprovedOutbound".',
        "Add outbound rules (private endpoint, service tag or FQDN rules) for the dependencies the agents and tools need.",
    ],
    notes: [
        'A managed network setting without isolationMode is not isolated (provider default "Disabled") and fails; "AllowInternetOutbound" fails too.',
        "Azure Policy 6ddb1705-c8cf-450e-aa4b-19ad6703c440 checks the same mode on Azure ML workspaces and AI Studio hubs, not on Foundry accounts; there is no peer check for this resource.",
        "azure-native applies defaults to the properties bag through apply, so the whole bag is unknown during preview when any value inside it is (for example a key URI created in the same program); the check then decides at pulumi up.",
    ],
    settings: [
        {
            path: "properties.managedNetwork.isolationMode",
            expect: { kind: "oneOf", values: ["AllowOnlyApprovedOutbound"] },
            missing: { verdict: "violation", providerDefault: '"Disabled"' },
            examples: { violating: "AllowInternetOutbound", compliant: "AllowOnlyApprovedOutbound" },
        },
    ],
    compliantExample: {
        resourceGroupName: "rg",
        accountName: "foundry",
        managedNetworkName: "default",
        properties: { managedNetwork: { isolationMode: "AllowOnlyApprovedOutbound" } },
    },
});
