// The one place that decides which resources belong to the AI system and which to business systems.
//
// Signals, strongest first:
//  1. tags: a tag selector for business or AI (default `aiguard:system` = `business` | `ai`);
//  2. the resource type: AI service resources belong to the AI system;
//  3. references: a store, key, role, security group, subnet, NSG, registry or log sink that an AI
//     resource references (through property dependencies or dependencies) belongs to the AI system,
//     and so does a private endpoint that connects to an AI resource;
//  4. front doors: compute and gateways configured with an AI workload, and what they reference
//     and write (tables, and the log groups their code logs prompts and completions to).
// Only forward references from AI resources propagate, so a shared VPC or VNet is never pulled in.

import { trustedAiService } from "./ai-service-principals";
import type { StackResource } from "./definition";
import { logGroupNamesOf, logGroupsByName, logGroupType, namedAfter } from "./front-door-logs";
import { acceleratedComputeReason, selfHostedComputeTypes } from "./self-hosted-compute";
import type { Layer } from "./vocabulary";

/** Tag key to the values that select it: one value, several, or `"*"` for any value. */
export type TagSelectors = Readonly<Record<string, string | readonly string[]>>;

export interface ClassificationConfig {
    readonly aiTags?: TagSelectors;
    readonly businessTags?: TagSelectors;
}

export const defaultAiTags: TagSelectors = { "aiguard:system": "ai" };
export const defaultBusinessTags: TagSelectors = { "aiguard:system": "business" };

export type Membership = "ai" | "business";

export interface Classification {
    membership(r: StackResource): Membership | undefined;
    isAi(r: StackResource): boolean;
    isBusiness(r: StackResource): boolean;
    /**
     * The shared-responsibility layer of what this resource guards, for a network, identity or
     * front-door resource of the AI system: the layer of the AI workload it serves (a security group
     * of a SageMaker endpoint is `paas`, the role of a Bedrock agent `fm-api`). Undefined for stores,
     * keys, registries and log sinks, which keep their policy's layer, and when nothing decides it.
     */
    layerOf(r: StackResource): Layer | undefined;
    /** Whether the stack has an AI system at all; without one, no policy has anything to judge. */
    hasAi(): boolean;
    /** Why a resource counts as AI, for messages ("referenced by SageMaker model 'm'"). */
    reason(r: StackResource): string | undefined;
}

/** Type-token prefixes of AI services. */
const aiServicePrefixes: readonly string[] = [
    "aws:sagemaker/",
    "aws:bedrock/",
    "aws:bedrockmodel/",
    "aws:comprehend/",
    "aws:kendra/",
    "azure-native:cognitiveservices:",
    "azure-native:machinelearningservices:",
    "azure-native:search:",
];

/** Stores of chat history and application state that front doors reference: AI data. */
const frontDoorDataTypes: readonly string[] = ["aws:dynamodb/table:Table", "azure-native:documentdb:DatabaseAccount"];

/** Load balancers and target groups (both type families of the AWS provider). */
const loadBalancingTypes: readonly string[] = [
    "aws:lb/loadBalancer:LoadBalancer",
    "aws:alb/loadBalancer:LoadBalancer",
    "aws:lb/targetGroup:TargetGroup",
    "aws:alb/targetGroup:TargetGroup",
];

/** Types that become AI when an AI resource references them. */
const supportTypes: ReadonlySet<string> = new Set([
    "aws:s3/bucket:Bucket",
    "aws:s3/bucketV2:BucketV2",
    "aws:kms/key:Key",
    "aws:iam/role:Role",
    "aws:ec2/securityGroup:SecurityGroup",
    "aws:ec2/subnet:Subnet",
    "aws:ecr/repository:Repository",
    "aws:cloudwatch/logGroup:LogGroup",
    "azure-native:storage:StorageAccount",
    "azure-native:storage:BlobContainer",
    "azure-native:keyvault:Vault",
    "azure-native:keyvault:Key",
    "azure-native:containerregistry:Registry",
    "azure-native:managedidentity:UserAssignedIdentity",
    "azure-native:network:Subnet",
    "azure-native:network:NetworkSecurityGroup",
    "azure-native:network:SecurityRule",
    "azure-native:operationalinsights:Workspace",
    // An API reached through an integration that calls a model.
    "aws:apigateway/restApi:RestApi",
    "aws:apigatewayv2/api:Api",
    // Front-door data and load balancing: tables and accounts a front door reads and writes (chat
    // history), and the load balancers and target groups that route to AI compute.
    ...frontDoorDataTypes,
    ...loadBalancingTypes,
    // Self-hosted models: the cluster an accelerated node group or pool joins, the launch template
    // it starts from, and the network interface of an accelerated VM.
    "aws:eks/cluster:Cluster",
    "aws:ec2/launchTemplate:LaunchTemplate",
    "azure-native:containerservice:ManagedCluster",
    "azure-native:network:NetworkInterface",
]);

