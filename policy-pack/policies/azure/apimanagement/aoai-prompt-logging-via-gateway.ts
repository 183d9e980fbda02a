import { cite } from "../../../core/citations";
import { defineStackPolicy, type Finding, type StackResource } from "../../../core/definition";
import { arrayOf, equalsIgnoreCase, field, isUnknownSentinel } from "../../../core/values";
import {
    apiDiagnosticType,
    apiType,
    deps,
    diagnosticSettingType,
    frontsAi,
    serviceType,
} from "../../../shared/azure-apim";

type Verdict = { kind: "ok" } | { kind: "unknown"; path: string } | { kind: "fail"; finding: Finding };

function bytes(d: StackResource, paths: readonly string[]): { max: number; unknown?: string } {
    let max = 0;
    let unknown: string | undefined;
    for (const p of paths) {
        const v = d.get(p);
        if (v.state === "unknown") {
            unknown ??= p;
        } else if (v.state === "known" && typeof v.value === "number") {
            max = Math.max(max, v.value);
        }
    }
    return unknown ? { max, unknown } : { max };
}

function judgeDiagnostic(d: StackResource): Verdict {
    const logger = d.get("loggerId");
    if (
        logger.state === "missing" ||
        (logger.state === "known" && (typeof logger.value !== "string" || logger.value.trim() === ""))
    ) {
        return {
            kind: "fail",
            finding: {
                setting: "loggerId",
                found: "not set",
                expected: "a logger (Application Insights or Azure Monitor)",
            },
        };
    }
    const sampling = d.get("sampling.percentage");
    if (sampling.state === "unknown") {
        return { kind: "unknown", path: "sampling.percentage" };
    }
    if (sampling.state === "known" && !(typeof sampling.value === "number" && sampling.value > 0)) {
        return {
            kind: "fail",
            finding: {
                setting: "sampling.percentage",
                found: typeof sampling.value === "number" ? String(sampling.value) : "not a number",
                expected: "more than 0",
            },
        };
    }
    for (const [what, paths] of [
        ["prompt", ["frontend.request.body.bytes", "backend.request.body.bytes"]],
        ["completion", ["frontend.response.body.bytes", "backend.response.body.bytes"]],
    ] as const) {
        const b = bytes(d, paths);
        if (b.max > 0) {
            continue;
        }
        if (b.unknown) {
            return { kind: "unknown", path: b.unknown };
        }
        return {
            kind: "fail",
            finding: {
                setting: `${paths[0]} / ${paths[1]}`,
                found: `not set or 0 (no ${what} body is logged)`,
                expected: "a body size to log, e.g. 8192 bytes",
            },
        };
    }
    return { kind: "ok" };
}

/** A diagnostic setting on the APIM service that sends its LLM gateway logs (or all logs) somewhere. */
function judgeServiceSetting(s: StackResource): Verdict | undefined {
    const logs = s.get("logs");
    if (logs.state === "unknown") {
        return { kind: "unknown", path: "logs" };
    }
    for (const entry of arrayOf(logs) ?? []) {
        if (isUnknownSentinel(entry)) {
            return { kind: "unknown", path: "logs" };
        }
        const llm =
            equalsIgnoreCase(field(entry, "category"), "GatewayLlmLogs") ||
            equalsIgnoreCase(field(entry, "categoryGroup"), "allLogs");
        const enabled = field(entry, "enabled");
        if (llm && enabled.state === "known" && enabled.value === true) {
            return { kind: "ok" };
        }
    }
    return undefined;
}

