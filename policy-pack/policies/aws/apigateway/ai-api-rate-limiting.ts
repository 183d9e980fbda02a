import { cite } from "../../../core/citations";
import { defineStackPolicy, type Finding, type StackResource } from "../../../core/definition";
import { dependentsOf } from "../../../core/dependents";
import { describe, type Value } from "../../../core/values";
import { httpIntegration, modelFrontingApis, restIntegration } from "../../../shared/aws-model-apis";

const restStage = "aws:apigateway/stage:Stage";
const httpStage = "aws:apigatewayv2/stage:Stage";
const usagePlan = "aws:apigateway/usagePlan:UsagePlan";
const methodSettings = "aws:apigateway/methodSettings:MethodSettings";

type Verdict =
    | { readonly kind: "ok" }
    | { readonly kind: "unknown"; readonly path: string }
    | { readonly kind: "fail" };

/** A positive limit is set; unknown values leave the verdict open. */
function limitSet(v: Value, path: string): Verdict {
    if (v.state === "unknown") {
        return { kind: "unknown", path };
    }
    return v.state === "known" && typeof v.value === "number" && v.value > 0 ? { kind: "ok" } : { kind: "fail" };
}

function both(a: Verdict, b: Verdict): Verdict {
    if (a.kind === "fail" || b.kind === "fail") {
        return { kind: "fail" };
    }
    return a.kind === "unknown" ? a : b;
}

function any(verdicts: readonly Verdict[]): Verdict {
    return verdicts.find((v) => v.kind === "ok") ?? verdicts.find((v) => v.kind === "unknown") ?? { kind: "fail" };
}

