import { createHash } from "node:crypto";
import * as azure from "@pulumi/azure-native";
import * as pulumi from "@pulumi/pulumi";
import { ArgumentError, aiTags, requireOneOf, requireRange, validateFor } from "../../shared/validation";
import {
    allLogsTo,
    keyIdentity,
    placementOf,
    privateEndpoint,
    requireOneKeyChoice,
    requireZones,
    resolveKey,
} from "../shared/resources";
import type { AiServicesAccountArgs, ModelDeployment } from "./args";

export type { AiServicesAccountArgs, CustomerManagedKey, ModelDeployment } from "./args";

const type = "aiguard:azure:AiServicesAccount";

/** Largest deployment capacity the component accepts (the pack's default cap, ai-deployment-capacity-capped). */
export const maxDeploymentCapacity = 100;

const harmFilters = ["Hate", "Sexual", "Violence", "Selfharm"] as const;

/** The organization, which Pulumi's test mocks may leave unset. */
function organization(): string {
    try {
        return pulumi.getOrganization();
    } catch {
        return "organization";
    }
}

/**
 * The default custom subdomain: the component name and a hash of organization, project, stack and
 * name, so two stacks (or projects) deploying the same program do not claim the same global name.
 */
export function defaultSubDomainName(name: string): string {
    const scope = `${organization()}/${pulumi.getProject()}/${pulumi.getStack()}/${name}`;
    const hash = createHash("sha256").update(scope).digest("hex").slice(0, 8);
    return `${name.toLowerCase().slice(0, 55).replace(/-+$/, "")}-${hash}`;
}

/** Checks arguments that decide what is created. Exported for tests. */
export function validateAiServicesAccountArgs(name: string, args: AiServicesAccountArgs): void {
    requireOneOf(type, "kind", args.kind ?? "AIServices", ["AIServices", "OpenAI"]);
    requireOneOf(type, "contentFilterThreshold", args.contentFilterThreshold ?? "Medium", ["Low", "Medium"]);
    const sub = args.customSubDomainName ?? defaultSubDomainName(name);
    if (!/^[a-z0-9][a-z0-9-]{0,62}[a-z0-9]$/.test(sub)) {
        throw new ArgumentError(
            type,
            args.customSubDomainName === undefined
                ? "customSubDomainName (defaulted from the name)"
                : "customSubDomainName",
            `is '${sub}'; allowed: 2 to 64 lower-case letters, digits and hyphens, not starting or ending with a hyphen`,
        );
    }
    requireZones(type, "privateDnsZoneIds", args.privateDnsZoneIds);
    requireOneKeyChoice(type, args);
    // With a key created here, azure-native turns the whole `properties` object unknown during
    // preview (the key's URI and the identity's client id are), so the pack could not report these
    // loosenings until `pulumi up`. A loosened account therefore names its key choice.
    const loosening = (["allowPublicNetworkAccess", "allowLocalAuth", "allowUnrestrictedOutbound"] as const).find(
        (option) => args[option] === true,
    );
    if (loosening && args.customerManagedKey === undefined && !args.useMicrosoftManagedKeys) {
        throw new ArgumentError(
            type,
            loosening,
            "needs an existing key: with a key created by the component the account's settings are unknown during preview and the loosening could not be reported; pass customerManagedKey (or useMicrosoftManagedKeys: true)",
        );
    }
    if ((args.allowedFqdns?.length ?? 0) > 0 && args.allowUnrestrictedOutbound) {
        throw new ArgumentError(type, "allowUnrestrictedOutbound", "cannot be true when 'allowedFqdns' is given");
    }
    const seen = new Set<string>();
    for (const [i, d] of (args.deployments ?? []).entries()) {
        if (d.name.trim() === "" || seen.has(d.name)) {
            throw new ArgumentError(
                type,
                `deployments[${i}].name`,
                `is '${d.name}'; allowed: a non-empty, unique name`,
            );
        }
        seen.add(d.name);
        if (d.model.trim() === "" || d.version.trim() === "") {
            throw new ArgumentError(
                type,
                `deployments[${i}].${d.model.trim() === "" ? "model" : "version"}`,
                "must be non-empty: the model and its version are pinned",
            );
        }
        requireRange(type, `deployments[${i}].capacity`, d.capacity ?? 10, 1, maxDeploymentCapacity);
    }
}

/**
 * An Azure AI Services (Foundry) or Azure OpenAI account reached only through a private endpoint:
 * Entra ID only (no API keys), public network access disabled and network rules denying by default,
 * outbound calls restricted to a list of hosts, a customer-managed key, all logs to Log Analytics, and
 * model deployments with pinned versions, capped capacity and a strict content-filter policy.
 */
export class AiServicesAccount extends pulumi.ComponentResource {
    readonly account: azure.cognitiveservices.Account;
    readonly raiPolicy: azure.cognitiveservices.RaiPolicy;
    readonly privateEndpoint: azure.network.PrivateEndpoint;
    readonly deployments: readonly azure.cognitiveservices.Deployment[];
    readonly accountId: pulumi.Output<string>;
    readonly accountName: pulumi.Output<string>;
    readonly endpoint: pulumi.Output<string>;
    /** Principal id of the account's system-assigned identity, for data-role grants on sources it reads. */
    readonly principalId: pulumi.Output<string>;
    /** Name of the content-filter policy every deployment uses. */
    readonly raiPolicyName: string;

