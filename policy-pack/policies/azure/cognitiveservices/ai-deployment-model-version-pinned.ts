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
    controls: [
        { framework: "nist-800-53", id: "SR-3" },
        { framework: "nist-800-53", id: "SR-5" },
        { framework: "nist-800-53", id: "CM-7" },
        { framework: "mitre-atlas", id: "AML.M0014" },
        { framework: "mitre-atlas", id: "AML.M0023" },
        { framework: "mitre-atlas", id: "AML.T0010" },
        { framework: "mitre-atlas", id: "AML.T0010.003" },
        { framework: "nist-ai-rmf", id: "MANAGE 3.1" },
        { framework: "iso-27001", id: "A.5.21" },
        { framework: "iso-42001", id: "A.10.3" },
        { framework: "owasp-llm", id: "LLM03" },
    ],
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
