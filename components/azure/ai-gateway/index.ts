import * as azure from "@pulumi/azure-native";
import * as pulumi from "@pulumi/pulumi";
import { ArgumentError, aiTags, requireOneOf, requireRange, validateFor } from "../../shared/validation";
import { gatewayNetworkModes } from "../ai-network-foundation";
import { allLogsTo, grantRole, placementOf, roles } from "../shared/resources";
import type { AiGatewayArgs, GatewaySku } from "./args";

export type { AiGatewayArgs, GatewayCaller, GatewaySku } from "./args";

const type = "aiguard:azure:AiGateway";

const skusByNetwork: Readonly<Record<string, readonly GatewaySku[]>> = {
    internal: ["Developer", "Premium"],
    "private-endpoint": ["StandardV2"],
};

/** Gateway and backend protocols and ciphers turned off: SSL 3.0, TLS 1.0 and 1.1, and 3DES. */
const tlsSettings: Readonly<Record<string, string>> = {
    "Microsoft.WindowsAzure.ApiManagement.Gateway.Security.Protocols.Tls10": "False",
    "Microsoft.WindowsAzure.ApiManagement.Gateway.Security.Protocols.Tls11": "False",
    "Microsoft.WindowsAzure.ApiManagement.Gateway.Security.Protocols.Ssl30": "False",
    "Microsoft.WindowsAzure.ApiManagement.Gateway.Security.Backend.Protocols.Tls10": "False",
    "Microsoft.WindowsAzure.ApiManagement.Gateway.Security.Backend.Protocols.Tls11": "False",
    "Microsoft.WindowsAzure.ApiManagement.Gateway.Security.Backend.Protocols.Ssl30": "False",
    "Microsoft.WindowsAzure.ApiManagement.Gateway.Security.Ciphers.TripleDes168": "False",
};

/** Checks arguments that decide what is created. Exported for tests. */
export function validateAiGatewayArgs(args: AiGatewayArgs): void {
    const network = requireOneOf(type, "network", args.network ?? "internal", gatewayNetworkModes);
    const allowed = skusByNetwork[network] as readonly GatewaySku[];
    const sku = args.sku ?? (allowed[0] as GatewaySku);
    if (!allowed.includes(sku)) {
        throw new ArgumentError(
            type,
            "sku",
            `is '${sku}'; allowed with network '${network}': ${allowed.map((s) => `'${s}'`).join(", ")}`,
        );
    }
    const capacity = requireRange(type, "capacity", args.capacity ?? 1, 1, sku === "Developer" ? 1 : 10);
    if (!Number.isInteger(capacity)) {
        throw new ArgumentError(type, "capacity", `is ${capacity}; allowed: a whole number`);
    }
    if ((args.callers?.length ?? 0) > 0 && network !== "private-endpoint") {
        throw new ArgumentError(
            type,
            "callers",
            "needs network 'private-endpoint': an internal gateway takes no private endpoints (Azure refuses them on injected instances)",
        );
    }
    const path = args.apiPath ?? "openai";
    if (!/^[a-z0-9][a-z0-9-]{0,62}$/.test(path)) {
        throw new ArgumentError(
            type,
            "apiPath",
            `is '${path}'; allowed: 1 to 63 lower-case letters, digits and hyphens, without slashes`,
        );
    }
    for (const [argument, value, min, max] of [
        ["tokensPerMinute", args.tokensPerMinute ?? 10_000, 100, 1_000_000],
        ["callsPerMinute", args.callsPerMinute ?? 60, 1, 10_000],
        ["logBodyBytes", args.logBodyBytes ?? 8192, 1, 8192],
    ] as const) {
        requireRange(type, argument, value, min, max);
        if (!Number.isInteger(value)) {
            throw new ArgumentError(type, argument, `is ${value}; allowed: a whole number`);
        }
    }
}

