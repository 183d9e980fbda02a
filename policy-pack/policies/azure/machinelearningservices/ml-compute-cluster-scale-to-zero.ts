import { defineSettingsPolicy } from "../../../core/settings";

export default defineSettingsPolicy({
    id: "ml-compute-cluster-scale-to-zero",
    cloud: "azure",
    resourceTypes: ["azure-native:machinelearningservices:Compute"],
    area: "network-isolation",
    layer: "paas",
    severity: "low",
    enforcementLevel: "advisory",
    description: "Azure Machine Learning compute clusters scale down to zero nodes when idle.",
    controls: [
        { framework: "nist-800-53", id: "CM-7" },
        { framework: "nist-800-53", id: "AC-17" },
        { framework: "nist-800-53", id: "SC-7" },
        { framework: "mitre-atlas", id: "AML.M0019" },
        { framework: "mitre-atlas", id: "AML.T0034" },
        { framework: "mitre-atlas", id: "AML.T0049" },
        { framework: "iso-27001", id: "A.8.20" },
        { framework: "owasp-llm", id: "LLM10" },
    ],
    peers: [{ tool: "checkov", id: "CKV_AZURE_150" }],
    remediation: ["Set properties.properties.scaleSettings.minNodeCount to 0 (or leave it unset)."],
    notes: [
        'Applies to computeType "AmlCompute". The provider default minNodeCount is 0, so an unset value passes.',
        "Hygiene check (cost and exposure of idle, reachable nodes), advisory.",
    ],
    settings: [
        {
            path: "properties.properties.scaleSettings.minNodeCount",
            expect: { kind: "oneOf", values: [0] },
            missing: { verdict: "compliant" },
            examples: { violating: 2, compliant: 0 },
            onlyIf: { path: "properties.computeType", oneOf: ["AmlCompute"] },
        },
    ],
    compliantExample: {
        resourceGroupName: "rg",
        workspaceName: "mlw",
        computeName: "c1",
        properties: {
            computeType: "AmlCompute",
            properties: { vmSize: "Standard_DS3_v2", scaleSettings: { maxNodeCount: 4, minNodeCount: 0 } },
        },
    },
});