export default defineStackPolicy({
    id: "aoai-prompt-logging-via-gateway",
    cloud: "azure",
    resourceTypes: [apiType],
    area: "io-logging",
    layer: "fm-api",
    severity: "medium",
    enforcementLevel: "advisory",
    description:
        "Every API Management API that fronts an Azure OpenAI / AI Services account logs prompts and completions, through an API diagnostic with request and response bodies or the gateway's LLM logs.",
    controls: cite({
        "nist-800-53": {
            implements: ["AU-12"],
            supports: ["AU-3"],
            why: "APIs fronting Azure OpenAI log prompts and completions through a diagnostic with bodies or the gateway's LLM logs.",
        },
        "mitre-atlas": {
            implements: ["AML.M0024"],
            mitigates: ["AML.T0051"],
            why: "Logged prompts show injection attempts and misuse.",
        },
        "nist-ai-rmf": {
            implements: ["MEASURE 2.4"],
            why: "Logged prompts and completions are the record on which the model's production behaviour is monitored.",
        },
        "nist-ai-600-1": {
            mitigates: ["information-security"],
            why: "Without prompt logs, attacks on the GAI service go unseen.",
        },
        "iso-27001": {
            implements: ["A.8.15"],
            why: "Logging: model calls through the gateway are recorded.",
        },
        "iso-42001": {
            implements: ["A.6.2.8"],
            why: "AI system recording of event logs: inputs and outputs of the model are recorded.",
        },
    }),
    peers: [],
    remediation: [
        "Add an apimanagement.ApiDiagnostic to the API with loggerId set to an Application Insights or Azure Monitor logger, sampling.percentage above 0, and frontend (or backend) request and response body.bytes above 0 (e.g. 8192); mask secrets with dataMasking.",
        'Or add a monitor.DiagnosticSetting on the API Management service with the log category "GatewayLlmLogs" (or categoryGroup "allLogs") enabled.',
    ],
    notes: [
        "Azure OpenAI resource logs carry request metadata, not prompts or completions, so input/output logging on Azure needs a gateway or application-side logging.",
        "An API fronts an AI account when its serviceUrl depends on the account (or on an APIM Backend whose url or resourceId does), when an ApiPolicy of the API refers to such a backend or account in its value, or when a literal serviceUrl or backend url is an *.openai.azure.com, *.cognitiveservices.azure.com or *.services.ai.azure.com endpoint. ApiDiagnostics and ApiPolicies are linked through the property dependencies of apiId, the service through serviceName, never by id.",
        "A missing sampling block logs every request and passes. Unknown loggers count as set; unknown sampling or body sizes leave the verdict to pulumi up. Application-side logging cannot be seen, which is why the check is advisory.",
        "azure-native 3.28.0 (API 2024-05-01) has no largeLanguageModel diagnostic field, so LLM-specific APIM diagnostics are recognized only through the GatewayLlmLogs category of a diagnostic setting.",
    ],
    validate(check) {
        for (const api of check.resources) {
            if (api.type !== apiType || !frontsAi(api, check.resources)) {
                continue;
            }
            const verdicts: Verdict[] = check.resources
                .filter((d) => d.type === apiDiagnosticType && deps(d, "apiId").includes(api))
                .map(judgeDiagnostic);
            const services = deps(api, "serviceName").filter((s) => s.type === serviceType);
            for (const s of check.resources) {
                if (s.type === diagnosticSettingType && deps(s, "resourceUri").some((d) => services.includes(d))) {
                    const v = judgeServiceSetting(s);
                    if (v) {
                        verdicts.push(v);
                    }
                }
            }
            if (verdicts.some((v) => v.kind === "ok")) {
                continue;
            }
            const pending = verdicts.find((v) => v.kind === "unknown");
            if (pending?.kind === "unknown") {
                check.undecided(api, pending.path);
                continue;
            }
            const failing = verdicts.find((v) => v.kind === "fail");
            check.fail(
                api,
                failing?.kind === "fail"
                    ? { ...failing.finding, setting: `ApiDiagnostic ${failing.finding.setting}` }
                    : {
                          setting: "prompt and completion logging",
                          found: "not configured: no ApiDiagnostic of this API and no GatewayLlmLogs diagnostic setting on its API Management service",
                          expected:
                              "an ApiDiagnostic that logs request and response bodies, or GatewayLlmLogs sent to a destination",
                      },
            );
        }
    },
});
