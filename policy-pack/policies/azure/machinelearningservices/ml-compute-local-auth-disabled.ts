import { cite } from "../../../core/citations";
import { defineSettingsPolicy } from "../../../core/settings";

export default defineSettingsPolicy({
    id: "ml-compute-local-auth-disabled",
    cloud: "azure",
    resourceTypes: ["azure-native:machinelearningservices:Compute"],
    area: "identity",
    layer: "paas",
    severity: "medium",
    enforcementLevel: "mandatory",
    description: "Azure Machine Learning compute clusters and compute instances have local authentication disabled.",
    controls: cite({
        "nist-800-53": {
            implements: ["IA-2"],
            supports: ["IA-5"],
            why: "With keys disabled, every caller of compute clusters and instances authenticates as an Entra ID identity.",
        },
        "mitre-atlas": {
            supports: ["AML.M0019"],
            mitigates: ["AML.T0055"],
            why: "No long-lived shared key exists that could leak from code or configuration and be replayed (AML.T0055).",
        },
        "iso-27001": {
            implements: ["A.8.5"],
            why: "Secure authentication: access requires an Entra ID token instead of a shared key.",
        },
    }),
    peers: [
        { tool: "checkov", id: "CKV_AZURE_142" },
        { tool: "azure-policy", id: "e96a9a5f-07ca-471b-9bc5-6a0f33cbd68f" },
        { tool: "azure-policy", id: "a6f9a2d0-cff7-4855-83ad-4cd750666512" },
    ],
    remediation: [
        "Set properties.disableLocalAuth to true, so the compute is reached only with Microsoft Entra ID and managed identities.",
    ],
    notes: [
        'Applies to computeType "AmlCompute" and "ComputeInstance"; attached compute types are not evaluated.',
        "The provider default is false (local authentication on), so compute that leaves properties.disableLocalAuth unset fails.",
    ],
    settings: [
        {
            path: "properties.disableLocalAuth",
            expect: { kind: "oneOf", values: [true] },
            missing: { verdict: "violation", providerDefault: "false" },
            examples: { violating: false, compliant: true },
            onlyIf: { path: "properties.computeType", oneOf: ["AmlCompute", "ComputeInstance"] },
        },
    ],
    compliantExample: {
        resourceGroupName: "rg",
        workspaceName: "mlw",
        computeName: "c1",
        properties: {
            computeType: "AmlCompute",
            disableLocalAuth: true,
            properties: { vmSize: "Standard_DS3_v2", enableNodePublicIp: false },
        },
    },
});
