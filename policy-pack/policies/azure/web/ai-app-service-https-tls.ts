import { onAiResources } from "../../../core/ai-scope";
import { cite } from "../../../core/citations";
import { defineSettingsPolicy } from "../../../core/settings";

export default onAiResources(
    defineSettingsPolicy({
        id: "ai-app-service-https-tls",
        cloud: "azure",
        resourceTypes: ["azure-native:web:WebApp"],
        area: "network-isolation",
        layer: "fm-api",
        severity: "high",
        enforcementLevel: "mandatory",
        description:
            "App Service and Function apps that front a model accept only HTTPS, with TLS 1.2 or later, and log HTTP requests.",
        controls: cite({
            "nist-800-53": {
                implements: ["SC-8(1)"],
                supports: ["SC-8", "AU-12"],
                why: "Prompts and completions reach the model's front door only over TLS 1.2 or later, and each request is logged.",
            },
            "mitre-atlas": {
                supports: ["AML.M0019", "AML.M0024"],
                mitigates: ["AML.T0024"],
                why: "Inference traffic cannot be read or changed in transit, and calls to the model leave a record.",
            },
            "iso-27001": {
                implements: ["A.8.24"],
                supports: ["A.8.15"],
                why: "Use of cryptography and logging at the AI system's entry point.",
            },
        }),
        peers: [
            { tool: "azure-policy", id: "a4af4a39-4135-47fb-b175-47fbdf85311d" },
            { tool: "azure-policy", id: "6d555dd1-86f2-4f1c-8ed7-5abae7c6cbab" },
            { tool: "azure-policy", id: "f0e6e85b-9b9f-4a4b-b67b-f730d42f1b0b" },
            { tool: "azure-policy", id: "f9d614c5-c173-4d56-95a7-b4437057d193" },
        ],
        remediation: [
            'Set httpsOnly to true and siteConfig.minTlsVersion to "1.2" (or "1.3") on the app.',
            "Set siteConfig.httpLoggingEnabled to true, and send the AppServiceHTTPLogs category to a Log Analytics workspace with a diagnostic setting.",
        ],
        notes: [
            "An app belongs to the AI system when an app setting or another property depends on an AI resource (an Azure OpenAI account's endpoint, an ML online endpoint's scoring URI), or when it is tagged as AI.",
            'httpsOnly and siteConfig.httpLoggingEnabled default to false, so missing values fail; a missing siteConfig.minTlsVersion is the service default "1.2" and passes.',
            "A value unknown during preview is left to pulumi up, unless the program never set it (then the provider default applies).",
        ],
        settings: [
            {
                path: "httpsOnly",
                expect: { kind: "oneOf", values: [true] },
                missing: { verdict: "violation", providerDefault: "false" },
                examples: { violating: false, compliant: true },
            },
            {
                path: "siteConfig.minTlsVersion",
                expect: { kind: "oneOf", values: ["1.2", "1.3"] },
                missing: { verdict: "compliant" },
                examples: { violating: "1.0", compliant: "1.2" },
            },
            {
                path: "siteConfig.httpLoggingEnabled",
                expect: { kind: "oneOf", values: [true] },
                missing: { verdict: "violation", providerDefault: "false" },
                examples: { violating: false, compliant: true },
            },
        ],
        compliantExample: {
            resourceGroupName: "rg",
            kind: "functionapp,linux",
            httpsOnly: true,
            siteConfig: { minTlsVersion: "1.2", httpLoggingEnabled: true },
        },
    }),
);
