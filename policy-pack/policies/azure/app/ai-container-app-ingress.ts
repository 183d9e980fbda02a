import { cite } from "../../../core/citations";
import { defineStackPolicy } from "../../../core/definition";
import { describe } from "../../../core/values";
import { authConfigsByApp, judgeAuthentication, wildcardOrigin } from "../../../shared/azure-front-door-auth";

const containerApp = "azure-native:app:ContainerApp";
const authConfig = "azure-native:app:ContainerAppsAuthConfig";

export default defineStackPolicy({
    id: "ai-container-app-ingress",
    cloud: "azure",
    resourceTypes: [containerApp],
    area: "identity",
    layer: "fm-api",
    severity: "high",
    enforcementLevel: "mandatory",
    description:
        "Container Apps that front a model refuse plain HTTP, and with external ingress require authentication and do not allow every browser origin.",
    controls: cite({
        "nist-800-53": {
            implements: ["IA-2", "SC-8"],
            supports: ["AC-3", "SC-7"],
            why: "The model's front door takes only HTTPS, and from outside its environment only authenticated callers and named origins.",
        },
        "mitre-atlas": {
            implements: ["AML.M0019"],
            mitigates: ["AML.T0040", "AML.T0024"],
            why: "Anonymous callers cannot reach the model through the app, and its traffic is encrypted in transit.",
        },
        "iso-27001": {
            implements: ["A.8.5"],
            supports: ["A.8.24"],
            why: "Secure authentication and encryption at the AI system's entry point.",
        },
        "owasp-llm": {
            mitigates: ["LLM10"],
            why: "An anonymous public app in front of a model allows unbounded use of it.",
        },
    }),
    peers: [],
    remediation: [
        "Leave configuration.ingress.allowInsecure unset or false.",
        'For external ingress, add an azure-native app.ContainerAppsAuthConfig (containerAppName: app.name) with platform.enabled true and globalValidation.unauthenticatedClientAction "Return401" (or "RedirectToLoginPage"), or set configuration.ingress.external to false and call the app from inside its environment.',
        'List allowed origins in configuration.ingress.corsPolicy.allowedOrigins instead of "*".',
    ],
    notes: [
        "A Container App belongs to the AI system when its configuration (an environment variable or secret reference) depends on an AI resource, or when it is tagged as AI.",
        "configuration.ingress.allowInsecure defaults to false and external to false, so an app without ingress or with internal ingress needs no built-in authentication here.",
        "Authentication is read from ContainerAppsAuthConfig resources matched through the property dependencies of containerAppName. The service documents no default for globalValidation.unauthenticatedClientAction, so the check asks for a denying action to be set.",
    ],
    validate(check) {
        const { resources, classification } = check;
        const configs = authConfigsByApp(resources, authConfig, "containerAppName");
        for (const app of resources) {
            if (app.type !== containerApp || !classification.isAi(app)) {
                continue;
            }
            const ingress = app.get("configuration.ingress");
            if (ingress.state === "unknown") {
                check.undecided(app, "configuration.ingress");
                continue;
            }
            if (ingress.state === "missing") {
                continue;
            }
            const insecure = app.get("configuration.ingress.allowInsecure");
            if (insecure.state === "unknown") {
                check.undecided(app, "configuration.ingress.allowInsecure");
            } else if (insecure.state === "known" && insecure.value !== false) {
                check.fail(app, {
                    setting: "configuration.ingress.allowInsecure",
                    found: describe(insecure),
                    expected: "false or not set",
                });
            }
            const origins = app.get("configuration.ingress.corsPolicy.allowedOrigins");
            if (origins.state === "unknown") {
                check.undecided(app, "configuration.ingress.corsPolicy.allowedOrigins");
            } else if (origins.state === "known") {
                const f = wildcardOrigin(origins.value, "configuration.ingress.corsPolicy.allowedOrigins");
                if (f) {
                    check.fail(app, f);
                }
            }
            const external = app.get("configuration.ingress.external");
            if (external.state === "unknown") {
                check.undecided(app, "configuration.ingress.external");
            } else if (external.state === "known" && external.value === true) {
                judgeAuthentication(
                    check,
                    app,
                    configs.get(app) ?? [],
                    false,
                    "a ContainerAppsAuthConfig with platform.enabled true and a denying globalValidation.unauthenticatedClientAction, or configuration.ingress.external false",
                );
            }
        }
    },
});
