import { cite } from "../../../core/citations";
import type { Finding, StackResource } from "../../../core/definition";
import { defineStackPolicy } from "../../../core/definition";
import { arrayOf, describe, equalsIgnoreCase, field, isUnknownSentinel } from "../../../core/values";

const diagnosticSettingType = "azure-native:monitor:DiagnosticSetting";

/** AI resource types that emit resource logs and need a diagnostic setting. */
const loggedTypes: readonly string[] = [
    "azure-native:cognitiveservices:Account",
    "azure-native:machinelearningservices:Workspace",
    "azure-native:machinelearningservices:OnlineEndpoint",
    "azure-native:machinelearningservices:Registry",
    "azure-native:search:Service",
];

/** Destination properties; a setting needs at least one. */
const destinations: readonly string[] = [
    "workspaceId",
    "storageAccountId",
    "eventHubAuthorizationRuleId",
    "marketplacePartnerId",
];

const expectedLogs = 'an entry with categoryGroup "allLogs" and enabled true';

type Verdict =
    | { readonly kind: "compliant" }
    | { readonly kind: "failing"; readonly findings: readonly Finding[] }
    | { readonly kind: "undecided"; readonly path: string };

/** Whether `logs` has an enabled `allLogs` entry: a finding, an undecided path, or neither. */
function checkLogs(setting: StackResource): Finding | string | undefined {
    const logs = setting.get("logs");
    if (logs.state === "unknown") {
        return "logs";
    }
    const entries = arrayOf(logs);
    if (entries === undefined) {
        return { setting: "logs", found: describe(logs), expected: `a list with ${expectedLogs}` };
    }
    let undecided: string | undefined;
    let disabledAllLogs: { index: number; found: string } | undefined;
    const groups = new Set<string>();
    for (let i = 0; i < entries.length; i++) {
        const entry = entries[i];
        if (isUnknownSentinel(entry)) {
            undecided ??= `logs[${i}]`;
            continue;
        }
        const group = field(entry, "categoryGroup");
        const enabled = field(entry, "enabled");
        const isAllLogs = equalsIgnoreCase(group, "allLogs");
        if (group.state === "known" && typeof group.value === "string" && !isAllLogs) {
            groups.add(group.value);
        }
        if (!isAllLogs && group.state !== "unknown") {
            continue;
        }
        if (enabled.state === "known" && enabled.value === true) {
            if (isAllLogs) {
                return undefined;
            }
            undecided ??= `logs[${i}].categoryGroup`;
        } else if (enabled.state === "unknown") {
            undecided ??= isAllLogs ? `logs[${i}].enabled` : `logs[${i}].categoryGroup`;
        } else if (isAllLogs) {
            disabledAllLogs ??= { index: i, found: describe(enabled) };
        }
    }
    if (undecided !== undefined) {
        return undecided;
    }
    if (disabledAllLogs !== undefined) {
        return { setting: `logs[${disabledAllLogs.index}].enabled`, found: disabledAllLogs.found, expected: "true" };
    }
    const audit = [...groups].find((g) => g.toLowerCase() === "audit");
    return {
        setting: "logs[].categoryGroup",
        found:
            entries.length === 0
                ? "not set (an empty list)"
                : audit !== undefined
                  ? `"${audit}" only`
                  : 'not "allLogs" in any entry',
        expected: `"allLogs" in an enabled entry (${expectedLogs})`,
    };
}

function evaluateSetting(setting: StackResource): Verdict {
    const findings: Finding[] = [];
    let undecided: string | undefined;

    const logs = checkLogs(setting);
    if (typeof logs === "string") {
        undecided = logs;
    } else if (logs !== undefined) {
        findings.push(logs);
    }

    // Destination ids usually come from other resources and are unknown during preview: unknown counts as set.
    const hasDestination = destinations.some((d) => {
        const v = setting.get(d);
        return (
            v.state === "unknown" || (v.state === "known" && typeof v.value === "string" && v.value.trim().length > 0)
        );
    });
    if (!hasDestination) {
        findings.push({
            setting: "destination (workspaceId, storageAccountId or eventHubAuthorizationRuleId)",
            found: "not set",
            expected: "a Log Analytics workspace, a storage account or an event hub",
        });
    }

    if (findings.length > 0) {
        return { kind: "failing", findings };
    }
    if (undecided !== undefined) {
        return { kind: "undecided", path: undecided };
    }
    return { kind: "compliant" };
}