/**
 * Compute that fronts a model: a function, app or task whose configuration references an AI
 * workload (an environment variable or app setting holding an endpoint name or URL). It joins the
 * AI system as its front door, and carries membership on to what it references (its role). An ECS
 * service running a front-door task definition is one too.
 */
const frontDoorTypes: ReadonlySet<string> = new Set([
    "aws:lambda/function:Function",
    "aws:ecs/taskDefinition:TaskDefinition",
    "aws:ecs/service:Service",
    "azure-native:web:WebApp",
    "azure-native:app:ContainerApp",
]);

/**
 * Resources that only configure another one (a repository policy, a bucket policy) and the property
 * naming it: they belong to the system of what they configure.
 */
const attachmentTargets: Readonly<Record<string, string>> = {
    "aws:ecr/repositoryPolicy:RepositoryPolicy": "repository",
    "aws:ecr/lifecyclePolicy:LifecyclePolicy": "repository",
    // The public URL and the authentication settings of a front door.
    "aws:lambda/functionUrl:FunctionUrl": "functionName",
    "azure-native:web:WebAppAuthSettingsV2": "name",
    "azure-native:app:ContainerAppsAuthConfig": "containerAppName",
    // The app settings of a front-door web or function app, set as a separate resource.
    "azure-native:web:WebAppApplicationSettings": "name",
};

/** API Gateway integrations and the property holding their target. */
const integrationTargets: Readonly<Record<string, string>> = {
    "aws:apigateway/integration:Integration": "uri",
    "aws:apigatewayv2/integration:Integration": "integrationUri",
};

/** Service URIs of model runtimes, e.g. `arn:aws:apigateway:us-east-1:bedrock-runtime:path/...`. */
export const modelServiceUri = /:(bedrock-runtime|bedrock-agent-runtime|runtime\.sagemaker|bedrock-agentcore):/i;

/** The API of an API Gateway resource: REST resources name it `restApi`, HTTP and WebSocket ones `apiId`. */
const apiProps = ["restApi", "apiId"] as const;

function isApiGatewayType(type: string): boolean {
    return type.startsWith("aws:apigateway/") || type.startsWith("aws:apigatewayv2/");
}

/**
 * Support types whose references still belong to the AI system (a subnet's NSG; the subnets, role
 * and key of a cluster that runs a model; the subnet and public IP of a model VM's interface).
 */
const carrierTypes: ReadonlySet<string> = new Set([
    "azure-native:network:Subnet",
    "aws:eks/cluster:Cluster",
    "azure-native:containerservice:ManagedCluster",
    "azure-native:network:NetworkInterface",
]);

/** Connector types that join the AI system when they connect to an AI resource. */
const connectorTypes: ReadonlySet<string> = new Set([
    "azure-native:network:PrivateEndpoint",
    "aws:ec2/vpcEndpoint:VpcEndpoint",
    // A listener forwarding to an AI target group, a target group attachment of AI compute, a web
    // ACL association of an AI load balancer.
    "aws:lb/listener:Listener",
    "aws:alb/listener:Listener",
    "aws:lb/targetGroupAttachment:TargetGroupAttachment",
    "aws:alb/targetGroupAttachment:TargetGroupAttachment",
    "aws:wafv2/webAclAssociation:WebAclAssociation",
]);

const privateEndpointType = "azure-native:network:PrivateEndpoint";
/** An API Management service: a gateway in front of models, entered through its own private endpoints. */
const apimType = "azure-native:apimanagement:ApiManagementService";

/** AWS managed policies that grant an AI service (Bedrock, AgentCore, SageMaker). */
const aiManagedPolicyArn =
    /^arn:aws[a-z-]*:iam::aws:policy\/(?:service-role\/)?(?:AmazonBedrock|BedrockAgentCore|AmazonSageMaker)/i;

