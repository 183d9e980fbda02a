import { onAiResources } from "../../../core/ai-scope";
import { cite } from "../../../core/citations";
import type { Subject } from "../../../core/definition";
import { defineSettingsPolicy } from "../../../core/settings";

/** WebSocket routes other than $connect cannot carry an authorizer; OPTIONS routes answer CORS preflights. */
function skipRoute(route: Subject): boolean {
    const key = route.get("routeKey");
    if (key.state !== "known" || typeof key.value !== "string") {
        return false;
    }
    const k = key.value.trim();
    if (k === "$connect" || k === "$default") {
        return false;
    }
    return k === "$disconnect" || !k.includes(" ") || /^OPTIONS\s/i.test(k);
}

export default onAiResources(
    defineSettingsPolicy({
        id: "ai-api-v2-route-authorization",
        cloud: "aws",
        resourceTypes: ["aws:apigatewayv2/route:Route"],
        area: "identity",
        layer: "fm-api",
        severity: "high",
        enforcementLevel: "advisory",
        description:
            "API Gateway HTTP API routes and WebSocket $connect routes require IAM, JWT or Lambda authorizer authorization.",
        controls: cite({
            "nist-800-53": {
                implements: ["AC-3"],
                supports: ["IA-2"],
                why: "HTTP API routes and WebSocket $connect routes require an IAM, JWT, Lambda or Cognito authorizer before the request reaches the model integration.",
            },
            "mitre-atlas": {
                implements: ["AML.M0019"],
                mitigates: ["AML.T0040"],
                why: "Anonymous callers cannot reach the model behind the API.",
            },
            "iso-27001": {
                implements: ["A.8.5"],
                why: "Secure authentication: every call to the model-fronting API is authenticated.",
            },
            "owasp-llm": {
                mitigates: ["LLM10"],
                why: "Unauthenticated access to a model API allows unbounded use of it.",
            },
        }),
        peers: [{ tool: "prowler", id: "apigatewayv2_api_authorizers_enabled" }],
        remediation: [
            'Set authorizationType to "JWT" or "CUSTOM" with authorizerId of an aws.apigatewayv2.Authorizer, or to "AWS_IAM".',
        ],
        notes: [
            'The provider default of authorizationType is "NONE", so a missing value fails. It is a literal in programs, so the check decides during preview.',
            "WebSocket APIs authorize only the $connect route, so $disconnect and custom WebSocket routes (route keys without an HTTP method) are skipped, as are OPTIONS routes. A WebSocket $default route cannot be told from an HTTP $default route and is checked.",
            "Judged only on resources of the AI system: APIs with an integration that calls an AI resource, a front-door function or a model runtime service (and the stages, methods, routes and settings of those APIs), or anything tagged as AI. Evaluated on the stack, so at pulumi up a violation is reported after the resources are created.",
        ],
        settings: [
            {
                path: "authorizationType",
                expect: { kind: "oneOf", values: ["AWS_IAM", "CUSTOM", "JWT"] },
                missing: { verdict: "violation", providerDefault: '"NONE"' },
                examples: { violating: "NONE", compliant: "JWT" },
            },
        ],
        compliantExample: {
            apiId: "a1b2c3d4e5",
            routeKey: "POST /v1/chat",
            authorizationType: "JWT",
            authorizerId: "auth12",
            target: "integrations/int123",
        },
        skip: skipRoute,
    }),
);
