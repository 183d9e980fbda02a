import { defineSettingsPolicy } from "../../../core/settings";

export default defineSettingsPolicy({
    id: "ml-compute-instance-idle-shutdown",
    cloud: "azure",
    resourceTypes: ["azure-native:machinelearningservices:Compute"],
    area: "network-isolation",
    layer: "paas",
    severity: "low",
    enforcementLevel: "advisory",
    description: "Azure Machine Learning compute instances shut down automatically when idle.",
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
