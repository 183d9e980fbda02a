import * as azure from "@pulumi/azure-native";
import * as pulumi from "@pulumi/pulumi";
import { ArgumentError, aiTags, requireRange, validateFor } from "../../shared/validation";
import { allLogsTo } from "../shared/resources";
import type { ManagedOnlineEndpointArgs } from "./args";

export type { ManagedOnlineEndpointArgs } from "./args";

const type = "aiguard:azure:ManagedOnlineEndpoint";

/** Checks arguments that decide what is created. Exported for tests. */
export function validateManagedOnlineEndpointArgs(args: ManagedOnlineEndpointArgs): void {
    requireRange(type, "instanceCount", args.instanceCount ?? 2, 1, 20);
    if (!Number.isInteger(args.instanceCount ?? 2)) {
        throw new ArgumentError(
            type,
            "instanceCount",
            `is ${args.instanceCount}; allowed: a whole number from 1 to 20`,
        );
    }
    const deployment = args.deploymentName ?? "blue";
    if (!/^[a-zA-Z][a-zA-Z0-9-]{2,31}$/.test(deployment)) {
        throw new ArgumentError(
            type,
            "deploymentName",
            `is '${deployment}'; allowed: 3 to 32 letters, digits and hyphens, starting with a letter`,
        );
    }
}

/**
 * An Azure Machine Learning managed online endpoint that accepts only Entra ID tokens and only private
 * traffic (through the workspace's private endpoint), with one managed deployment whose containers have
 * no public egress, which collects model inputs and outputs and sends request telemetry to Application
 * Insights, and whose endpoint logs go to Log Analytics.
 */
export class ManagedOnlineEndpoint extends pulumi.ComponentResource {
    readonly endpoint: azure.machinelearningservices.OnlineEndpoint;
    readonly deployment: azure.machinelearningservices.OnlineDeployment;
    readonly endpointId: pulumi.Output<string>;
    readonly endpointName: pulumi.Output<string>;
    readonly scoringUri: pulumi.Output<string | undefined>;
    /** Principal id of the endpoint's system-assigned identity, for data-role grants. */
    readonly principalId: pulumi.Output<string>;

    constructor(name: string, args: ManagedOnlineEndpointArgs, opts?: pulumi.ComponentResourceOptions) {
        super(type, name, {}, opts);
        validateFor(name, () => validateManagedOnlineEndpointArgs(args));
        const tags = aiTags(args.tags);
        const deploymentName = args.deploymentName ?? "blue";

        this.endpoint = new azure.machinelearningservices.OnlineEndpoint(
            name,
            {
                resourceGroupName: args.resourceGroupName,
                workspaceName: args.workspaceName,
                location: args.location,
                identity: { type: "SystemAssigned" },
                properties: {
                    authMode: args.allowKeyAuth ? "Key" : "AADToken",
                    publicNetworkAccess: args.allowPublicNetworkAccess ? "Enabled" : "Disabled",
                },
                tags,
            },
            { parent: this },
        );

        const collect = !(args.disableModelDataCollection ?? false);
        // Every request is collected, as SageMaker endpoints capture every request by default
        // (sagemaker-endpoint-data-capture's minimum is 100 %): a sampled record misses the abusive call.
        const samplingRate = 1;
        this.deployment = new azure.machinelearningservices.OnlineDeployment(
            `${name}-${deploymentName}`,
            {
                resourceGroupName: args.resourceGroupName,
                workspaceName: args.workspaceName,
                endpointName: this.endpoint.name,
                deploymentName,
                location: args.location,
                sku: { name: "Default", capacity: args.instanceCount ?? 2 },
                properties: {
                    endpointComputeType: "Managed",
                    model: args.model,
                    environmentId: args.environmentId,
                    codeConfiguration: args.codeConfiguration,
                    instanceType: args.instanceType ?? "Standard_DS3_v2",
                    scaleSettings: { scaleType: "Default" },
                    egressPublicNetworkAccess: args.allowPublicEgress ? "Enabled" : "Disabled",
                    appInsightsEnabled: true,
                    dataCollector: collect
                        ? {
                              collections: {
                                  model_inputs: { dataCollectionMode: "Enabled", samplingRate },
                                  model_outputs: { dataCollectionMode: "Enabled", samplingRate },
                              },
                              rollingRate: "Hour",
                          }
                        : undefined,
                },
                tags,
            },
            { parent: this.endpoint },
        );

        allLogsTo(`${name}-diag`, this.endpoint.id, args.logAnalyticsWorkspaceId, this.endpoint);

        this.endpointId = this.endpoint.id;
        this.endpointName = this.endpoint.name;
        this.scoringUri = this.endpoint.properties.apply((p) => p.scoringUri);
        this.principalId = this.endpoint.identity.apply((i) => i?.principalId ?? "");
        this.registerOutputs({
            endpointId: this.endpointId,
            endpointName: this.endpointName,
            deploymentName,
            scoringUri: this.scoringUri,
            principalId: this.principalId,
        });
    }
}
