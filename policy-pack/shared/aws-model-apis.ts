// Which API Gateway APIs front a model: an integration that calls an AI resource (by type, tag or
// reference) or a model runtime service URI. Shared by the API Gateway policies of the AI system.

import { type Classification, modelServiceUri } from "../core/classification";
import type { StackResource } from "../core/definition";

export const restIntegration = "aws:apigateway/integration:Integration";
export const httpIntegration = "aws:apigatewayv2/integration:Integration";

/** The integration calls a model: an AI resource (by type, tag or reference) or a model runtime service URI. */
function frontsModel(integration: StackResource, uriProp: string, classification: Classification): boolean {
    if (classification.isAi(integration)) {
        return true;
    }
    if ((integration.propertyDependencies[uriProp] ?? []).some((r) => classification.isAi(r))) {
        return true;
    }
    const uri = integration.get(uriProp);
    return uri.state === "known" && typeof uri.value === "string" && modelServiceUri.test(uri.value);
}

/** REST and HTTP APIs (the `restApi` / `apiId` of their integrations) that front a model. */
export function modelFrontingApis(
    resources: readonly StackResource[],
    classification: Classification,
): Set<StackResource> {
    const apis = new Set<StackResource>();
    for (const r of resources) {
        if (r.type === restIntegration && frontsModel(r, "uri", classification)) {
            for (const api of r.propertyDependencies.restApi ?? []) {
                apis.add(api);
            }
        } else if (r.type === httpIntegration && frontsModel(r, "integrationUri", classification)) {
            for (const api of r.propertyDependencies.apiId ?? []) {
                apis.add(api);
            }
        }
    }
    return apis;
}
