import { onAiResources } from "../../../core/ai-scope";
import { cite } from "../../../core/citations";
import { defineSettingsPolicy } from "../../../core/settings";
import { equalsIgnoreCase } from "../../../core/values";

export default onAiResources(
    defineSettingsPolicy({
        id: "ai-api-rest-method-authorization",
        cloud: "aws",
        resourceTypes: ["aws:apigateway/method:Method"],
        area: "identity",
        layer: "fm-api",
        severity: "high",
        enforcementLevel: "advisory",
        description: "API Gateway REST API methods require IAM, Lambda authorizer or Cognito authorization.",
        controls: cite({
            "nist-800-53": {
                implements: ["AC-3"],
                supports: ["IA-2"],
                why: "REST API methods require an IAM, JWT, Lambda or Cognito authorizer before the request reaches the model integration.",
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
        peers: [{ tool: "prowler", id: "apigateway_restapi_authorizers_enabled" }],
        remediation: [
            'Set authorization to "AWS_IAM", "CUSTOM" (with authorizerId of an aws.apigateway.Authorizer) or "COGNITO_USER_POOLS".',
            "Add a usage plan with throttling for model-fronting APIs; an API key alone (apiKeyRequired) identifies a client but does not authenticate it.",
        ],
        notes: [
            "authorization is a required literal, so the check decides during preview; an unknown value is decided at pulumi up.",
            "OPTIONS methods are skipped: CORS preflight requests carry no credentials.",
            "Prowler apigateway_restapi_authorizers_enabled checks that the API has an authorizer; this check requires one on each method.",
            "Judged only on resources of the AI system: APIs with an integration that calls an AI resource, a front-door function or a model runtime service (and the stages, methods, routes and settings of those APIs), or anything tagged as AI. Evaluated on the stack, so at pulumi up a violation is reported after the resources are created.",
        ],
        settings: [
            {
                path: "authorization",
                expect: { kind: "oneOf", values: ["AWS_IAM", "CUSTOM", "COGNITO_USER_POOLS"] },
                missing: { verdict: "violation", providerDefault: "none: the input is required" },
                examples: { violating: "NONE", compliant: "AWS_IAM" },
            },
        ],
        compliantExample: {
            restApi: "a1b2c3d4e5",
            resourceId: "res123",
            httpMethod: "POST",
            authorization: "CUSTOM",
            authorizerId: "auth12",
        },
        skip: (method) => equalsIgnoreCase(method.get("httpMethod"), "OPTIONS"),
    }),
);