    constructor(name: string, args: AiServicesAccountArgs, opts?: pulumi.ComponentResourceOptions) {
        super(type, name, {}, opts);
        validateFor(name, () => validateAiServicesAccountArgs(name, args));
        const tags = aiTags(args.tags);
        const at = placementOf(args, tags, this);
        const mmk = args.useMicrosoftManagedKeys ?? false;
        const publicAccess = args.allowPublicNetworkAccess ?? false;
        const unrestricted = args.allowUnrestrictedOutbound ?? false;

        let encryption: azure.types.input.cognitiveservices.EncryptionArgs | undefined;
        let identity: azure.types.input.cognitiveservices.IdentityArgs = {
            type: azure.cognitiveservices.ResourceIdentityType.SystemAssigned,
        };
        const dependsOn: pulumi.Resource[] = [];
        if (!mmk) {
            const key = resolveKey(name, args.customerManagedKey, 2048, at);
            const { identity: unwrapper, grants } = keyIdentity(name, key, at);
            dependsOn.push(...grants);
            identity = {
                type: azure.cognitiveservices.ResourceIdentityType.SystemAssigned_UserAssigned,
                userAssignedIdentities: [unwrapper.id],
            };
            encryption = {
                keySource: "Microsoft.KeyVault",
                keyVaultProperties: {
                    keyVaultUri: key.keyVaultUri,
                    keyName: key.keyName,
                    keyVersion: key.keyVersion,
                    identityClientId: unwrapper.clientId,
                },
            };
        }

        this.account = new azure.cognitiveservices.Account(
            name,
            {
                resourceGroupName: args.resourceGroupName,
                location: args.location,
                kind: args.kind ?? "AIServices",
                sku: { name: args.sku ?? "S0" },
                identity,
                properties: {
                    customSubDomainName: args.customSubDomainName ?? defaultSubDomainName(name),
                    publicNetworkAccess: publicAccess ? "Enabled" : "Disabled",
                    networkAcls: { defaultAction: publicAccess ? "Allow" : "Deny", bypass: "AzureServices" },
                    disableLocalAuth: !(args.allowLocalAuth ?? false),
                    restrictOutboundNetworkAccess: !unrestricted,
                    allowedFqdnList: unrestricted ? undefined : [...(args.allowedFqdns ?? [])],
                    encryption,
                },
                tags,
            },
            { parent: this, dependsOn },
        );

        this.privateEndpoint = privateEndpoint(
            `${name}-pe`,
            this.account.id,
            "account",
            args.subnetId,
            args.privateDnsZoneIds,
            at,
        );
        allLogsTo(`${name}-diag`, this.account.id, args.logAnalyticsWorkspaceId, this.account);

        this.raiPolicyName = "aiguard-strict";
        this.raiPolicy = this.strictRaiPolicy(name, args, tags);
        let previous: pulumi.Resource = this.raiPolicy;
        this.deployments = (args.deployments ?? []).map((d) => {
            // Deployments on one account are created one at a time; parallel writes conflict.
            const dep = this.deployment(name, d, args, tags, previous);
            previous = dep;
            return dep;
        });

        this.accountId = this.account.id;
        this.accountName = this.account.name;
        this.endpoint = this.account.properties.apply((p) => p.endpoint);
        this.principalId = this.account.identity.apply((i) => i?.principalId ?? "");
        this.registerOutputs({
            accountId: this.accountId,
            accountName: this.accountName,
            endpoint: this.endpoint,
            principalId: this.principalId,
            privateEndpointId: this.privateEndpoint.id,
            raiPolicyName: this.raiPolicyName,
            deploymentNames: this.deployments.map((d) => d.name),
        });
    }

    /** Blocking harm filters for prompts and completions, prompt shields and protected-material filters. */
    private strictRaiPolicy(
        name: string,
        args: AiServicesAccountArgs,
        tags: Record<string, string>,
    ): azure.cognitiveservices.RaiPolicy {
        const severityThreshold = args.contentFilterThreshold ?? "Medium";
        return new azure.cognitiveservices.RaiPolicy(
            `${name}-rai`,
            {
                resourceGroupName: args.resourceGroupName,
                accountName: this.account.name,
                raiPolicyName: "aiguard-strict",
                properties: {
                    basePolicyName: "Microsoft.DefaultV2",
                    mode: "Default",
                    contentFilters: [
                        ...harmFilters.flatMap((filter) =>
                            (["Prompt", "Completion"] as const).map((source) => ({
                                name: filter,
                                source,
                                enabled: true,
                                blocking: true,
                                severityThreshold,
                            })),
                        ),
                        { name: "Jailbreak", source: "Prompt", enabled: true, blocking: true },
                        { name: "Indirect Attack", source: "Prompt", enabled: true, blocking: true },
                        { name: "Protected Material Text", source: "Completion", enabled: true, blocking: true },
                        { name: "Protected Material Code", source: "Completion", enabled: true, blocking: true },
                    ],
                },
                tags,
            },
            { parent: this.account },
        );
    }

    private deployment(
        name: string,
        d: ModelDeployment,
        args: AiServicesAccountArgs,
        tags: Record<string, string>,
        after: pulumi.Resource,
    ): azure.cognitiveservices.Deployment {
        return new azure.cognitiveservices.Deployment(
            `${name}-${d.name}`,
            {
                resourceGroupName: args.resourceGroupName,
                accountName: this.account.name,
                deploymentName: d.name,
                sku: { name: d.sku ?? "Standard", capacity: d.capacity ?? 10 },
                properties: {
                    model: { format: d.format ?? "OpenAI", name: d.model, version: d.version },
                    versionUpgradeOption: "NoAutoUpgrade",
                    // The literal name keeps the binding visible during preview; dependsOn orders creation.
                    raiPolicyName: this.raiPolicyName,
                },
                tags,
            },
            { parent: this.account, dependsOn: [after] },
        );
    }
}
