import { programView } from "../../../core/ai-scope";
import { cite } from "../../../core/citations";
import { defineStackPolicy, type Finding, type StackCheck, type StackResource } from "../../../core/definition";
import { arrayOf, isUnknownSentinel } from "../../../core/values";
import { apiType, deps, frontsAi, serviceType } from "../../../shared/azure-apim";

const prefix = "Microsoft.WindowsAzure.ApiManagement.Gateway.Security.";

/** customProperties that must not be "true": legacy protocols to callers and backends, and 3DES. */
const legacySettings: readonly string[] = [
    "Protocols.Tls10",
    "Protocols.Tls11",
    "Protocols.Ssl30",
    "Backend.Protocols.Tls10",
    "Backend.Protocols.Tls11",
    "Backend.Protocols.Ssl30",
    "Ciphers.TripleDes168",
].map((s) => `${prefix}${s}`);

/** Plain-text protocols an API can be called on. */
const plainProtocols = new Set(["http", "ws"]);

function apiFindings(api: StackResource): Finding[] | { readonly undecided: string } {
    const protocols = programView(api).get("protocols");
    if (protocols.state === "unknown") {
        return { undecided: "protocols" };
    }
    const list = arrayOf(protocols) ?? [];
    if (list.some(isUnknownSentinel)) {
        return { undecided: "protocols" };
    }
    return list.flatMap((p, i) =>
        typeof p === "string" && plainProtocols.has(p.toLowerCase())
            ? [{ setting: `protocols[${i}]`, found: `"${p}"`, expected: '"https" or "wss" only' }]
            : [],
    );
}

function serviceFindings(service: StackResource): Finding[] | { readonly undecided: string } {
    const custom = programView(service).get("customProperties");
    if (custom.state === "unknown") {
        return { undecided: "customProperties" };
    }
    if (custom.state !== "known" || custom.value === null || typeof custom.value !== "object") {
        return [];
    }
    const props = custom.value as Record<string, unknown>;
    const out: Finding[] = [];
    for (const key of legacySettings) {
        // Keys are matched without regard to case, as the service does.
        const actual = Object.keys(props).find((k) => k.toLowerCase() === key.toLowerCase());
        const value = actual === undefined ? undefined : props[actual];
        if (isUnknownSentinel(value)) {
            return { undecided: `customProperties.${key}` };
        }
        if (typeof value === "string" ? value.trim().toLowerCase() === "true" : value === true) {
            out.push({ setting: `customProperties["${key}"]`, found: '"true"', expected: '"false" (the default)' });
        }
    }
    return out;
}

export default defineStackPolicy({
    id: "ai-apim-gateway-tls",
    cloud: "azure",
    resourceTypes: [apiType, serviceType],
    area: "network-isolation",
    layer: "fm-api",
    severity: "high",
    enforcementLevel: "mandatory",
    description:
        "API Management APIs that front an Azure OpenAI / AI Services account accept only HTTPS (or WSS), and their service keeps TLS 1.0, TLS 1.1, SSL 3.0 and the 3DES cipher off towards callers and backends.",
    controls: cite({
        "nist-800-53": {
            implements: ["SC-8(1)"],
            supports: ["SC-8", "SC-13"],
            why: "Prompts and completions pass the model's gateway only over TLS 1.2 or later with current ciphers, in both directions.",
        },
        "mitre-atlas": {
            supports: ["AML.M0019"],
            mitigates: ["AML.T0024"],
            why: "Inference traffic through the gateway cannot be read or changed in transit.",
        },
        "iso-27001": {
            implements: ["A.8.24"],
            why: "Use of cryptography at the AI system's entry point.",
        },
    }),
    peers: [
        { tool: "checkov", id: "CKV_AZURE_173" },
        { tool: "azure-policy", id: "ee7495e7-3ba7-40b6-bfee-c29e22cc75d4" },
    ],
    remediation: [
        'Set protocols to ["https"] (or ["wss"] for WebSocket APIs) on the API.',
        'Remove the legacy entries from customProperties of the API Management service, or set each of them to "false": Microsoft.WindowsAzure.ApiManagement.Gateway.Security.Protocols.Tls10 / Tls11 / Ssl30, the same under Security.Backend.Protocols, and Security.Ciphers.TripleDes168.',
    ],
    notes: [
        "An API fronts an AI account when its serviceUrl (or an APIM Backend it uses) depends on the account, or is an Azure OpenAI / AI Services endpoint URL; see aoai-prompt-logging-via-gateway. Its service is the ApiManagementService its serviceName depends on.",
        'A missing protocols list passes (only HTTPS); "http" or "ws" fails. A missing customProperties entry is the service default "false" for services created after 1 April 2018 and passes; "true" fails.',
        "The API and the service are judged separately, each with one finding that lists every failing setting. Unknown values during preview are left to pulumi up, unless the program never set them.",
    ],
    validate(check) {
        const services = new Set<StackResource>();
        for (const api of check.resources) {
            if (api.type !== apiType || !frontsAi(api, check.resources)) {
                continue;
            }
            for (const s of deps(api, "serviceName")) {
                if (s.type === serviceType) {
                    services.add(s);
                }
            }
            report(check, api, apiFindings(api));
        }
        for (const s of services) {
            report(check, s, serviceFindings(s));
        }
    },
});

function report(
    check: StackCheck<unknown>,
    r: StackResource,
    verdict: Finding[] | { readonly undecided: string },
): void {
    if (!Array.isArray(verdict)) {
        check.undecided(r, verdict.undecided);
        return;
    }
    for (const f of verdict) {
        check.fail(r, f);
    }
}
