import { cite } from "../../../core/citations";
import { defineStackPolicy, type StackResource } from "../../../core/definition";
import { frontsAi } from "../../../shared/azure-apim";

const apiType = "azure-native:apimanagement:Api";
const apiPolicyType = "azure-native:apimanagement:ApiPolicy";
const servicePolicyType = "azure-native:apimanagement:Policy";
const serviceType = "azure-native:apimanagement:ApiManagementService";

/** APIM policy elements that bound request or token consumption. */
const limitElement =
    /<\s*(rate-limit|rate-limit-by-key|quota|quota-by-key|llm-token-limit|azure-openai-token-limit)[\s/>]/i;

interface Config {
    readonly maxDeploymentCapacity?: number;
}

const deps = (r: StackResource, prop: string) => r.propertyDependencies[prop] ?? [];

export default defineStackPolicy<Config>({
    id: "ai-rate-limits",
    cloud: "azure",
    resourceTypes: [apiType],
    area: "fm-safety",
    layer: "fm-api",
    severity: "medium",
    enforcementLevel: "advisory",
    description:
        "API Management APIs that front Azure OpenAI / AI Services accounts enforce a rate, quota or token limit.",
    controls: cite({
        "nist-800-53": {
            implements: ["SC-5(2)"],
            supports: ["SC-5"],
            why: "Deployments stay within a capacity cap and fronting APIs enforce rate, quota or token limits.",
        },
        "mitre-atlas": {
            implements: ["AML.M0004"],
            mitigates: ["AML.T0034", "AML.T0029"],
            why: "Rate, quota and token limits bound queries per caller (AML.M0004).",
        },
        "nist-ai-600-1": {
            mitigates: ["information-security"],
            why: "Limits on the GAI service bound abuse of it.",
        },
        "iso-27001": {
            supports: ["A.8.6"],
            why: "Capacity management: model usage is bounded.",
        },
        "owasp-llm": {
            mitigates: ["LLM10"],
            why: "Token and rate limits are a direct control against unbounded consumption.",
        },
    }),
    peers: [],
    remediation: [
        'Add an apimanagement.ApiPolicy to each API that fronts an AI account (or a service-wide apimanagement.Policy) with an llm-token-limit / azure-openai-token-limit, rate-limit-by-key or quota-by-key element, e.g. <azure-openai-token-limit counter-key="@(context.Subscription.Id)" tokens-per-minute="10000" />.',
    ],
    notes: [
        "The capacity of model deployments (their own token-per-minute limit) is judged by ai-deployment-capacity-capped alone, so one over-sized deployment is one finding; this policy judges the gateway in front of the accounts.",
        "An API fronts an AI account when its serviceUrl (or an APIM Backend it uses) depends on the account, or is an Azure OpenAI / AI Services endpoint URL; see aoai-prompt-logging-via-gateway. Its limits are read from ApiPolicy resources linked through apiId and from service-wide Policy resources linked through serviceName, by property dependencies. Product policies are not followed.",
        "The policy XML is searched for limit elements and never printed. An unknown policy value leaves the verdict to pulumi up. Limits enforced elsewhere (another gateway, application code) cannot be seen, which is why the check is advisory.",
    ],
    configSchema: {
        properties: {
            maxDeploymentCapacity: {
                type: "number",
                minimum: 1,
                default: 100,
                description:
                    "No longer read: deployment capacity is judged by ai-deployment-capacity-capped (its maxCapacity). Kept so that existing policy config files stay valid.",
            },
        },
    },
    validate(check) {
        for (const api of check.resources) {
            if (api.type !== apiType || !frontsAi(api, check.resources)) {
                continue;
            }
            const services = deps(api, "serviceName").filter((s) => s.type === serviceType);
            const policies = check.resources.filter(
                (p) =>
                    (p.type === apiPolicyType && deps(p, "apiId").includes(api)) ||
                    (p.type === servicePolicyType && deps(p, "serviceName").some((s) => services.includes(s))),
            );
            let pending = false;
            let limited = false;
            for (const p of policies) {
                const value = p.get("value");
                if (value.state === "unknown") {
                    pending = true;
                } else if (
                    value.state === "known" &&
                    typeof value.value === "string" &&
                    limitElement.test(value.value)
                ) {
                    limited = true;
                }
            }
            if (limited) {
                continue;
            }
            if (pending) {
                check.undecided(api, "value of its API policy");
                continue;
            }
            check.fail(api, {
                setting: "rate limiting",
                found:
                    policies.length === 0
                        ? "not configured: no ApiPolicy of this API and no service-wide Policy"
                        : "not configured: its policies have no rate-limit, quota or token-limit element",
                expected: "an llm-token-limit, azure-openai-token-limit, rate-limit(-by-key) or quota(-by-key) policy",
            });
        }
    },
});
