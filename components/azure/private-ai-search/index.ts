import * as azure from "@pulumi/azure-native";
import * as pulumi from "@pulumi/pulumi";
import { ArgumentError, aiTags, requireOneOf, requireRange, validateFor } from "../../shared/validation";
import { allLogsTo, placementOf, privateEndpoint, requireZones } from "../shared/resources";
import type { PrivateAiSearchArgs, SearchSku } from "./args";

export type { PrivateAiSearchArgs, SearchSku } from "./args";

const type = "aiguard:azure:PrivateAiSearch";

const skus: readonly SearchSku[] = [
    "basic",
    "standard",
    "standard2",
    "standard3",
    "storage_optimized_l1",
    "storage_optimized_l2",
];
const partitionCounts = [1, 2, 3, 4, 6, 12];

/** Checks arguments that decide what is created. Exported for tests. */
export function validatePrivateAiSearchArgs(name: string, args: PrivateAiSearchArgs): void {
    const sku = requireOneOf(type, "sku", args.sku ?? "basic", skus);
    requireOneOf(type, "semanticSearch", args.semanticSearch ?? "disabled", ["disabled", "free", "standard"]);
    const replicas = requireRange(type, "replicaCount", args.replicaCount ?? 2, 1, sku === "basic" ? 3 : 12);
    if (!Number.isInteger(replicas)) {
        throw new ArgumentError(type, "replicaCount", `is ${replicas}; allowed: a whole number`);
    }
    const partitions = args.partitionCount ?? 1;
    if (!partitionCounts.includes(partitions) || (sku === "basic" && partitions !== 1)) {
        throw new ArgumentError(
            type,
            "partitionCount",
            `is ${partitions}; allowed: ${sku === "basic" ? "1 on the basic tier" : partitionCounts.join(", ")}`,
        );
    }
    requireZones(type, "privateDnsZoneIds", args.privateDnsZoneIds);
    // The service name is derived from the component name and is global: 2 to 60 lower-case letters, digits, dashes.
    if (!/^[a-z0-9](?!.*--)[a-z0-9-]{0,58}[a-z0-9]$/.test(name)) {
        throw new ArgumentError(
            type,
            "name",
            `is '${name}'; allowed: 2 to 60 lower-case letters, digits and single hyphens, starting and ending with a letter or digit (the service name derives from it)`,
        );
    }
}

/**
 * An Azure AI Search service for retrieval-augmented generation reached only through a private
 * endpoint: public network access disabled, Entra ID only (no API keys), a system-assigned identity
 * for indexers and keys, customer-managed key enforcement, replicas for the query SLA, and all logs
 * to Log Analytics.
 */
export class PrivateAiSearch extends pulumi.ComponentResource {
    readonly service: azure.search.Service;
    readonly privateEndpoint: azure.network.PrivateEndpoint;
    readonly serviceId: pulumi.Output<string>;
    readonly serviceName: pulumi.Output<string>;
    /** `https://<name>.search.windows.net`, resolved to the private endpoint inside the network. */
    readonly endpoint: pulumi.Output<string>;
    /** Principal id of the service's system-assigned identity, for grants on the data sources it indexes. */
    readonly principalId: pulumi.Output<string>;

    constructor(name: string, args: PrivateAiSearchArgs, opts?: pulumi.ComponentResourceOptions) {
        super(type, name, {}, opts);
        validateFor(name, () => validatePrivateAiSearchArgs(name, args));
        const tags = aiTags(args.tags);
        const at = placementOf(args, tags, this);
        const open = args.allowPublicNetworkAccess ?? false;
        const keys = args.allowApiKeys ?? false;

        this.service = new azure.search.Service(
            name,
            {
                resourceGroupName: args.resourceGroupName,
                location: args.location,
                searchServiceName: name,
                sku: { name: args.sku ?? "basic" },
                replicaCount: args.replicaCount ?? 2,
                partitionCount: args.partitionCount ?? 1,
                publicNetworkAccess: open ? "Enabled" : "Disabled",
                // disableLocalAuth and authOptions exclude each other; keys, when allowed, sit beside Entra ID.
                disableLocalAuth: !keys,
                authOptions: keys ? { aadOrApiKey: { aadAuthFailureMode: "http401WithBearerChallenge" } } : undefined,
                identity: { type: "SystemAssigned" },
                encryptionWithCmk: { enforcement: args.allowObjectsWithoutCmk ? "Disabled" : "Enabled" },
                semanticSearch: args.semanticSearch ?? "disabled",
                tags,
            },
            { parent: this },
        );

        this.privateEndpoint = privateEndpoint(
            `${name}-pe`,
            this.service.id,
            "searchService",
            args.subnetId,
            args.privateDnsZoneIds,
            at,
        );
        allLogsTo(`${name}-diag`, this.service.id, args.logAnalyticsWorkspaceId, this.service);

        this.serviceId = this.service.id;
        this.serviceName = this.service.name;
        this.endpoint = pulumi.interpolate`https://${this.service.name}.search.windows.net`;
        this.principalId = this.service.identity.apply((i) => i?.principalId ?? "");
        this.registerOutputs({
            serviceId: this.serviceId,
            serviceName: this.serviceName,
            endpoint: this.endpoint,
            principalId: this.principalId,
            privateEndpointId: this.privateEndpoint.id,
        });
    }
}
