import { cite } from "../../../core/citations";
import type { Finding } from "../../../core/definition";
import { defineResourcePolicy } from "../../../core/definition";
import { describe, type Value } from "../../../core/values";

interface ApprovedModel {
    name: string;
    format?: string;
    versions?: string[];
}

interface Config {
    approvedModels?: unknown;
}

function sameText(a: unknown, b: string): boolean {
    return typeof a === "string" && a.toLowerCase() === b.toLowerCase();
}

/** The well-formed entries of the configured allowlist. */
function approvedList(raw: unknown): ApprovedModel[] {
    if (!Array.isArray(raw)) {
        return [];
    }
    return raw.flatMap((e): ApprovedModel[] => {
        if (typeof e === "string" && e.trim() !== "") {
            return [{ name: e }];
        }
        if (e === null || typeof e !== "object" || typeof (e as { name?: unknown }).name !== "string") {
            return [];
        }
        const { name, format, versions } = e as { name: string; format?: unknown; versions?: unknown };
        return [
            {
                name,
                ...(typeof format === "string" ? { format } : {}),
                ...(Array.isArray(versions)
                    ? { versions: versions.filter((v): v is string => typeof v === "string") }
                    : {}),
            },
        ];
    });
}

export default defineResourcePolicy<Config>({
    id: "ai-deployment-approved-models",
    cloud: "azure",
    resourceTypes: ["azure-native:cognitiveservices:Deployment"],
    area: "fm-safety",
    layer: "fm-api",
    severity: "medium",
    enforcementLevel: "advisory",
    description:
        "Azure OpenAI and AI Services deployments serve only models (and versions) on the approved list set in the policy config.",
    controls: cite({
        "nist-800-53": {
            implements: ["CM-7(5)"],
            supports: ["SR-5"],
            why: "Deployments may serve only models and versions on the approved list.",
        },
        "mitre-atlas": {
            mitigates: ["AML.T0010.003"],
            why: "Only vetted models can be deployed, which narrows exposure to a compromised or unvetted model.",
        },
        "nist-ai-rmf": {
            supports: ["MANAGE 3.1"],
            why: "An allowlist of third-party models is a risk control applied to third-party AI resources.",
        },
        "nist-ai-600-1": {
            supports: ["GV-6.1-007"],
            mitigates: ["value-chain-component-integration"],
            why: "The check enforces an approved list of GAI models, the list the action asks for.",
        },
        "iso-42001": {
            supports: ["A.10.3"],
            why: "Suppliers: only approved provider models are used.",
        },
        "owasp-llm": {
            mitigates: ["LLM03"],
            why: "Restricting deployments to approved models is a supply-chain control for third-party models.",
        },
    }),
    peers: [{ tool: "azure-policy", id: "aafe3651-cb78-4f68-9f81-e7e41509110f" }],
    remediation: [
        "Deploy a model that is on the approved list (properties.model.name, and properties.model.version when the list pins versions).",
        "Or have the model reviewed and add it to the policy config property approvedModels.",
    ],
    notes: [
        'The list is the policy config property approvedModels: entries are model names ("gpt-4o") or objects { name, format, versions } (for example { "name": "gpt-4o", "format": "OpenAI", "versions": ["2024-11-20"] }). Names, formats and versions compare case-insensitively.',
        "With no list configured (the default) the check passes every deployment: the approved set is organisation-specific.",
        "When an entry lists versions, a deployment without properties.model.version (which takes the current default version and may be upgraded) fails. A format given in the entry must match properties.model.format when that is set.",
        "Model names are printed only when they are on the list; unknown model names or versions are decided at pulumi up.",
        "azure-native applies defaults to the properties bag through apply, so the whole bag is unknown during preview when any value inside it is (for example a key URI created in the same program); the check then decides at pulumi up.",
    ],
    configSchema: {
        properties: {
            approvedModels: {
                type: "array",
                items: {
                    anyOf: [
                        { type: "string" },
                        {
                            type: "object",
                            properties: {
                                name: { type: "string" },
                                format: { type: "string" },
                                versions: { type: "array", items: { type: "string" } },
                            },
                            required: ["name"],
                        },
                    ],
                },
                default: [],
                description: "Approved models: names or { name, format, versions } objects.",
            },
        },
    },
    validate(deployment, check) {
        const approved = approvedList(check.config.approvedModels);
        if (approved.length === 0) {
            return;
        }
        const names = [...new Set(approved.map((a) => a.name))];
        const name = deployment.get("properties.model.name");
        if (name.state === "unknown") {
            check.undecided(name.path);
            return;
        }
        const byName = approved.filter((a) => sameText(name.state === "known" ? name.value : undefined, a.name));
        if (byName.length === 0) {
            check.fail({
                setting: "properties.model.name",
                found: describe(name),
                expected: `an approved model (${names.join(", ")})`,
            });
            return;
        }
        const format = deployment.get("properties.model.format");
        const version = deployment.get("properties.model.version");
        const fits = (a: ApprovedModel, v: Value, f: Value): boolean | "unknown" => {
            if (a.format !== undefined && f.state === "known" && !sameText(f.value, a.format)) {
                return false;
            }
            if (a.format !== undefined && f.state === "unknown") {
                return "unknown";
            }
            if (a.versions === undefined) {
                return true;
            }
            if (v.state === "unknown") {
                return "unknown";
            }
            return v.state === "known" && a.versions.some((x) => sameText(v.value, x));
        };
        const results = byName.map((a) => fits(a, version, format));
        if (results.includes(true)) {
            return;
        }
        if (results.includes("unknown")) {
            check.undecided(version.state === "unknown" ? version.path : "properties.model.format");
            return;
        }
        const versions = [...new Set(byName.flatMap((a) => a.versions ?? []))];
        const findings: Finding[] = [];
        const formats = [...new Set(byName.flatMap((a) => (a.format !== undefined ? [a.format] : [])))];
        if (formats.length > 0 && format.state === "known" && !formats.some((f) => sameText(format.value, f))) {
            findings.push({
                setting: "properties.model.format",
                found: describe(format),
                expected: formats.map((f) => `"${f}"`).join(" or "),
            });
        }
        if (versions.length > 0 && !(version.state === "known" && versions.some((x) => sameText(version.value, x)))) {
            findings.push({
                setting: "properties.model.version",
                found: version.state === "missing" ? "not set (the current default version)" : describe(version),
                expected: `an approved version (${versions.join(", ")})`,
            });
        }
        if (findings.length === 0) {
            findings.push({
                setting: "properties.model",
                found: "a format and version combination that is not approved",
                expected: "an approved combination (policy config approvedModels)",
            });
        }
        for (const f of findings) {
            check.fail(f);
        }
    },
});
