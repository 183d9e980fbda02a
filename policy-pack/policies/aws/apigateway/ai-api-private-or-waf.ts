import { cite } from "../../../core/citations";
import { defineStackPolicy, type StackResource } from "../../../core/definition";
import { describe, type Value } from "../../../core/values";
import { modelFrontingApis } from "../../../shared/aws-model-apis";

const restApiType = "aws:apigateway/restApi:RestApi";
const stageType = "aws:apigateway/stage:Stage";
const wafAssociationType = "aws:wafv2/webAclAssociation:WebAclAssociation";

/** `endpointConfiguration.types` is a string in @pulumi/aws 7 and a list in older versions. */
function isPrivate(types: Value): boolean | "unknown" {
    if (types.state === "unknown") {
        return "unknown";
    }
    if (types.state !== "known") {
        return false;
    }
    const values = Array.isArray(types.value) ? types.value : [types.value];
    return values.some((v) => typeof v === "string" && v.toUpperCase() === "PRIVATE");
}

export default defineStackPolicy({
    id: "ai-api-private-or-waf",
    cloud: "aws",
    resourceTypes: [restApiType, stageType, wafAssociationType],
    area: "network-isolation",
    layer: "fm-api",
    severity: "medium",
    enforcementLevel: "advisory",
    description:
        "REST APIs that front a model are private (endpoint type PRIVATE) or have an AWS WAF web ACL on a stage.",
    controls: cite({
        "nist-800-53": {
            implements: ["SC-7"],
            why: "A model-fronting REST API is private to the VPC or has a WAF web ACL at its boundary.",
        },
        "mitre-atlas": {
            supports: ["AML.M0019"],
            why: "Access to the model API is limited to private networks or filtered by a web ACL.",
        },
        "iso-27001": {
            implements: ["A.8.20"],
            why: "Network security: the API is private or protected by a web application firewall.",
        },
    }),
    peers: [
        { tool: "checkov", id: "CKV2_AWS_29" },
        { tool: "kics", id: "a186e82c-1078-4a7b-85d8-579561fde884" },
        { tool: "prowler", id: "apigateway_restapi_waf_acl_attached" },
    ],
    remediation: [
        'Set endpointConfiguration.types to "PRIVATE" and reach the API through an execute-api VPC endpoint, or',
        "associate an aws.wafv2.WebAcl with the API's stage through aws.wafv2.WebAclAssociation (resourceArn set to the stage's arn), with rate-based and managed rules.",
    ],
    notes: [
        "An API fronts a model when one of its integrations calls an AI resource (by type, tag or reference) or a model runtime service URI (bedrock-runtime, runtime.sagemaker, ...), or when the API itself is tagged as AI.",
        "A web ACL belongs to a stage when the association's resourceArn depends on the stage, and the stage to the API through its restApi input; ids and ARNs are never compared.",
        "An unset endpointConfiguration means an EDGE endpoint, reachable from the internet. Advisory, because some model APIs are public by design behind other controls.",
    ],
    validate(check) {
        const { resources, classification } = check;
        const fronting = modelFrontingApis(resources, classification);
        const apis = resources.filter((r) => r.type === restApiType && (fronting.has(r) || classification.isAi(r)));
        if (apis.length === 0) {
            return;
        }
        const stagesOf = new Map<StackResource, StackResource[]>();
        for (const stage of resources.filter((r) => r.type === stageType)) {
            for (const api of stage.propertyDependencies.restApi ?? []) {
                stagesOf.set(api, [...(stagesOf.get(api) ?? []), stage]);
            }
        }
        const protectedStages = new Set(
            resources
                .filter((r) => r.type === wafAssociationType)
                .flatMap((a) => a.propertyDependencies.resourceArn ?? []),
        );
        for (const api of apis) {
            if ((stagesOf.get(api) ?? []).some((s) => protectedStages.has(s))) {
                continue;
            }
            const types = api.get("endpointConfiguration.types");
            const priv = isPrivate(types);
            if (priv === true) {
                continue;
            }
            if (priv === "unknown" && api.setByProgram("endpointConfiguration") !== false) {
                check.undecided(api, "endpointConfiguration.types");
                continue;
            }
            check.fail(api, {
                setting: "endpointConfiguration.types",
                found:
                    types.state === "known"
                        ? `${describe(types)} with no WAF web ACL on any stage`
                        : 'not set (provider default "EDGE") with no WAF web ACL on any stage',
                expected: '"PRIVATE", or a WebAclAssociation on a stage of the API',
            });
        }
    },
});