export default defineStackPolicy({
    id: "ai-diagnostic-settings",
    cloud: "azure",
    resourceTypes: [...loggedTypes, diagnosticSettingType],
    area: "io-logging",
    layer: "fm-api",
    severity: "high",
    enforcementLevel: "mandatory",
    description:
        "Every Azure AI Services account, Machine Learning workspace, online endpoint and registry, and AI Search service sends all its resource logs to a destination through a diagnostic setting.",
    controls: cite({
        "nist-800-53": {
            implements: ["AU-12"],
            supports: ["AU-2", "AU-6"],
            why: "Every AI account, ML workspace, endpoint, registry and AI Search service sends all its resource logs to a destination.",
        },
        "mitre-atlas": {
            supports: ["AML.M0024"],
            why: "Resource logs of AI services are the telemetry of their use.",
        },
        "nist-ai-rmf": {
            supports: ["MEASURE 2.4"],
            why: "Resource logs let the AI services be monitored in production.",
        },
        "iso-27001": {
            implements: ["A.8.15"],
            why: "Logging: resource logs of the AI services are delivered.",
        },
        "iso-42001": {
            implements: ["A.6.2.8"],
            why: "AI system recording of event logs: AI service activity is logged.",
        },
    }),
    peers: [
        { tool: "azure-policy", id: "1b4d1c4e-934c-4703-944c-27c82c06bebb" },
        { tool: "azure-policy", id: "afe0c3be-ba3b-4544-ba52-0c99672a8ad6" },
        { tool: "azure-policy", id: "b4330a05-a843-4bc8-bf9a-cacce50c67f4" },
        { tool: "azure-policy", id: "f59276f0-5740-4aaf-821d-45d185aa210e" },
        { tool: "azure-policy", id: "3d5da587-71bd-41f5-ac95-dd3330c2d58d" },
        { tool: "azure-policy", id: "08ba64b8-738f-4918-9686-730d2ed79c7d" },
        { tool: "azure-policy", id: "0628b917-d4b4-4af5-bc2b-b4f87cd173ab" },
        { tool: "azure-policy", id: "55d1f543-d1b0-4811-9663-d6d0dbc6326d" },
        { tool: "azure-policy", id: "14e81583-c89c-47db-af0d-f9ddddcccd9f" },
        { tool: "azure-policy", id: "ae48c709-d2b4-4fad-8c5c-838524130aa4" },
        { tool: "azure-policy", id: "90c90eda-bfe7-4c67-bf26-410420ed1047" },
        { tool: "azure-policy", id: "a8de4d0a-d637-4684-b70e-6df73b74d117" },
        { tool: "azure-policy", id: "cc789f91-3e63-4cfb-86f4-87565055f269" },
        { tool: "azure-policy", id: "5cfb9e8a-2f13-40bd-a527-c89bc596d299" },
        { tool: "azure-policy", id: "315c965f-c0d7-4397-86d3-c05a0981437a" },
        { tool: "azure-policy", id: "12000b3e-e38b-4bef-9098-38785f06ea32" },
        { tool: "azure-policy", id: "33835ef6-bc67-4bde-bf5f-5a857f195a57" },
        { tool: "azure-policy", id: "84d8a69f-788a-4025-ba96-f36406cc9ee5" },
        { tool: "azure-policy", id: "971199b6-1971-4d3e-85b0-fa7639044679" },
        { tool: "azure-policy", id: "8def4bdd-4362-4ed6-a26f-7bf8f2c58839" },
        { tool: "azure-policy", id: "480ee186-7504-48ac-b64e-af38673aa2c6" },
    ],
    remediation: [
        "Add an azure-native:monitor:DiagnosticSetting for each AI resource, with resourceUri set to the resource's id output.",
        'Give it logs: [{ categoryGroup: "allLogs", enabled: true }].',
        "Send it to a destination: workspaceId (Log Analytics), storageAccountId or eventHubAuthorizationRuleId.",
    ],
    notes: [
        "A diagnostic setting belongs to an AI resource when its resourceUri depends on that resource (property dependencies); resource ids are never compared, because they are unknown during preview.",
        'The "allLogs" category group is required because it is the only group that covers request and response logs (for example Azure OpenAI RequestResponse); "audit" covers only audit events, and lists of individual categories differ by account kind and change over time, so they do not pass. Azure Policy 1b4d1c4e accepts any enabled log setting; this check is stricter.',
        "Destination ids usually come from other resources and count as set when unknown. marketplacePartnerId (a partner solution) also counts as a destination.",
        "The Azure Policy deployIfNotExists definitions that create a diagnostic setting for these resources (to Log Analytics, an event hub or storage) are listed as peers for the outcome they ensure; this check accepts any of those destinations but requires allLogs.",
        "A resource without any diagnostic setting is reported on the resource itself; a setting whose logs or destination are insufficient is reported on the setting. If enabled or categoryGroup is unknown, the check decides at pulumi up.",
    ],
    validate(check) {
        const logged = new Set(check.resources.filter((r) => loggedTypes.includes(r.type)));
        const settingsOf = new Map<StackResource, StackResource[]>();
        for (const setting of check.resources) {
            if (setting.type !== diagnosticSettingType) {
                continue;
            }
            for (const target of new Set(setting.propertyDependencies.resourceUri ?? [])) {
                if (logged.has(target)) {
                    const list = settingsOf.get(target) ?? [];
                    list.push(setting);
                    settingsOf.set(target, list);
                }
            }
        }

        const verdicts = new Map<StackResource, Verdict>();
        const verdictOf = (setting: StackResource): Verdict => {
            let v = verdicts.get(setting);
            if (v === undefined) {
                v = evaluateSetting(setting);
                verdicts.set(setting, v);
            }
            return v;
        };

        const toFail = new Set<StackResource>();
        const toDecideLater = new Set<StackResource>();
        for (const target of logged) {
            const settings = settingsOf.get(target) ?? [];
            if (settings.length === 0) {
                check.fail(target, {
                    setting: "diagnostic settings",
                    found: "missing (no diagnostic setting has a resourceUri that references it)",
                    expected: 'a DiagnosticSetting with categoryGroup "allLogs" enabled and a destination',
                });
                continue;
            }
            const results = settings.map((s) => [s, verdictOf(s)] as const);
            if (results.some(([, v]) => v.kind === "compliant")) {
                continue;
            }
            const undecided = results.filter(([, v]) => v.kind === "undecided");
            if (undecided.length > 0) {
                // One of these may turn out compliant at pulumi up, so none of the settings fails yet.
                for (const [s] of undecided) {
                    toDecideLater.add(s);
                }
                continue;
            }
            for (const [s] of results) {
                toFail.add(s);
            }
        }

        for (const setting of toFail) {
            const v = verdictOf(setting);
            if (v.kind === "failing") {
                for (const finding of v.findings) {
                    check.fail(setting, finding);
                }
            }
        }
        for (const setting of toDecideLater) {
            const v = verdictOf(setting);
            if (v.kind === "undecided") {
                check.undecided(setting, v.path);
            }
        }
    },
});