/** IAM resources that attach a policy, and where they name it. */
const policyArnProps: Readonly<Record<string, string>> = {
    "aws:iam/role:Role": "managedPolicyArns",
    "aws:iam/rolePolicyAttachment:RolePolicyAttachment": "policyArn",
    "aws:iam/userPolicyAttachment:UserPolicyAttachment": "policyArn",
    "aws:iam/groupPolicyAttachment:GroupPolicyAttachment": "policyArn",
    "aws:iam/policyAttachment:PolicyAttachment": "policyArn",
};

/** The AWS managed AI-service policy an IAM resource attaches, if any: it is an identity of the AI system. */
function grantedAiPolicy(r: StackResource): string | undefined {
    const prop = policyArnProps[r.type];
    if (!prop) {
        return undefined;
    }
    const v = r.get(prop);
    if (v.state !== "known") {
        return undefined;
    }
    const arns = Array.isArray(v.value) ? v.value : [v.value];
    const hit = arns.find((a): a is string => typeof a === "string" && aiManagedPolicyArn.test(a));
    return hit?.split("/").pop();
}

/** The layer of each AI service, by type-token prefix. */
const serviceLayers: ReadonlyArray<readonly [string, Layer]> = [
    ["aws:sagemaker/", "paas"],
    ["aws:bedrock/", "fm-api"],
    ["aws:bedrockmodel/", "fm-api"],
    ["aws:comprehend/", "fm-api"],
    ["aws:kendra/", "data-plane"],
    ["azure-native:cognitiveservices:", "fm-api"],
    ["azure-native:machinelearningservices:", "paas"],
    ["azure-native:search:", "data-plane"],
];

/** Stores, keys, registries and log sinks: their findings keep the layer their policy declares. */
const dataTypes: ReadonlySet<string> = new Set([
    "aws:s3/bucket:Bucket",
    "aws:s3/bucketV2:BucketV2",
    "aws:kms/key:Key",
    "aws:ecr/repository:Repository",
    "aws:cloudwatch/logGroup:LogGroup",
    "azure-native:storage:StorageAccount",
    "azure-native:storage:BlobContainer",
    "azure-native:keyvault:Vault",
    "azure-native:keyvault:Key",
    "azure-native:containerregistry:Registry",
    "azure-native:operationalinsights:Workspace",
    ...frontDoorDataTypes,
]);

function serviceLayer(type: string): Layer | undefined {
    return serviceLayers.find(([prefix]) => type.startsWith(prefix))?.[1];
}

export function isAiServiceType(type: string): boolean {
    return aiServicePrefixes.some((p) => type.startsWith(p));
}

function tagMap(r: StackResource, prop: string): Record<string, unknown> | undefined {
    const tags = r.get(prop);
    return tags.state === "known" && typeof tags.value === "object" && !Array.isArray(tags.value)
        ? (tags.value as Record<string, unknown>)
        : undefined;
}

/**
 * The resource's tags. On AWS, tags set through the provider's `defaultTags` appear only in the
 * `tagsAll` output, so both are read; the resource's own `tags` win on a conflict.
 */
export function tagsOf(r: StackResource): Record<string, unknown> | undefined {
    const own = tagMap(r, "tags");
    const all = tagMap(r, "tagsAll");
    return all ? { ...all, ...(own ?? {}) } : own;
}

export function matchesTags(tags: Record<string, unknown> | undefined, selectors: TagSelectors): boolean {
    if (!tags) {
        return false;
    }
    for (const [key, wanted] of Object.entries(selectors)) {
        if (!Object.hasOwn(tags, key)) {
            continue;
        }
        const actual = tags[key];
        if (typeof actual !== "string") {
            continue;
        }
        const values = typeof wanted === "string" ? [wanted] : wanted;
        if (values.some((w) => w === "*" || w.toLowerCase() === actual.toLowerCase())) {
            return true;
        }
    }
    return false;
}

/**
 * Self-hosted model compute (an accelerated instance, node group, node pool or VM) is AI in the
 * `iaas` layer; a role whose trust policy admits an AI service principal acts for that service.
 */
