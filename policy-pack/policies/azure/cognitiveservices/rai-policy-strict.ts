import { cite } from "../../../core/citations";
import type { Finding } from "../../../core/definition";
import { defineResourcePolicy } from "../../../core/definition";
import { arrayOf, describe, field, type Value } from "../../../core/values";

const levels = ["Low", "Medium", "High"] as const;

interface Config {
    maxSeverityThreshold?: string;
    allowedModes?: string[];
    harmFilters?: string[];
    promptShields?: string[];
}

/** Filter names are free strings ("Selfharm", "SelfHarm", "Self-harm"): compare letters and digits only. */
function normalize(s: string): string {
    return s.toLowerCase().replace(/[^a-z0-9]/g, "");
}

function sameName(v: Value, name: string): boolean | "unknown" {
    if (v.state === "unknown") {
        return "unknown";
    }
    return v.state === "known" && typeof v.value === "string" && normalize(v.value) === normalize(name);
}

function levelRank(v: unknown): number {
    return typeof v === "string" ? levels.findIndex((l) => l.toLowerCase() === v.toLowerCase()) : -1;
}

function stringList(v: unknown, fallback: readonly string[]): readonly string[] {
    return Array.isArray(v) && v.every((x) => typeof x === "string") ? v : fallback;
}

export default defineResourcePolicy<Config>({
    id: "rai-policy-strict",
    cloud: "azure",
    resourceTypes: ["azure-native:cognitiveservices:RaiPolicy"],
    area: "fm-safety",
    layer: "fm-api",
    severity: "high",
    enforcementLevel: "mandatory",
    description:
        "Azure OpenAI and AI Services content-filter (RAI) policies block hate, sexual, violence and self-harm content in prompts and completions at or below the configured severity threshold, block jailbreak attempts, and filter synchronously.",
    controls: cite({
        "nist-800-53": {
            implements: ["SI-15"],
            supports: ["SI-10"],
            why: "Hate, sexual, violence and self-harm filters apply to completions as well as prompts, at or below the threshold, synchronously.",
        },
        "mitre-atlas": {
            implements: ["AML.M0020"],
            mitigates: ["AML.T0054", "AML.T0048"],
            why: "The policy blocks harmful completions and jailbreak attempts.",
        },
        "nist-ai-rmf": {
            supports: ["MEASURE 2.6"],
            why: "Strict content filtering of prompts and completions is a safety control the check evaluates.",
        },
        "nist-ai-600-1": {
            implements: ["MG-3.2-005"],
            mitigates: ["dangerous-violent-hateful-content", "obscene-degrading-abusive-content"],
            why: "The check verifies content filters on input and output, which is the action itself.",
        },
        "iso-42001": {
            supports: ["A.9.2"],
            why: "Processes for responsible use: the content rules are enforced on every call.",
        },
        "owasp-llm": {
            mitigates: ["LLM01"],
            why: "The jailbreak filter blocks direct prompt attacks.",
        },
    }),
    peers: [
        { tool: "azure-policy", id: "930f48f9-f07e-427c-9494-52603581c6a9" },
        { tool: "azure-policy", id: "c1ad46c6-37f8-4af0-9c71-c208375c87dd" },
    ],
    remediation: [
        'In properties.contentFilters, add for each of Hate, Sexual, Violence and Selfharm one entry with source "Prompt" and one with source "Completion", each with enabled: true, blocking: true and severityThreshold "Low" or "Medium".',
        'Add a "Jailbreak" entry with source "Prompt", enabled: true and blocking: true.',
        'Leave properties.mode unset or set it to "Default" or "Blocking".',
        "Reference the policy from every model deployment (properties.raiPolicyName).",
    ],
    notes: [
        'severityThreshold is the lowest severity that is filtered: "Low" blocks the most, "High" only the worst. By default a filter passes at "Low" or "Medium" (the Microsoft default policy uses "Medium"); set the policy config property maxSeverityThreshold to "Low" to require the strictest setting.',
        'Filter names are compared without case, spaces or hyphens ("Selfharm", "SelfHarm" and "Self-harm" all match). The required harm filters (harmFilters) and prompt shields (promptShields, for example add "Indirect Attack") are configurable.',
        'A filter blocks when blocking is true, or when its action is "BLOCKING"; an action of "None" or "ANNOTATING" does not block.',
        'Modes "Deferred" and "Asynchronous_filter" stream completions before they are filtered and fail by default (allowedModes).',
        "Filters inherited from properties.basePolicyName are not resolved: a strict policy lists its filters explicitly. Unknown filter lists, names or values are decided at pulumi up when nothing else fails.",
        "azure-native applies defaults to the properties bag through apply, so the whole bag is unknown during preview when any value inside it is (for example a key URI created in the same program); the check then decides at pulumi up.",
    ],
    configSchema: {
        properties: {
            maxSeverityThreshold: {
                type: "string",
                enum: ["Low", "Medium", "High"],
                default: "Medium",
                description: "Highest accepted severityThreshold of a harm filter (Low is strictest).",
            },
            allowedModes: {
                type: "array",
                items: { type: "string" },
                default: ["Default", "Blocking"],
                description: "Accepted values of properties.mode (missing means Default).",
            },
            harmFilters: {
                type: "array",
                items: { type: "string" },
                default: ["Hate", "Sexual", "Violence", "Selfharm"],
                description: "Harm filters required with blocking for both Prompt and Completion.",
            },
            promptShields: {
                type: "array",
                items: { type: "string" },
                default: ["Jailbreak"],
                description: "Filters required with blocking for Prompt (no severity).",
            },
        },
    },
    validate(policy, check) {
        const configuredRank = levelRank(check.config.maxSeverityThreshold);
        const maxRank = configuredRank >= 0 ? configuredRank : levelRank("Medium");
        const allowedModes = stringList(check.config.allowedModes, ["Default", "Blocking"]);
        const harm = stringList(check.config.harmFilters, ["Hate", "Sexual", "Violence", "Selfharm"]);
        const shields = stringList(check.config.promptShields, ["Jailbreak"]);
        const maxLevel = levels[maxRank] as string;

        const findings: Finding[] = [];
        let undecided: string | undefined;
        const wait = (path: string) => {
            undecided ??= path;
        };

        const mode = policy.get("properties.mode");
        if (mode.state === "unknown") {
            wait(mode.path);
        } else if (
            mode.state === "known" &&
            !(
                typeof mode.value === "string" &&
                allowedModes.some((m) => m.toLowerCase() === String(mode.value).toLowerCase())
            )
        ) {
            findings.push({
                setting: "properties.mode",
                found: describe(mode),
                expected: allowedModes.map((m) => `"${m}"`).join(" or "),
            });
        }

        const filters = policy.get("properties.contentFilters");
        const list = arrayOf(filters);
        if (filters.state === "unknown") {
            wait(filters.path);
        } else if (list === undefined) {
            findings.push({
                setting: "properties.contentFilters",
                found: filters.state === "missing" ? "not set" : describe(filters),
                expected: `blocking filters for ${[...harm, ...shields].join(", ")}`,
            });
        } else {
            const required: { name: string; source: string; severity: boolean }[] = [
                ...harm.flatMap((name) => [
                    { name, source: "Prompt", severity: true },
                    { name, source: "Completion", severity: true },
                ]),
                ...shields.map((name) => ({ name, source: "Prompt", severity: false })),
            ];
            for (const req of required) {
                const label = `properties.contentFilters (${req.name}, ${req.source})`;
                let sawUnknown: string | undefined;
                const matches: number[] = [];
                list.forEach((el, i) => {
                    const byName = sameName(field(el, "name"), req.name);
                    const bySource = sameName(field(el, "source"), req.source);
                    if (byName === "unknown" || bySource === "unknown") {
                        sawUnknown ??= `properties.contentFilters.${i}.${byName === "unknown" ? "name" : "source"}`;
                    } else if (byName && bySource) {
                        matches.push(i);
                    }
                });
                if (matches.length === 0) {
                    if (sawUnknown !== undefined) {
                        wait(sawUnknown);
                    } else {
                        findings.push({
                            setting: label,
                            found: "missing",
                            expected: req.severity
                                ? `enabled and blocking with severityThreshold "${maxLevel}" or lower`
                                : "enabled and blocking",
                        });
                    }
                    continue;
                }
                for (const i of matches) {
                    const el = list[i];
                    const at = `properties.contentFilters[${i}]`;
                    const enabled = field(el, "enabled");
                    if (enabled.state === "unknown") {
                        wait(`properties.contentFilters.${i}.enabled`);
                    } else if (!(enabled.state === "known" && enabled.value === true)) {
                        findings.push({ setting: `${at}.enabled`, found: describe(enabled), expected: "true" });
                    }
                    const action = field(el, "action");
                    if (action.state === "unknown") {
                        wait(`properties.contentFilters.${i}.action`);
                    } else if (action.state === "known") {
                        if (!(typeof action.value === "string" && action.value.toLowerCase() === "blocking")) {
                            findings.push({
                                setting: `${at}.action`,
                                found: describe(action),
                                expected: '"BLOCKING"',
                            });
                        }
                    } else {
                        const blocking = field(el, "blocking");
                        if (blocking.state === "unknown") {
                            wait(`properties.contentFilters.${i}.blocking`);
                        } else if (!(blocking.state === "known" && blocking.value === true)) {
                            findings.push({ setting: `${at}.blocking`, found: describe(blocking), expected: "true" });
                        }
                    }
                    if (req.severity) {
                        const threshold = field(el, "severityThreshold");
                        if (threshold.state === "unknown") {
                            wait(`properties.contentFilters.${i}.severityThreshold`);
                        } else {
                            const rank = threshold.state === "known" ? levelRank(threshold.value) : -1;
                            if (rank < 0 || rank > maxRank) {
                                findings.push({
                                    setting: `${at}.severityThreshold`,
                                    found: describe(threshold),
                                    expected: `"${maxLevel}" or lower`,
                                });
                            }
                        }
                    }
                }
            }
        }

        if (findings.length > 0) {
            for (const f of findings) {
                check.fail(f);
            }
        } else if (undecided !== undefined) {
            check.undecided(undecided);
        }
    },
});
