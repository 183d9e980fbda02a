import { onAiResources } from "../../../core/ai-scope";
import { cite } from "../../../core/citations";
import { defineSettingsPolicy } from "../../../core/settings";

export default onAiResources(
    defineSettingsPolicy({
        id: "ai-vm-managed-identity",
        cloud: "azure",
        resourceTypes: ["azure-native:compute:VirtualMachine", "azure-native:compute:VirtualMachineScaleSet"],
        area: "identity",
        layer: "iaas",
        severity: "medium",
        enforcementLevel: "mandatory",
        description:
            "Virtual machines and scale sets that host a model have a managed identity, so the model server needs no stored credentials.",
        controls: cite({
            "nist-800-53": {
                implements: ["IA-5(7)"],
                supports: ["IA-9"],
                why: "The model host authenticates to storage, registries and AI services with a managed identity instead of embedded secrets.",
            },
            "mitre-atlas": {
                mitigates: ["AML.T0055"],
                why: "A model server with a managed identity has no key or connection string on disk to be found.",
            },
            "iso-27001": {
                implements: ["A.5.17"],
                why: "Authentication information: model hosts hold no long-lived secrets.",
            },
        }),
        peers: [],
        remediation: [
            'Set identity to { type: "SystemAssigned" } (or "UserAssigned" with userAssignedIdentities) and grant it narrow data roles on the stores and registries the model uses.',
        ],
        notes: [
            "Judged only on compute of the AI system: N-series (GPU) sizes (hardwareProfile.vmSize, sku.name of a scale set), or tagged as AI.",
            "Without identity the VM has none, and a model server has to be given keys or connection strings to reach its weights, so a missing setting fails. Role assignments of the identity are judged by ai-identity-least-privilege.",
        ],
        settings: [
            {
                path: "identity.type",
                expect: { kind: "oneOf", values: ["SystemAssigned", "UserAssigned", "SystemAssigned, UserAssigned"] },
                missing: { verdict: "violation", providerDefault: "no identity" },
                examples: { violating: "None", compliant: "SystemAssigned" },
            },
        ],
        compliantExample: {
            resourceGroupName: "rg-ml",
            tags: { "aiguard:system": "ai" },
            identity: { type: "SystemAssigned" },
        },
    }),
);
