import { cite } from "../../../core/citations";
import { defineStackPolicy } from "../../../core/definition";
import { authConfigsByApp, judgeAuthentication, wildcardOrigin } from "../../../shared/azure-front-door-auth";

const webApp = "azure-native:web:WebApp";
const authSettings = "azure-native:web:WebAppAuthSettingsV2";

export default defineStackPolicy({
    id: "ai-app-service-auth",
    cloud: "azure",
    resourceTypes: [webApp],
    area: "identity",
    layer: "fm-api",
    severity: "high",
    enforcementLevel: "mandatory",
    description:
        "App Service and Function apps that front a model and are reachable from public networks require authentication and do not allow every browser origin.",
    controls: cite({
        "nist-800-53": {
            implements: ["AC-3", "IA-2"],
            supports: ["AC-4", "SC-7"],
            why: "The model's front door admits only authenticated callers when public networks can reach it, and only named origins through CORS.",
        },
        "mitre-atlas": {
            implements: ["AML.M0019"],
            mitigates: ["AML.T0040", "AML.T0034"],
            why: "Anonymous callers cannot reach the model inference API through the app.",
        },
        "iso-27001": {
            implements: ["A.8.5"],
            why: "Secure authentication: every call through the model's entry point is authenticated.",
        },
        "owasp-llm": {
            mitigates: ["LLM10"],
            why: "An anonymous app in front of a model allows unbounded use of it.",
        },
    }),
    peers: [
        { tool: "checkov", id: "CKV_AZURE_13" },
        { tool: "checkov", id: "CKV_AZURE_57" },
        { tool: "azure-policy", id: "95bccee9-a7f8-4bec-9ee9-62c3473701fc" },
        { tool: "azure-policy", id: "c75248c1-ea1d-4a9c-8fc9-29a6aabd5da8" },
        { tool: "azure-policy", id: "5744710e-cc2f-4ee8-8809-3b11e89f4bc9" },
        { tool: "azure-policy", id: "0820b7b9-23aa-4725-a1ce-ae4558f718e5" },
    ],
    remediation: [
        'Add an azure-native web.WebAppAuthSettingsV2 for the app (name: app.name) with platform.enabled true and globalValidation.requireAuthentication true (an identity provider such as Microsoft Entra ID), or set publicNetworkAccess to "Disabled" and reach the app through a private endpoint.',
        'List the origins that may call the app in siteConfig.cors.allowedOrigins instead of "*".',
    ],
    notes: [
        "An app belongs to the AI system when an app setting or another property depends on an AI resource (an Azure OpenAI account's endpoint), or when it is tagged as AI. Function apps are WebApp resources and are judged the same way.",
        'publicNetworkAccess defaults to "Enabled"; an app with it "Disabled" is not a public entry point and needs no built-in authentication here (its callers come through private endpoints).',
        "Authentication is read from WebAppAuthSettingsV2 resources matched through the property dependencies of name. Keys checked in code (function keys, API keys) are not visible to the check: where they are the control, waive the finding with the reason.",
        'A "*" in siteConfig.cors.allowedOrigins fails whether or not the app is public.',
    ],
    validate(check) {
        const { resources, classification } = check;
        const configs = authConfigsByApp(resources, authSettings, "name");
        for (const app of resources) {
            if (app.type !== webApp || !classification.isAi(app)) {
                continue;
            }
            const origins = app.get("siteConfig.cors.allowedOrigins");
            if (origins.state === "unknown") {
                check.undecided(app, "siteConfig.cors.allowedOrigins");
            } else if (origins.state === "known") {
                const f = wildcardOrigin(origins.value, "siteConfig.cors.allowedOrigins");
                if (f) {
                    check.fail(app, f);
                }
            }
            const access = app.get("publicNetworkAccess");
            if (access.state === "unknown" && app.setByProgram("publicNetworkAccess") !== false) {
                check.undecided(app, "publicNetworkAccess");
                continue;
            }
            if (
                access.state === "known" &&
                typeof access.value === "string" &&
                access.value.toLowerCase() === "disabled"
            ) {
                continue;
            }
            judgeAuthentication(
                check,
                app,
                configs.get(app) ?? [],
                true,
                'a WebAppAuthSettingsV2 with platform.enabled true and globalValidation.requireAuthentication true, or publicNetworkAccess "Disabled"',
            );
        }
    },
});
