import * as azure from "@pulumi/azure-native";
import * as pulumi from "@pulumi/pulumi";
import { ArgumentError, aiTags, requireOneOf, validateFor } from "../../shared/validation";
import {
    type AiNetworkFoundationArgs,
    type GatewayNetworkMode,
    type PrivateLinkService,
    privateLinkServices,
} from "./args";

export type { AiNetworkFoundationArgs, GatewayNetworkMode, PrivateLinkService } from "./args";

const type = "aiguard:azure:AiNetworkFoundation";

/** The private DNS zones each service resolves its private endpoints in (public cloud). */
export const serviceZones: Readonly<Record<PrivateLinkService, readonly string[]>> = {
    aiServices: [
        "privatelink.cognitiveservices.azure.com",
        "privatelink.openai.azure.com",
        "privatelink.services.ai.azure.com",
    ],
    mlWorkspace: ["privatelink.api.azureml.ms", "privatelink.notebooks.azure.net"],
    blob: ["privatelink.blob.core.windows.net"],
    vault: ["privatelink.vaultcore.azure.net"],
    search: ["privatelink.search.windows.net"],
    acr: ["privatelink.azurecr.io"],
};

/** The n-th /24 range of an aligned IPv4 range from /16 to /22. */
export function subnetPrefix(addressSpace: string, index: number): string {
    const [a, b, c] = addressSpace.split(/[./]/).map(Number) as [number, number, number];
    return `${a}.${b}.${c + index}.0/24`;
}

/** Checks arguments that decide what is created. Exported for tests. */
export function validateAiNetworkFoundationArgs(args: AiNetworkFoundationArgs): void {
    const space = args.addressSpace ?? "10.40.0.0/16";
    const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(space);
    const octets = m ? m.slice(1, 5).map(Number) : [];
    const bits = m ? Number(m[5]) : 0;
    const aligned =
        octets.every((o) => o <= 255) && octets[3] === 0 && ((octets[2] ?? 0) & ((1 << (24 - bits)) - 1)) === 0;
    if (!m || bits < 16 || bits > 22 || !aligned) {
        throw new ArgumentError(
            type,
            "addressSpace",
            `is '${space}'; allowed: an aligned IPv4 range from /16 to /22, e.g. '10.40.0.0/16' (three /24 subnets are carved from its start)`,
        );
    }
    const services = args.services ?? privateLinkServices;
    if (services.length === 0) {
        throw new ArgumentError(type, "services", "is empty; allowed: at least one of the services listed");
    }
    const seen = new Set<string>();
    for (const [i, s] of services.entries()) {
        requireOneOf(type, `services[${i}]`, s, privateLinkServices);
        if (seen.has(s)) {
            throw new ArgumentError(type, `services[${i}]`, `names '${s}' twice`);
        }
        seen.add(s);
    }
    if (args.gateway !== undefined) {
        requireOneOf(type, "gateway", args.gateway, ["internal", "private-endpoint"]);
    }
}

type Rule = azure.types.input.network.SecurityRuleArgs;

function rule(
    name: string,
    priority: number,
    direction: "Inbound" | "Outbound",
    access: "Allow" | "Deny",
    source: string,
    destination: string,
    ports: string,
    protocol = "Tcp",
): Rule {
    return {
        name,
        priority,
        direction,
        access,
        protocol,
        sourceAddressPrefix: source,
        sourcePortRange: "*",
        destinationAddressPrefix: destination,
        destinationPortRange: ports,
    };
}

/** Inbound denied except HTTPS from inside the network; internet egress denied (overriding AllowInternetOutBound). */
const baseRules: readonly Rule[] = [
    rule("allow-https-from-vnet", 100, "Inbound", "Allow", "VirtualNetwork", "VirtualNetwork", "443"),
    rule("deny-all-inbound", 4096, "Inbound", "Deny", "*", "*", "*", "*"),
    rule("deny-internet-outbound", 4096, "Outbound", "Deny", "*", "Internet", "*", "*"),
];

