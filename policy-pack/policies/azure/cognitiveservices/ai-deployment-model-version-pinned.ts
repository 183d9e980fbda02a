import { cite } from "../../../core/citations";
import { defineSettingsPolicy } from "../../../core/settings";

export default defineSettingsPolicy({
    id: "ai-deployment-model-version-pinned",
    cloud: "azure",
    resourceTypes: ["azure-native:cognitiveservices:Deployment"],
    area: "supply-chain",
    layer: "fm-api",
    severity: "low",
    enforcementLevel: "advisory",
    description: "Azure OpenAI and AI Services deployments pin their model version and do not upgrade automatically.",
    controls: cite({
        "nist-800-53": {
            implements: ["CM-3"],
            supports: ["CM-2"],
            why: "Model versions change only through a deliberate configuration change, not automatic upgrades.",
        },
        "mitre-atlas": {
            supports: ["AML.M0023"],
            why: "A pinned model version keeps the record of which model is deployed accurate.",
        },
        "nist-ai-rmf": {
            supports: ["MANAGE 3.2"],
            why: "Pinning keeps a pre-trained model from changing outside monitoring and review.",
        },
        "nist-ai-600-1": {
            mitigates: ["value-chain-component-integration"],
            why: "The provider cannot swap the model underneath the application unreviewed.",
        },
        "iso-27001": {
            supports: ["A.8.32"],
            why: "Change management: model upgrades go through the change process.",
        },
    }),
    peers: [],
    remediation: [
        "Set properties.model.version to the evaluated version.",
        'Set properties.versionUpgradeOption to "NoAutoUpgrade", and move to a new version by changing the program after it has been evaluated.',
    ],
    notes: [
        'The provider default of versionUpgradeOption is "OnceNewDefaultVersionAvailable", so a deployment that leaves it unset fails; "OnceCurrentVersionExpired" also fails, as it upgrades without review when the version retires.',
        "A deployment without properties.model.version takes the current default version and fails.",
        'Advisory: with "NoAutoUpgrade", a retired version stops serving, so pinning trades availability for control.',
        "azure-native applies defaults to the properties bag through apply, so the whole bag is unknown during preview when any value inside it is (for example a key URI created in the same program); the check then decides at pulumi up.",
    ],
    settings: [
        {
            path: "properties.model.version",
            expect: { kind: "present" },
            missing: { verdict: "violation", providerDefault: "the current default version" },
            examples: { violating: "", compliant: "2024-11-20" },
        },
        {
            path: "properties.versionUpgradeOption",
            expect: { kind: "oneOf", values: ["NoAutoUpgrade"] },
            missing: { verdict: "violation", providerDefault: '"OnceNewDefaultVersionAvailable"' },
            examples: { violating: "OnceNewDefaultVersionAvailable", compliant: "NoAutoUpgrade" },
        },
    ],
    compliantExample: {
        resourceGroupName: "rg",
        accountName: "aoai",
        sku: { name: "Standard", capacity: 10 },
        properties: {
            model: { format: "OpenAI", name: "gpt-4o", version: "2024-11-20" },
            versionUpgradeOption: "NoAutoUpgrade",
            raiPolicyName: "strict-filters",
        },
    },
});
