import { onAiResources } from "../../../core/ai-scope";
import { cite } from "../../../core/citations";
import { defineSettingsPolicy } from "../../../core/settings";

export default onAiResources(
    defineSettingsPolicy({
        id: "ai-aks-local-accounts-disabled",
        cloud: "azure",
        resourceTypes: ["azure-native:containerservice:ManagedCluster"],
        area: "identity",
        layer: "iaas",
        severity: "high",
        enforcementLevel: "mandatory",
        description:
            "AKS clusters that run model workloads have local accounts disabled, so every API call is authenticated through Microsoft Entra ID.",
        controls: cite({
            "nist-800-53": {
                implements: ["IA-2"],
                supports: ["AC-2"],
                why: "Access to the model cluster's API requires an Entra ID identity; the shared admin certificate is disabled.",
            },
            "mitre-atlas": {
                supports: ["AML.M0019"],
                mitigates: ["AML.T0012"],
                why: "No static cluster-admin credential exists that could be reused to reach model workloads.",
            },
            "iso-27001": {
                implements: ["A.8.5"],
                why: "Secure authentication: cluster access goes through the organization's identity provider.",
            },
        }),
        peers: [
            { tool: "checkov", id: "CKV_AZURE_141" },
            { tool: "azure-policy", id: "993c2fcd-2b29-49d2-9eb0-df2c3a730c32" },
        ],
        remediation: [
            "Set disableLocalAccounts to true, with aadProfile ({ managed: true, enableAzureRBAC: true }) so administrators sign in with Entra ID.",
        ],
        notes: [
            "Judged only on clusters of the AI system: a cluster with an N-series (GPU) agent pool, one an accelerated AgentPool joins, or tagged as AI.",
            "The default is false: local accounts, including the cluster-admin certificate from listClusterAdminCredential, are on.",
        ],
        settings: [
            {
                path: "disableLocalAccounts",
                expect: { kind: "oneOf", values: [true] },
                missing: { verdict: "violation", providerDefault: "false" },
                examples: { violating: false, compliant: true },
            },
        ],
        compliantExample: {
            resourceGroupName: "rg-ml",
            dnsPrefix: "ml",
            tags: { "aiguard:system": "ai" },
            identity: { type: "SystemAssigned" },
            aadProfile: { managed: true, enableAzureRBAC: true },
            disableLocalAccounts: true,
        },
    }),
);