/** What an API Management gateway needs besides: its management plane and health probes in, its dependencies out. */
const gatewayRules: readonly Rule[] = [
    rule("allow-apim-management", 110, "Inbound", "Allow", "ApiManagement", "VirtualNetwork", "3443"),
    rule("allow-load-balancer-probe", 120, "Inbound", "Allow", "AzureLoadBalancer", "VirtualNetwork", "6390"),
    rule("allow-storage-out", 100, "Outbound", "Allow", "VirtualNetwork", "Storage", "443"),
    rule("allow-sql-out", 110, "Outbound", "Allow", "VirtualNetwork", "Sql", "1433"),
    rule("allow-key-vault-out", 120, "Outbound", "Allow", "VirtualNetwork", "AzureKeyVault", "443"),
    rule("allow-monitor-out", 130, "Outbound", "Allow", "VirtualNetwork", "AzureMonitor", "443"),
];

/**
 * The network every private Azure AI system needs: a virtual network with subnets for private
 * endpoints, compute and (optionally) an API Management gateway, each behind an NSG that denies
 * inbound traffic by default and internet egress, and the private DNS zones of the AI services in
 * use, linked to the network so that private endpoints resolve inside it.
 */
export class AiNetworkFoundation extends pulumi.ComponentResource {
    readonly virtualNetwork: azure.network.VirtualNetwork;
    private readonly instanceName: string;
    readonly virtualNetworkId: pulumi.Output<string>;
    /** Subnet for private endpoints (`subnetId` of the other Azure components). */
    readonly privateEndpointSubnetId: pulumi.Output<string>;
    /** Subnet for compute the AI system runs (VNet-integrated apps, VMs, AKS nodes). */
    readonly computeSubnetId: pulumi.Output<string>;
    private readonly gatewaySubnet?: pulumi.Output<string>;
    /** Id of each private DNS zone created, by zone name. */
    readonly zoneIds: Readonly<Record<string, pulumi.Output<string>>>;
    /** Zones for `AiServicesAccount.privateDnsZoneIds` (empty unless `aiServices` is in `services`). */
    readonly aiServicesZoneIds: readonly pulumi.Output<string>[];
    /** Zones for `MlWorkspace.privateDnsZoneIds`. */
    readonly mlWorkspaceZoneIds: readonly pulumi.Output<string>[];
    /** Zones for `AiModelStorage.privateDnsZoneIds`. */
    readonly blobZoneIds: readonly pulumi.Output<string>[];
    /** Zones for `PrivateAiSearch.privateDnsZoneIds`. */
    readonly searchZoneIds: readonly pulumi.Output<string>[];
    /** Zones for Key Vault private endpoints. */
    readonly vaultZoneIds: readonly pulumi.Output<string>[];
    /** Zones for container registry private endpoints. */
    readonly acrZoneIds: readonly pulumi.Output<string>[];

