// Fixtures that put the resources of a test in the AI system the way real programs do: not by tag,
// but by what they are part of. API Gateway methods, routes and settings carry no tags; they belong
// to the AI system because their API has an integration that calls a model.

import { resource } from "./pack";
import type { AiScope } from "./settings";

/** A REST API whose integration calls a SageMaker endpoint, the way a model front door is built. */
export const modelRestApi: AiScope = {
    anchors: [
        resource("aws:sagemaker/endpoint:Endpoint", "fraud-endpoint", { endpointConfigName: "fraud-config" }),
        resource("aws:apigateway/restApi:RestApi", "model-api", { name: "model-api" }),
        resource(
            "aws:apigateway/integration:Integration",
            "invoke-model",
            {
                restApi: "a1b2c3",
                resourceId: "r1",
                httpMethod: "POST",
                type: "AWS",
                integrationHttpMethod: "POST",
                uri: "arn:aws:apigateway:us-east-1:runtime.sagemaker:path/endpoints/fraud-endpoint/invocations",
            },
            { propertyDependencies: { restApi: ["model-api"], uri: ["fraud-endpoint"] } },
        ),
    ],
    options: { propertyDependencies: { restApi: ["model-api"] } },
};

/** An HTTP API whose integration calls the Bedrock runtime directly. */
export const modelHttpApi: AiScope = {
    anchors: [
        resource("aws:apigatewayv2/api:Api", "chat-api", { name: "chat-api", protocolType: "HTTP" }),
        resource(
            "aws:apigatewayv2/integration:Integration",
            "invoke-bedrock",
            {
                apiId: "a1b2c3",
                integrationType: "AWS_PROXY",
                integrationUri: "arn:aws:apigateway:us-east-1:bedrock-runtime:path/model/anthropic.claude-3/invoke",
            },
            { propertyDependencies: { apiId: ["chat-api"] } },
        ),
    ],
    options: { propertyDependencies: { apiId: ["chat-api"] } },
};

/** An Azure OpenAI account that an app's settings name: the app is its front door. */
export const openAiFrontDoor: AiScope = {
    anchors: [
        resource("azure-native:cognitiveservices:Account", "chat-openai", {
            resourceGroupName: "rg",
            kind: "OpenAI",
            sku: { name: "S0" },
        }),
    ],
    options: { propertyDependencies: { siteConfig: ["chat-openai"] } },
};