function selfHostedOrTrusted(
    r: StackResource,
    membership: Map<StackResource, Membership>,
    reasons: Map<StackResource, string>,
    layers: Map<StackResource, Layer>,
): void {
    const compute = acceleratedComputeReason(r);
    if (compute) {
        membership.set(r, "ai");
        reasons.set(r, `self-hosted model compute: ${compute}`);
        layers.set(r, "iaas");
        return;
    }
    const trusted = trustedAiService(r);
    if (trusted) {
        membership.set(r, "ai");
        reasons.set(r, `its trust policy admits the AI service ${trusted.principal}`);
        layers.set(r, trusted.layer);
    }
}

function referencesOf(r: StackResource): StackResource[] {
    const out = new Set<StackResource>(r.dependencies);
    for (const deps of Object.values(r.propertyDependencies)) {
        for (const d of deps) {
            out.add(d);
        }
    }
    return [...out];
}

export function classify(resources: readonly StackResource[], config: ClassificationConfig): Classification {
    const aiTags = config.aiTags ?? defaultAiTags;
    const businessTags = config.businessTags ?? defaultBusinessTags;
    const membership = new Map<StackResource, Membership>();
    const reasons = new Map<StackResource, string>();
    /** The AI workload layer each member serves: its own service's, or that of what pulled it in. */
    const layers = new Map<StackResource, Layer>();

    for (const r of resources) {
        const tags = tagsOf(r);
        if (matchesTags(tags, businessTags)) {
            membership.set(r, "business");
            reasons.set(r, "tagged as a business system");
        } else if (matchesTags(tags, aiTags)) {
            membership.set(r, "ai");
            reasons.set(r, "tagged as part of the AI system");
        } else if (isAiServiceType(r.type)) {
            membership.set(r, "ai");
            reasons.set(r, "an AI service resource");
        } else {
            const granted = grantedAiPolicy(r);
            if (granted) {
                membership.set(r, "ai");
                reasons.set(r, `attaches the AWS managed policy ${granted}`);
                layers.set(r, /^AmazonSageMaker/i.test(granted) ? "paas" : "fm-api");
            } else {
                selfHostedOrTrusted(r, membership, reasons, layers);
            }
        }
        const own = membership.get(r) === "ai" ? serviceLayer(r.type) : undefined;
        if (own) {
            layers.set(r, own);
        } else if (membership.get(r) === "ai" && selfHostedComputeTypes.includes(r.type)) {
            // Compute tagged as AI runs the model itself.
            layers.set(r, "iaas");
        }
    }

    // Grow the AI system: what an AI workload references (its stores, keys, roles, security groups,
    // subnets, log sinks), connectors (private endpoints) that reach it, front doors (compute
    // configured with an AI workload, API integrations that call one, and the rest of those APIs).
    // Support resources are leaves: an AI security group that admits another security group does not
    // make that group part of the AI system. Subnets carry membership on to their NSG.
    //
    // A worklist keeps this linear in resources plus references whatever their order: a resource is
    // looked at again only when something it references or that references it joins the AI system.
    const refs = new Map(resources.map((r) => [r, referencesOf(r)] as const));
    const referrers = new Map<StackResource, StackResource[]>();
    for (const [r, rs] of refs) {
        for (const d of rs) {
            const list = referrers.get(d);
            if (list) {
                list.push(r);
            } else {
                referrers.set(d, [r]);
            }
        }
    }
    const propagates = (r: StackResource) => !supportTypes.has(r.type) || carrierTypes.has(r.type);
    const isWorkload = (r: StackResource) => membership.get(r) === "ai" && !supportTypes.has(r.type);
    const isAi = (r: StackResource) => membership.get(r) === "ai";

    interface Join {
        readonly reason: string;
        /** The AI resource it joins through, whose layer it serves. */
        readonly via?: StackResource;
        /** The layer it serves when no resource of the stack decides it (a model runtime URI). */
        readonly layer?: Layer;
    }
    const through = (verb: string, target: StackResource | undefined, tail = ""): Join | undefined =>
        target && { reason: `${verb} ${target.type} '${target.name}'${tail}`, via: target };

    /** Why a resource outside any system joins the AI system now, if it does. */
    const joinReason = (r: StackResource): Join | undefined => {
        if (connectorTypes.has(r.type)) {
            // A private endpoint of an API Management gateway is how callers enter the gateway: it sits
            // in their network and carries their traffic in, never the gateway's out, so it stays theirs.
            return through(
                "connects to",
                (refs.get(r) ?? []).find((d) => isAi(d) && !(r.type === privateEndpointType && d.type === apimType)),
            );
        }
        if (r.type in attachmentTargets) {
            return through(
                "configures",
                (r.propertyDependencies[attachmentTargets[r.type] as string] ?? []).find(isAi),
            );
        }
        if (frontDoorTypes.has(r.type)) {
            return through("front door of", (refs.get(r) ?? []).find(isWorkload));
        }
        if (r.type in integrationTargets) {
            const prop = integrationTargets[r.type] as string;
            const target = (r.propertyDependencies[prop] ?? []).find(isWorkload);
            if (target) {
                return through("integration calling", target);
            }
            const uri = r.get(prop);
            if (uri.state === "known" && typeof uri.value === "string" && modelServiceUri.test(uri.value)) {
                return {
                    reason: "integration calling a model runtime service",
                    layer: /sagemaker/i.test(uri.value) ? "paas" : "fm-api",
                };
            }
            return undefined;
        }
        const writer = namedAfter(r);
        if (writer && isAi(writer) && frontDoorTypes.has(writer.type)) {
            return through("logs of front door", writer);
        }
        if (isApiGatewayType(r.type)) {
            const api = apiProps.flatMap((p) => r.propertyDependencies[p] ?? []).find(isAi);
            return through("part of", api, ", which fronts a model");
        }
        return undefined;
    };

    const logGroups = logGroupsByName(resources);
    const queue: StackResource[] = resources.filter(isAi);
    const join = (r: StackResource, j: Join) => {
        membership.set(r, "ai");
        reasons.set(r, j.reason);
        const layer = j.layer ?? (j.via ? layers.get(j.via) : undefined);
        if (layer) {
            layers.set(r, layer);
        }
        queue.push(r);
    };
    for (const r of resources) {
        const j = membership.has(r) ? undefined : joinReason(r);
        if (j) {
            join(r, j);
        }
    }
    for (let next = 0; next < queue.length; next++) {
        const r = queue[next] as StackResource;
        if (propagates(r)) {
            for (const d of refs.get(r) ?? []) {
                if (!membership.has(d) && (supportTypes.has(d.type) || connectorTypes.has(d.type))) {
                    const verb = !frontDoorTypes.has(r.type)
                        ? "referenced by"
                        : d.type === logGroupType
                          ? "logs of front door"
                          : dataTypes.has(d.type)
                            ? "data of front door"
                            : "referenced by";
                    join(d, { reason: `${verb} ${r.type} '${r.name}'`, via: r });
                } else if (isAi(d) && !layers.has(d) && layers.has(r)) {
                    // Tagged as AI, and also serving this workload: its findings take the workload's layer.
                    layers.set(d, layers.get(r) as Layer);
                    queue.push(d);
                }
            }
        }
        if (frontDoorTypes.has(r.type)) {
            // The log groups it writes to by name (its own /aws/lambda/<name>, an awslogs-group).
            for (const name of logGroupNamesOf(r)) {
                for (const g of logGroups.get(name) ?? []) {
                    if (!membership.has(g)) {
                        join(g, { reason: `logs of front door ${r.type} '${r.name}'`, via: r });
                    }
                }
            }
        }
        for (const u of referrers.get(r) ?? []) {
            const j = membership.has(u) ? undefined : joinReason(u);
            if (j) {
                join(u, j);
            }
        }
    }

    return {
        membership: (r) => membership.get(r),
        isAi: (r) => membership.get(r) === "ai",
        isBusiness: (r) => membership.get(r) === "business",
        reason: (r) => reasons.get(r),
        layerOf: (r) => (membership.get(r) === "ai" && !dataTypes.has(r.type) ? layers.get(r) : undefined),
        hasAi: () => {
            for (const m of membership.values()) {
                if (m === "ai") {
                    return true;
                }
            }
            return false;
        },
    };
}

/** Config schema entries shared by every policy that classifies. */
export const classificationSchema = {
    aiTags: {
        type: "object",
        description: 'Tags that mark a resource as part of the AI system: key to a value, a list of values, or "*".',
        additionalProperties: { anyOf: [{ type: "string" }, { type: "array", items: { type: "string" } }] },
        default: defaultAiTags,
    },
    businessTags: {
        type: "object",
        description: 'Tags that mark a resource as a business system: key to a value, a list of values, or "*".',
        additionalProperties: { anyOf: [{ type: "string" }, { type: "array", items: { type: "string" } }] },
        default: defaultBusinessTags,
    },
} as const;
