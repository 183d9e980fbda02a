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
    controls: [
        { framework: "nist-800-53", id: "IA-2" },
        { framework: "nist-800-53", id: "IA-5" },
        { framework: "nist-800-53", id: "AC-2" },
        { framework: "nist-800-53", id: "AC-3" },
        { framework: "mitre-atlas", id: "AML.M0019" },
        { framework: "mitre-atlas", id: "AML.T0012" },
        { framework: "mitre-atlas", id: "AML.T0055" },
        { framework: "nist-ai-rmf", id: "MEASURE 2.7" },
        { framework: "iso-27001", id: "A.8.5" },
        { framework: "iso-27001", id: "A.5.17" },
        { framework: "iso-42001", id: "A.4.5" },
    ],
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
