import { onAiResources } from "../../../core/ai-scope";
import { cite } from "../../../core/citations";
import { defineSettingsPolicy } from "../../../core/settings";

export default onAiResources(
    defineSettingsPolicy({
        id: "ai-aks-managed-identity",
        cloud: "azure",
        resourceTypes: ["azure-native:containerservice:ManagedCluster"],
        area: "identity",
        layer: "iaas",
        severity: "medium",
        enforcementLevel: "mandatory",
        description:
            "AKS clusters that run model workloads use a managed identity rather than a service principal with a secret.",
        controls: cite({
            "nist-800-53": {
                implements: ["IA-5(7)"],
                supports: ["IA-2"],
                why: "The cluster authenticates to Azure with a managed identity, so no client secret is stored or rotated by hand.",
            },
            "mitre-atlas": {
                mitigates: ["AML.T0055"],
                why: "No service-principal secret of the model cluster exists to be found in configuration or state.",
            },
            "iso-27001": {
                implements: ["A.5.17"],
                why: "Authentication information: the cluster holds no long-lived secret.",
            },
        }),
        peers: [],
        remediation: [
            'Set identity to { type: "SystemAssigned" } (or "UserAssigned" with userAssignedIdentities) and remove servicePrincipalProfile.',
        ],
        notes: [
            "Judged only on clusters of the AI system: a cluster with an N-series (GPU) agent pool, one an accelerated AgentPool joins, or tagged as AI.",
            "Without identity the cluster needs servicePrincipalProfile, a client id and secret, so a missing setting fails.",
        ],
        settings: [
            {
                path: "identity.type",
                expect: { kind: "oneOf", values: ["SystemAssigned", "UserAssigned"] },
                missing: { verdict: "violation", providerDefault: "none (a service principal with a secret)" },
                examples: { violating: "None", compliant: "SystemAssigned" },
            },
        ],
        compliantExample: {
            resourceGroupName: "rg-ml",
            dnsPrefix: "ml",
            tags: { "aiguard:system": "ai" },
            identity: { type: "SystemAssigned" },
            agentPoolProfiles: [{ name: "system", mode: "System", vmSize: "Standard_D4s_v5", count: 2 }],
        },
    }),
);