/**
 * The API policy: callers are limited per subscription in requests and tokens, the caller's key is
 * stripped, and the gateway calls the model with its own managed identity. A private-endpoint gateway
 * also turns away requests that did not arrive through one of its private endpoints.
 */
export function gatewayPolicy(args: AiGatewayArgs): string {
    const privateOnly =
        args.network === "private-endpoint"
            ? `
    <choose>
      <when condition="@(context.Request.PrivateEndpointConnection == null)">
        <return-response><set-status code="403" reason="Private endpoint required" /></return-response>
      </when>
    </choose>`
            : "";
    return `<policies>
  <inbound>
    <base />${privateOnly}
    <rate-limit-by-key calls="${args.callsPerMinute ?? 60}" renewal-period="60" counter-key="@(context.Subscription.Id)" />
    <azure-openai-token-limit counter-key="@(context.Subscription.Id)" tokens-per-minute="${args.tokensPerMinute ?? 10_000}" estimate-prompt-tokens="true" remaining-tokens-header-name="x-ratelimit-remaining-tokens" />
    <set-header name="api-key" exists-action="delete" />
    <authentication-managed-identity resource="https://cognitiveservices.azure.com" />
  </inbound>
  <backend>
    <base />
  </backend>
  <outbound>
    <base />
  </outbound>
  <on-error>
    <base />
  </on-error>
</policies>`;
}

/**
 * API Management in front of an Azure OpenAI / AI Services account: a subscription key on every
 * call, TLS 1.2 or later only (no 3DES), per-subscription request and token limits, every prompt and
 * completion logged to Log Analytics, its own managed identity (no key) towards the model, and no
 * public entry: injected into the AI network in internal mode, or entered only through private
 * endpoints in callers' networks.
 */
export class AiGateway extends pulumi.ComponentResource {
    readonly service: azure.apimanagement.ApiManagementService;
    readonly api: azure.apimanagement.Api;
    readonly callerEndpoints: readonly azure.network.PrivateEndpoint[];
    readonly serviceId: pulumi.Output<string>;
    readonly serviceName: pulumi.Output<string>;
    /** Base URL of the gateway, e.g. `https://x.azure-api.net`. */
    readonly gatewayUrl: pulumi.Output<string>;
    /** URL callers use in place of the account endpoint, e.g. `https://x.azure-api.net/openai`. */
    readonly apiUrl: pulumi.Output<string>;
    /** Principal id of the gateway's system-assigned identity, granted "Cognitive Services OpenAI User" on the account. */
    readonly principalId: pulumi.Output<string>;

