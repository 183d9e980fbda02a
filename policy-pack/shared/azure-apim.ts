// Which API Management APIs front an Azure AI account, shared by the gateway policies.
import type { StackResource } from "../core/definition";
import type { Value } from "../core/values";

export const accountType = "azure-native:cognitiveservices:Account";
export const apiType = "azure-native:apimanagement:Api";
export const backendType = "azure-native:apimanagement:Backend";
export const apiPolicyType = "azure-native:apimanagement:ApiPolicy";
export const apiDiagnosticType = "azure-native:apimanagement:ApiDiagnostic";
export const serviceType = "azure-native:apimanagement:ApiManagementService";
export const diagnosticSettingType = "azure-native:monitor:DiagnosticSetting";

/** Host names of Azure OpenAI / AI Services endpoints, for literal service URLs. */
const aiHost = /\.(openai\.azure\.com|cognitiveservices\.azure\.com|services\.ai\.azure\.com)(\/|:|$)/i;

export const deps = (r: StackResource, prop: string) => r.propertyDependencies[prop] ?? [];

function isAiUrl(v: Value): boolean {
    return v.state === "known" && typeof v.value === "string" && aiHost.test(v.value);
}

function backendFrontsAi(b: StackResource): boolean {
    return [...deps(b, "url"), ...deps(b, "resourceId")].some((d) => d.type === accountType) || isAiUrl(b.get("url"));
}

/** The API forwards to an AI account: its serviceUrl, or its policy's backend, leads to one. */
export function frontsAi(api: StackResource, resources: readonly StackResource[]): boolean {
    const leadsToAi = (d: StackResource) => d.type === accountType || (d.type === backendType && backendFrontsAi(d));
    if (deps(api, "serviceUrl").some(leadsToAi) || isAiUrl(api.get("serviceUrl"))) {
        return true;
    }
    return resources.some(
        (p) => p.type === apiPolicyType && deps(p, "apiId").includes(api) && deps(p, "value").some(leadsToAi),
    );
}
