import { programView } from "../../../core/ai-scope";
import { cite } from "../../../core/citations";
import { defineStackPolicy, type StackResource } from "../../../core/definition";
import { describe } from "../../../core/values";
import { apiPolicyType, apiType, deps, frontsAi, serviceType } from "../../../shared/azure-apim";

const servicePolicyType = "azure-native:apimanagement:Policy";

/** Policy elements that authenticate the caller with a token before the request reaches the backend. */
const tokenValidation = /<\s*(validate-jwt|validate-azure-ad-token)\b/i;

type TokenCheck = "validated" | "unknown" | "none";

/** Whether an API or service-wide policy of the API validates callers' tokens. */
function tokenCheck(api: StackResource, resources: readonly StackResource[]): TokenCheck {
    const services = deps(api, "serviceName").filter((s) => s.type === serviceType);
    let pending = false;
    for (const p of resources) {
        const applies =
            (p.type === apiPolicyType && deps(p, "apiId").includes(api)) ||
            (p.type === servicePolicyType && deps(p, "serviceName").some((s) => services.includes(s)));
        if (!applies) {
            continue;
        }
        const value = p.get("value");
        if (value.state === "unknown") {
            pending = true;
        } else if (value.state === "known" && typeof value.value === "string" && tokenValidation.test(value.value)) {
            return "validated";
        }
    }
    return pending ? "unknown" : "none";
}

export default defineStackPolicy({
    id: "ai-apim-api-authentication",
    cloud: "azure",
    resourceTypes: [apiType],
    area: "identity",
    layer: "fm-api",
    severity: "high",
    enforcementLevel: "mandatory",
    description:
        "API Management APIs that front an Azure OpenAI / AI Services account require a subscription key or validate the caller's token.",
    controls: cite({
        "nist-800-53": {
            implements: ["AC-3", "IA-2"],
            supports: ["AC-4"],
            why: "The gateway in front of the model admits only callers with a subscription key or a validated token.",
        },
        "mitre-atlas": {
            implements: ["AML.M0019"],
            mitigates: ["AML.T0040", "AML.T0034"],
            why: "Anonymous callers cannot reach the model inference API through the gateway.",
        },
        "iso-27001": {
            implements: ["A.8.5"],
            why: "Secure authentication: every call through the model's gateway is authenticated.",
        },
        "owasp-llm": {
            mitigates: ["LLM10"],
            why: "An anonymous gateway in front of a model allows unbounded use of it, and the gateway's per-subscription limits count nobody.",
        },
    }),
    peers: [],
    remediation: [
        "Leave subscriptionRequired unset or set it to true on the API, and give callers subscription keys through a product.",
        'Or add an apimanagement.ApiPolicy (or a service-wide apimanagement.Policy) with a <validate-azure-ad-token> or <validate-jwt> element in <inbound>, e.g. <validate-azure-ad-token tenant-id="…"><client-application-ids><application-id>…</application-id></client-application-ids></validate-azure-ad-token>.',
    ],
    notes: [
        "An API fronts an AI account when its serviceUrl (or an APIM Backend it uses) depends on the account, or is an Azure OpenAI / AI Services endpoint URL; see aoai-prompt-logging-via-gateway.",
        "subscriptionRequired defaults to true, so a missing value passes; false passes only when an ApiPolicy of the API (through apiId) or a Policy of its service (through serviceName) validates a token. authenticationSettings only documents OAuth for the developer portal and enforces nothing, so it does not count.",
        "An unknown subscriptionRequired, or an unknown policy value when the subscription is off, leaves the verdict to pulumi up. The policy XML is searched and never printed.",
    ],
    validate(check) {
        for (const api of check.resources) {
            if (api.type !== apiType || !frontsAi(api, check.resources)) {
                continue;
            }
            const required = programView(api).get("subscriptionRequired");
            if (required.state === "missing" || (required.state === "known" && required.value === true)) {
                continue;
            }
            const tokens = tokenCheck(api, check.resources);
            if (tokens === "validated") {
                continue;
            }
            if (required.state === "unknown") {
                check.undecided(api, "subscriptionRequired");
            } else if (tokens === "unknown") {
                check.undecided(api, "value of its API policy");
            } else {
                check.fail(api, {
                    setting: "subscriptionRequired",
                    found: `${describe(required)}, and no API or service policy validates a token`,
                    expected: "true (the default), or a validate-azure-ad-token / validate-jwt policy",
                });
            }
        }
    },
});