    constructor(name: string, args: AiNetworkFoundationArgs, opts?: pulumi.ComponentResourceOptions) {
        super(type, name, {}, opts);
        this.instanceName = name;
        validateFor(name, () => validateAiNetworkFoundationArgs(args));
        const tags = aiTags(args.tags);
        const space = args.addressSpace ?? "10.40.0.0/16";
        const rg = args.resourceGroupName;

        this.virtualNetwork = new azure.network.VirtualNetwork(
            `${name}-vnet`,
            { resourceGroupName: rg, location: args.location, addressSpace: { addressPrefixes: [space] }, tags },
            { parent: this },
        );

        // One subnet at a time: Azure rejects concurrent writes to subnets of one network.
        let previous: pulumi.Resource | undefined;
        const subnet = (
            label: string,
            index: number,
            rules: readonly Rule[],
            delegation?: string,
        ): azure.network.Subnet => {
            const nsg = new azure.network.NetworkSecurityGroup(
                `${name}-${label}-nsg`,
                { resourceGroupName: rg, location: args.location, securityRules: [...rules], tags },
                { parent: this },
            );
            const s = new azure.network.Subnet(
                `${name}-${label}`,
                {
                    resourceGroupName: rg,
                    virtualNetworkName: this.virtualNetwork.name,
                    subnetName: label,
                    addressPrefix: subnetPrefix(space, index),
                    networkSecurityGroup: { id: nsg.id },
                    privateEndpointNetworkPolicies: "Enabled",
                    defaultOutboundAccess: false,
                    delegations: delegation === undefined ? undefined : [{ name: "gateway", serviceName: delegation }],
                },
                { parent: this.virtualNetwork, dependsOn: previous ? [previous] : [] },
            );
            previous = s;
            return s;
        };
        this.privateEndpointSubnetId = subnet("private-endpoints", 0, baseRules).id;
        this.computeSubnetId = subnet("compute", 1, baseRules).id;
        if (args.gateway !== undefined) {
            this.gatewaySubnet = subnet(
                "gateway",
                2,
                [...gatewayRules, ...baseRules],
                args.gateway === "private-endpoint" ? "Microsoft.Web/serverFarms" : undefined,
            ).id;
        }

        const zoneIds: Record<string, pulumi.Output<string>> = {};
        const zonesOf = (service: PrivateLinkService): pulumi.Output<string>[] =>
            (args.services ?? privateLinkServices).includes(service)
                ? serviceZones[service].map((zone) => {
                      zoneIds[zone] = this.linkedZone(name, zone, rg, tags);
                      return zoneIds[zone] as pulumi.Output<string>;
                  })
                : [];
        this.aiServicesZoneIds = zonesOf("aiServices");
        this.mlWorkspaceZoneIds = zonesOf("mlWorkspace");
        this.blobZoneIds = zonesOf("blob");
        this.vaultZoneIds = zonesOf("vault");
        this.searchZoneIds = zonesOf("search");
        this.acrZoneIds = zonesOf("acr");
        this.zoneIds = zoneIds;
        this.virtualNetworkId = this.virtualNetwork.id;

        this.registerOutputs({
            virtualNetworkId: this.virtualNetworkId,
            privateEndpointSubnetId: this.privateEndpointSubnetId,
            computeSubnetId: this.computeSubnetId,
            gatewaySubnetId: this.gatewaySubnet,
            zoneIds: this.zoneIds,
        });
    }

    /** Subnet of the `AiGateway` (`AiGatewayArgs.subnetId`); exists only when `gateway` is set. */
    get gatewaySubnetId(): pulumi.Output<string> {
        if (this.gatewaySubnet === undefined) {
            throw new ArgumentError(
                type,
                "gateway",
                "is not set, so there is no gateway subnet; set it to the AiGateway's network mode",
                this.instanceName,
            );
        }
        return this.gatewaySubnet;
    }

    /** A private DNS zone linked to the network (no auto-registration), so private endpoints resolve inside it. */
    private linkedZone(
        name: string,
        zoneName: string,
        rg: pulumi.Input<string>,
        tags: Record<string, string>,
    ): pulumi.Output<string> {
        const label = zoneName.replace(/^privatelink\./, "").replace(/\./g, "-");
        const zone = new azure.privatedns.PrivateZone(
            `${name}-${label}`,
            { resourceGroupName: rg, privateZoneName: zoneName, location: "global", tags },
            { parent: this },
        );
        new azure.privatedns.VirtualNetworkLink(
            `${name}-${label}-link`,
            {
                resourceGroupName: rg,
                privateZoneName: zone.name,
                location: "global",
                virtualNetwork: { id: this.virtualNetwork.id },
                registrationEnabled: false,
                tags,
            },
            { parent: zone },
        );
        return zone.id;
    }
}

/** The network modes an `AiGateway` may take, for its validation. */
export const gatewayNetworkModes: readonly GatewayNetworkMode[] = ["internal", "private-endpoint"];
