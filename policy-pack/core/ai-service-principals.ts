// IAM roles that an AI service can assume: their trust policy admits an AI service principal. Such a
// role acts for the AI system (a model customization job, a knowledge base, an AgentCore runtime, a
// Comprehend job) whether or not the resource that uses it is in the same stack.

import { isAllow, parsePolicy, statementsOf } from "../shared/iam-policy";
import type { StackResource } from "./definition";
import type { Layer } from "./vocabulary";

/** AI service principals, each with the layer of the service. */
export const aiServicePrincipals: ReadonlyMap<string, Layer> = new Map([
    ["bedrock.amazonaws.com", "fm-api"],
    ["bedrock-agentcore.amazonaws.com", "fm-api"],
    ["sagemaker.amazonaws.com", "paas"],
    ["comprehend.amazonaws.com", "fm-api"],
    ["kendra.amazonaws.com", "data-plane"],
    ["textract.amazonaws.com", "fm-api"],
    ["transcribe.amazonaws.com", "fm-api"],
    ["translate.amazonaws.com", "fm-api"],
    ["rekognition.amazonaws.com", "fm-api"],
    ["q.amazonaws.com", "fm-api"],
    ["qbusiness.amazonaws.com", "fm-api"],
    ["forecast.amazonaws.com", "paas"],
    ["personalize.amazonaws.com", "paas"],
]);

/** The AI service principal a role's trust policy admits in an Allow, if any (the first listed). */
export function trustedAiService(
    role: StackResource,
): { readonly principal: string; readonly layer: Layer } | undefined {
    if (role.type !== "aws:iam/role:Role") {
        return undefined;
    }
    for (const s of statementsOf(parsePolicy(role.get("assumeRolePolicy")))) {
        if (isAllow(s) !== true) {
            continue;
        }
        for (const p of s.principal?.service ?? []) {
            const principal = p.toLowerCase();
            const layer = aiServicePrincipals.get(principal);
            if (layer) {
                return { principal, layer };
            }
        }
    }
    return undefined;
}