export default defineStackPolicy({
    id: "ai-api-rate-limiting",
    cloud: "aws",
    resourceTypes: [restStage, httpStage, usagePlan, methodSettings, restIntegration, httpIntegration],
    area: "fm-safety",
    layer: "fm-api",
    severity: "medium",
    enforcementLevel: "advisory",
    description:
        "API Gateway stages that front a model are rate limited: REST stages through a throttled usage plan or throttled method settings, HTTP and WebSocket stages through default route throttling.",
    controls: cite({
        "nist-800-53": {
            implements: ["SC-5"],
            supports: ["SC-5(2)"],
            why: "Model-fronting API stages are throttled through usage plans, method settings or route throttling.",
        },
        "mitre-atlas": {
            implements: ["AML.M0004"],
            mitigates: ["AML.T0034", "AML.T0029"],
            why: "Throttling caps the number of model queries per caller (AML.M0004).",
        },
        "nist-ai-600-1": {
            mitigates: ["information-security"],
            why: "Rate limits on the model API bound abuse of the GAI service.",
        },
        "iso-27001": {
            supports: ["A.8.6"],
            why: "Capacity management: request rates to the model are bounded.",
        },
        "owasp-llm": {
            mitigates: ["LLM10"],
            why: "Rate limiting is a direct control against unbounded consumption.",
        },
    }),
    peers: [{ tool: "kics", id: "c999cf62-0920-40f8-8dda-0caccd66ed7e" }],
    remediation: [
        "REST APIs: add an aws.apigateway.UsagePlan whose apiStages lists the stage (stage: stage.stageName) with throttleSettings.rateLimit and burstLimit (and quotaSettings for a daily or monthly budget), or aws.apigateway.MethodSettings for the stage with settings.throttlingRateLimit and throttlingBurstLimit.",
        "HTTP and WebSocket APIs: set defaultRouteSettings.throttlingRateLimit and throttlingBurstLimit on the stage.",
    ],
    notes: [
        "A stage fronts a model when it, its API or one of the API's integrations belongs to the AI system (by tag, or an integration whose URI references an AI resource, for example a SageMaker endpoint), or when an integration calls the Bedrock, Bedrock Agent, AgentCore or SageMaker runtime service directly. APIs that reach a model through an untagged Lambda function are not visible: tag the API or the function with aiguard:system=ai.",
        "Usage plans and method settings are matched to the stage through the property dependencies of apiStages and stageName, never by name. Limits must be above zero; unknown limits leave the verdict to pulumi up.",
        "Request-rate limits only: API Gateway cannot limit tokens. Bedrock model quotas and per-caller token budgets in the application remain necessary. Rate-based rules of an AWS WAF web ACL on the stage are not read; disable the policy where WAF does the limiting.",
    ],
    validate(check) {
        const { resources, classification } = check;
        const modelApis = modelFrontingApis(resources, classification);
        const fronting = (stage: StackResource, apiProp: string) =>
            classification.isAi(stage) ||
            (stage.propertyDependencies[apiProp] ?? []).some((api) => modelApis.has(api) || classification.isAi(api));

        const report = (stage: StackResource, v: Verdict, finding: Finding) => {
            if (v.kind === "fail") {
                check.fail(stage, finding);
            } else if (v.kind === "unknown") {
                check.undecided(stage, v.path);
            }
        };

        for (const stage of resources) {
            if (stage.type === restStage && fronting(stage, "restApi")) {
                const plans = dependentsOf(resources, stage)
                    .filter((r) => r.type === usagePlan && (r.propertyDependencies.apiStages ?? []).includes(stage))
                    .map((p) => {
                        const settings = p.get("throttleSettings");
                        if (settings.state === "unknown") {
                            return { kind: "unknown", path: "throttleSettings" } as Verdict;
                        }
                        return both(
                            limitSet(p.get("throttleSettings.rateLimit"), "throttleSettings.rateLimit"),
                            limitSet(p.get("throttleSettings.burstLimit"), "throttleSettings.burstLimit"),
                        );
                    });
                const methods = dependentsOf(resources, stage)
                    .filter(
                        (r) => r.type === methodSettings && (r.propertyDependencies.stageName ?? []).includes(stage),
                    )
                    .map((m) =>
                        both(
                            limitSet(m.get("settings.throttlingRateLimit"), "settings.throttlingRateLimit"),
                            limitSet(m.get("settings.throttlingBurstLimit"), "settings.throttlingBurstLimit"),
                        ),
                    );
                const linked = plans.length + methods.length;
                report(stage, any([...plans, ...methods]), {
                    setting: "rate limiting",
                    found:
                        linked === 0
                            ? "not configured: no usage plan or method settings reference this model-fronting stage"
                            : "not configured: the usage plans and method settings of this model-fronting stage set no rate and burst limits above 0",
                    expected:
                        "a UsagePlan with throttleSettings.rateLimit and burstLimit listing this stage, or MethodSettings with throttlingRateLimit and throttlingBurstLimit",
                });
            } else if (stage.type === httpStage && fronting(stage, "apiId")) {
                const base = "defaultRouteSettings";
                const settings = stage.get(base);
                // Provider-computed and unknown in a real preview when the program never set it.
                const unset = settings.state === "unknown" && stage.setByProgram(base) === false;
                let v: Verdict;
                if (settings.state === "unknown" && !unset) {
                    v = { kind: "unknown", path: settings.path };
                } else if (unset) {
                    v = { kind: "fail" };
                } else {
                    v = both(
                        limitSet(stage.get(`${base}.throttlingRateLimit`), `${base}.throttlingRateLimit`),
                        limitSet(stage.get(`${base}.throttlingBurstLimit`), `${base}.throttlingBurstLimit`),
                    );
                }
                const rate = stage.get(`${base}.throttlingRateLimit`);
                report(stage, v, {
                    setting: `${base}.throttlingRateLimit and throttlingBurstLimit`,
                    found:
                        unset || settings.state === "missing"
                            ? "not set (no stage throttling)"
                            : `not both above 0 (throttlingRateLimit is ${describe(rate)})`,
                    expected: "both above 0",
                });
            }
        }
    },
});
