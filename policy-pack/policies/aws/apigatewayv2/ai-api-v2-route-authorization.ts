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

export default defineSettingsPolicy({
    id: "ai-api-v2-route-authorization",
    cloud: "aws",
    resourceTypes: ["aws:apigatewayv2/route:Route"],
    area: "identity",
    layer: "fm-api",
    severity: "high",
    enforcementLevel: "advisory",
    description:
        "API Gateway HTTP API routes and WebSocket $connect routes require IAM, JWT or Lambda authorizer authorization.",
    controls: [
        { framework: "nist-800-53", id: "AC-3" },
        { framework: "nist-800-53", id: "IA-2" },
        { framework: "nist-800-53", id: "IA-9" },
        { framework: "mitre-atlas", id: "AML.M0019" },
        { framework: "mitre-atlas", id: "AML.T0040" },
        { framework: "mitre-atlas", id: "AML.T0034" },
        { framework: "nist-ai-rmf", id: "MEASURE 2.7" },
        { framework: "iso-27001", id: "A.8.5" },
        { framework: "iso-27001", id: "A.5.15" },
        { framework: "iso-42001", id: "A.3.2" },
        { framework: "owasp-llm", id: "LLM10" },
    ],
    peers: [{ tool: "prowler", id: "apigatewayv2_api_authorizers_enabled" }],
    remediation: [
        'Set authorizationType to "JWT" or "CUSTOM" with authorizerId of an aws.apigatewayv2.Authorizer, or to "AWS_IAM".',
    ],
    notes: [
        'The provider default of authorizationType is "NONE", so a missing value fails. It is a literal in programs, so the check decides during preview.',
        "WebSocket APIs authorize only the $connect route, so $disconnect and custom WebSocket routes (route keys without an HTTP method) are skipped, as are OPTIONS routes. A WebSocket $default route cannot be told from an HTTP $default route and is checked.",
        "Applies to every API of the stack, because a resource policy cannot tell whether an API fronts a model; advisory for that reason. Set it to mandatory in stacks whose APIs front models.",
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
});