    constructor(name: string, args: AiGatewayArgs, opts?: pulumi.ComponentResourceOptions) {
        super(type, name, {}, opts);
        validateFor(name, () => validateAiGatewayArgs(args));
        const tags = aiTags(args.tags);
        const at = placementOf(args, tags, this);
        const network = args.network ?? "internal";
        const rg = args.resourceGroupName;
        const path = args.apiPath ?? "openai";

        this.service = new azure.apimanagement.ApiManagementService(
            name,
            {
                resourceGroupName: rg,
                location: args.location,
                publisherEmail: args.publisherEmail,
                publisherName: args.publisherName,
                sku: {
                    name: args.sku ?? (skusByNetwork[network]?.[0] as GatewaySku),
                    capacity: args.capacity ?? 1,
                },
                identity: { type: "SystemAssigned" },
                // Internal: the gateway has only a private address in the subnet. Private-endpoint:
                // the subnet carries only the gateway's outbound calls (Standard v2 integration).
                virtualNetworkType: network === "internal" ? "Internal" : "External",
                virtualNetworkConfiguration: { subnetResourceId: args.subnetId },
                customProperties: { ...tlsSettings },
                developerPortalStatus: "Disabled",
                legacyPortalStatus: "Disabled",
                tags,
            },
            { parent: this },
        );
        const serviceOpts = { parent: this.service };
        const inService = { resourceGroupName: rg, serviceName: this.service.name };

        const grant = grantRole(
            `${name}-model-access`,
            this.service.identity.apply((i) => i?.principalId ?? ""),
            roles.cognitiveServicesOpenAiUser,
            args.aiAccountId,
            at,
            this.service,
        );

        const endpoint = pulumi.output(args.aiEndpoint).apply((e) => e.replace(/\/+$/, ""));
        this.api = new azure.apimanagement.Api(
            `${name}-${path}`,
            {
                ...inService,
                apiId: path,
                displayName: `${path} (model behind the AI gateway)`,
                path,
                protocols: ["https"],
                serviceUrl: pulumi.interpolate`${endpoint}/openai`,
                subscriptionRequired: true,
                // The header OpenAI SDKs send their key in; the policy removes it before the model.
                subscriptionKeyParameterNames: { header: "api-key", query: "subscription-key" },
            },
            { ...serviceOpts, dependsOn: [grant] },
        );
        for (const method of ["POST", "GET"]) {
            new azure.apimanagement.ApiOperation(
                `${name}-${path}-${method.toLowerCase()}`,
                {
                    ...inService,
                    apiId: this.api.name,
                    operationId: `${method.toLowerCase()}-any`,
                    displayName: `${method} any path`,
                    method,
                    urlTemplate: "/*",
                },
                { parent: this.api },
            );
        }
        new azure.apimanagement.ApiPolicy(
            `${name}-${path}-policy`,
            { ...inService, apiId: this.api.name, policyId: "policy", format: "xml", value: gatewayPolicy(args) },
            { parent: this.api },
        );

        // Prompts and completions: the azureMonitor logger writes gateway logs with bodies to the
        // service's diagnostic setting, which sends all logs to Log Analytics.
        const logger = new azure.apimanagement.Logger(
            `${name}-azuremonitor`,
            { ...inService, loggerId: "azuremonitor", loggerType: "azureMonitor", isBuffered: true },
            serviceOpts,
        );
        const bodies = { body: { bytes: args.logBodyBytes ?? 8192 } };
        new azure.apimanagement.ApiDiagnostic(
            `${name}-${path}-diagnostic`,
            {
                ...inService,
                apiId: this.api.name,
                diagnosticId: "azuremonitor",
                loggerId: logger.id,
                alwaysLog: "allErrors",
                logClientIp: true,
                verbosity: "information",
                sampling: { samplingType: "fixed", percentage: 100 },
                frontend: { request: bodies, response: bodies },
                backend: { request: bodies, response: bodies },
            },
            { parent: this.api },
        );
        allLogsTo(`${name}-diag`, this.service.id, args.logAnalyticsWorkspaceId, this.service);

        this.callerEndpoints = (args.callers ?? []).map(
            (caller, i) =>
                new azure.network.PrivateEndpoint(
                    `${name}-caller-${i}`,
                    {
                        resourceGroupName: caller.resourceGroupName,
                        location: args.location,
                        subnet: { id: caller.subnetId },
                        privateLinkServiceConnections: [
                            {
                                name: `${name}-caller-${i}`,
                                privateLinkServiceId: this.service.id,
                                groupIds: ["Gateway"],
                            },
                        ],
                        tags: { ...(caller.tags ?? {}) },
                    },
                    serviceOpts,
                ),
        );

        this.serviceId = this.service.id;
        this.serviceName = this.service.name;
        this.gatewayUrl = this.service.gatewayUrl;
        this.apiUrl = pulumi.interpolate`${this.service.gatewayUrl}/${path}`;
        this.principalId = this.service.identity.apply((i) => i?.principalId ?? "");
        this.registerOutputs({
            serviceId: this.serviceId,
            serviceName: this.serviceName,
            gatewayUrl: this.gatewayUrl,
            apiUrl: this.apiUrl,
            principalId: this.principalId,
            callerEndpointIds: this.callerEndpoints.map((e) => e.id),
        });
    }
}
