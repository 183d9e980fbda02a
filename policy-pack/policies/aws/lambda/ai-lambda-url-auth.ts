import { onAiResources } from "../../../core/ai-scope";
import { cite } from "../../../core/citations";
import { defineResourcePolicy } from "../../../core/definition";
import { arrayOf, describe } from "../../../core/values";

export default onAiResources(
    defineResourcePolicy({
        id: "ai-lambda-url-auth",
        cloud: "aws",
        resourceTypes: ["aws:lambda/functionUrl:FunctionUrl"],
        area: "identity",
        layer: "fm-api",
        severity: "high",
        enforcementLevel: "mandatory",
        description:
            "Function URLs of Lambda functions that front a model require IAM authorization and do not allow every browser origin.",
        controls: cite({
            "nist-800-53": {
                implements: ["AC-3", "IA-2"],
                supports: ["AC-4"],
                why: "The public URL of a model-fronting function admits only signed requests, and only named origins through CORS.",
            },
            "mitre-atlas": {
                implements: ["AML.M0019"],
                mitigates: ["AML.T0040", "AML.T0034"],
                why: "Anonymous callers cannot reach the model inference API through the function's URL.",
            },
            "iso-27001": {
                implements: ["A.8.5"],
                why: "Secure authentication: every call through the model's entry point is authenticated.",
            },
            "owasp-llm": {
                mitigates: ["LLM10"],
                why: "An anonymous URL in front of a model allows unbounded use of it.",
            },
        }),
        peers: [
            { tool: "checkov", id: "CKV_AWS_258" },
            { tool: "prowler", id: "awslambda_function_url_public" },
            { tool: "prowler", id: "awslambda_function_url_cors_policy" },
        ],
        remediation: [
            'Set authorizationType to "AWS_IAM" and call the URL with SigV4-signed requests, or put the function behind an API Gateway stage with an authorizer and remove the function URL.',
            'List the origins that may call the URL in cors.allowOrigins instead of "*".',
        ],
        notes: [
            "A function URL belongs to the AI system through its function (functionName), a front door when its environment references an AI resource such as a SageMaker endpoint or a Bedrock agent.",
            'authorizationType is required by the provider; "NONE" (a public URL) fails. An unknown value during preview is left to pulumi up.',
            'A CORS allowOrigins list holding "*" fails: every web page can call the model from its visitors\' browsers.',
        ],
        validate(url, check) {
            const auth = url.get("authorizationType");
            if (auth.state === "unknown") {
                check.undecided("authorizationType");
            } else if (!(auth.state === "known" && auth.value === "AWS_IAM")) {
                check.fail({
                    setting: "authorizationType",
                    found: auth.state === "missing" ? "not set" : describe(auth),
                    expected: '"AWS_IAM"',
                });
            }
            const origins = url.get("cors.allowOrigins");
            if (origins.state === "unknown") {
                check.undecided("cors.allowOrigins");
                return;
            }
            const list = arrayOf(origins) ?? [];
            const at = list.findIndex((o) => typeof o === "string" && o.trim() === "*");
            if (at >= 0) {
                check.fail({ setting: `cors.allowOrigins[${at}]`, found: '"*"', expected: "named origins only" });
            }
        },
    }),
);
