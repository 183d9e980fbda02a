import { cite } from "../../../core/citations";
import { defineSettingsPolicy } from "../../../core/settings";

export default defineSettingsPolicy({
    id: "ml-compute-instance-idle-shutdown",
    cloud: "azure",
    resourceTypes: ["azure-native:machinelearningservices:Compute"],
    area: "fm-safety",
    layer: "paas",
    severity: "low",
    enforcementLevel: "advisory",
    description: "Azure Machine Learning compute instances shut down automatically when idle.",
    controls: cite({
        "nist-800-53": {
            supports: ["AC-12"],
            why: "An idle compute instance shuts itself down, ending the sessions and the running environment left behind.",
        },
        "mitre-atlas": {
            mitigates: ["AML.T0034"],
            why: "An instance left running idle accrues cost and stays available to anyone holding its credentials.",
        },
        "iso-27001": {
            supports: ["A.8.6"],
            why: "Capacity management: idle compute is released.",
        },
    }),
    peers: [{ tool: "azure-policy", id: "679ddf89-ab8f-48a5-9029-e76054077449" }],
    remediation: ['Set properties.properties.idleTimeBeforeShutdown to an ISO 8601 duration, for example "PT60M".'],
    notes: [
        'Applies to computeType "ComputeInstance". Without the setting an instance runs until stopped (no idle shutdown) and fails.',
        "Hygiene check (cost and exposure of idle, reachable compute), advisory. Placed under network isolation because it limits how long a reachable node exists.",
    ],
    settings: [
        {
            path: "properties.properties.idleTimeBeforeShutdown",
            expect: { kind: "present" },
            missing: { verdict: "violation", providerDefault: "no idle shutdown" },
            examples: { violating: "", compliant: "PT60M" },
            onlyIf: { path: "properties.computeType", oneOf: ["ComputeInstance"] },
        },
    ],
    compliantExample: {
        resourceGroupName: "rg",
        workspaceName: "mlw",
        computeName: "c1",
        properties: {
            computeType: "ComputeInstance",
            properties: { vmSize: "Standard_DS3_v2", idleTimeBeforeShutdown: "PT60M" },
        },
    },
});
