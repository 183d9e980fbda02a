import { cite } from "../../../core/citations";
import { defineSettingsPolicy } from "../../../core/settings";

export default defineSettingsPolicy({
    id: "ml-compute-cluster-scale-to-zero",
    cloud: "azure",
    resourceTypes: ["azure-native:machinelearningservices:Compute"],
    area: "fm-safety",
    layer: "paas",
    severity: "low",
    enforcementLevel: "advisory",
    description: "Azure Machine Learning compute clusters scale down to zero nodes when idle.",
    controls: cite({
        "nist-800-53": {
            supports: ["CM-7"],
            why: "Cluster nodes are released when idle, so no compute runs without a job.",
        },
        "mitre-atlas": {
            mitigates: ["AML.T0034"],
            why: "Idle nodes that keep running cost money without use; scaling to zero removes them.",
        },
        "iso-27001": {
            supports: ["A.8.6"],
            why: "Capacity management: compute capacity follows demand.",
        },
    }),
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
