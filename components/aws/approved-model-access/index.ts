import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { ArgumentError, aiTags, validateFor } from "../../shared/validation";
import { BedrockAgent } from "../bedrock-agent";
import { BedrockGuardrail } from "../bedrock-guardrail";
import { BedrockInvocationLogging } from "../bedrock-invocation-logging";
import { PrivateAiNetwork } from "../private-ai-network";
import { SageMakerInferenceEndpoint } from "../sagemaker-inference-endpoint";
import { foundationModelArn, requireFoundationModelId } from "../shared/bedrock";
import { awsPlace } from "../shared/place";

const type = "aiguard:aws:ApprovedModelAccess";

/** The one model the caller may invoke, and the invocation log the path relies on. */
export type ApprovedModelTarget =
    /** A SageMaker endpoint: its data capture logs every request and response. */
    | { readonly sagemakerEndpoint: SageMakerInferenceEndpoint }
    /**
     * A Bedrock foundation model by id: Bedrock model invocation logging records the calls, and the grant
     * holds only for calls that apply `guardrail`'s pinned version (bedrock:GuardrailIdentifier).
     */
    | {
          readonly bedrockModelId: string;
          readonly invocationLogging: BedrockInvocationLogging;
          readonly guardrail: BedrockGuardrail;
      }
    /** A Bedrock agent, through its alias: invocation logging records the agent's model calls. */
    | { readonly bedrockAgent: BedrockAgent; readonly invocationLogging: BedrockInvocationLogging };

export interface ApprovedModelAccessArgs {
    /** The AI network whose VPC and private subnets hold the caller's endpoint. */
    readonly network: PrivateAiNetwork;
    readonly target: ApprovedModelTarget;
    /** ARN of the caller's IAM role, e.g. `arn:aws:iam::111122223333:role/orders-service`; it gets the only grant. */
    readonly callerRoleArn: pulumi.Input<string>;
    /** Security group of the caller, admitted to the endpoint on HTTPS (443) only. */
    readonly callerSecurityGroupId: pulumi.Input<string>;
    /** Tags for the endpoint and its security group; `aiguard:system=ai` is always added. */
    readonly tags?: Readonly<Record<string, string>>;
}

const roleArnShape = /^arn:aws[a-z-]*:iam::\d{12}:role\/(?:[\w+=,.@-]+\/)*([\w+=,.@-]{1,64})$/;

/** Checks every argument that is known at construction. Exported for tests. */
export function validateApprovedModelAccessArgs(args: ApprovedModelAccessArgs): void {
    if (!(args.network instanceof PrivateAiNetwork)) {
        throw new ArgumentError(
            type,
            "network",
            "is not a PrivateAiNetwork; allowed: the PrivateAiNetwork of the model",
        );
    }
    const t = args.target as Partial<Record<string, unknown>> | undefined;
    const kinds = ["sagemakerEndpoint", "bedrockModelId", "bedrockAgent"].filter((k) => t?.[k] !== undefined);
    if (kinds.length !== 1) {
        throw new ArgumentError(
            type,
            "target",
            `names ${kinds.length === 0 ? "no model" : kinds.join(" and ")}; allowed: exactly one of sagemakerEndpoint, bedrockModelId, bedrockAgent`,
        );
    }
    if ("sagemakerEndpoint" in args.target && !(args.target.sagemakerEndpoint instanceof SageMakerInferenceEndpoint)) {
        throw new ArgumentError(type, "target.sagemakerEndpoint", "is not a SageMakerInferenceEndpoint");
    }
    if ("bedrockAgent" in args.target && !(args.target.bedrockAgent instanceof BedrockAgent)) {
        throw new ArgumentError(type, "target.bedrockAgent", "is not a BedrockAgent");
    }
    if ("bedrockModelId" in args.target) {
        requireFoundationModelId(type, "target.bedrockModelId", args.target.bedrockModelId);
        if (!(args.target.guardrail instanceof BedrockGuardrail)) {
            throw new ArgumentError(
                type,
                "target.guardrail",
                "is not a BedrockGuardrail; allowed: the guardrail every call to the model must apply",
            );
        }
    }
    if (
        ("bedrockModelId" in args.target || "bedrockAgent" in args.target) &&
        !(args.target.invocationLogging instanceof BedrockInvocationLogging)
    ) {
        throw new ArgumentError(
            type,
            "target.invocationLogging",
            "is not a BedrockInvocationLogging; allowed: the account's invocation logging, so every call is recorded",
        );
    }
    if (typeof args.callerRoleArn === "string" && !roleArnShape.test(args.callerRoleArn)) {
        throw new ArgumentError(
            type,
            "callerRoleArn",
            `is '${args.callerRoleArn}'; allowed: an IAM role ARN such as 'arn:aws:iam::111122223333:role/orders-service'`,
        );
    }
    if (typeof args.callerSecurityGroupId === "string" && !/^sg-[0-9a-f]{8,17}$/.test(args.callerSecurityGroupId)) {
        throw new ArgumentError(
            type,
            "callerSecurityGroupId",
            `is '${args.callerSecurityGroupId}'; allowed: a security group id such as 'sg-0123456789abcdef0'`,
        );
    }
}

interface Route {
    /** Endpoint service, after `com.amazonaws.<region>.`. */
    readonly service: string;
    readonly actions: readonly string[];
    readonly resource: pulumi.Input<string>;
    /** `<guardrail ARN>:<version>` the caller's requests must apply, for a direct model call. */
    readonly guardrail?: pulumi.Input<string>;
}

/**
 * The approved path from one business caller to one model: a dedicated interface VPC endpoint in the
 * AI network's private subnets, whose security group admits only the caller's security group and only
 * on 443, whose endpoint policy lets only the caller's role invoke only that model, and a grant on the
 * caller's role that holds only through that endpoint (aws:SourceVpce). The pack recognizes this shape
 * and accepts it; any wider port, principal, resource or unconditioned grant is flagged.
 */
export class ApprovedModelAccess extends pulumi.ComponentResource {
    readonly securityGroup: aws.ec2.SecurityGroup;
    readonly endpoint: aws.ec2.VpcEndpoint;
    readonly grant: aws.iam.RolePolicy;
    /** The endpoint's own DNS name: point the caller's SDK at `https://<this>`. */
    readonly endpointDnsName: pulumi.Output<string>;

    constructor(name: string, args: ApprovedModelAccessArgs, opts?: pulumi.ComponentResourceOptions) {
        super(type, name, {}, opts);
        validateFor(name, () => validateApprovedModelAccessArgs(args));
        const tags = aiTags(args.tags);
        const place = awsPlace(this);
        const t = args.target;
        const route: Route =
            "sagemakerEndpoint" in t
                ? {
                      service: "sagemaker.runtime",
                      actions: ["sagemaker:InvokeEndpoint"],
                      resource: t.sagemakerEndpoint.endpoint.arn,
                  }
                : "bedrockModelId" in t
                  ? {
                        service: "bedrock-runtime",
                        actions: ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"],
                        resource: foundationModelArn(place, t.bedrockModelId),
                        guardrail: pulumi.interpolate`${t.guardrail.guardrailArn}:${t.guardrail.version.version}`,
                    }
                  : {
                        service: "bedrock-agent-runtime",
                        actions: ["bedrock:InvokeAgent"],
                        resource: t.bedrockAgent.aliasArn,
                    };

        const vpcOpts = { parent: this };
        this.securityGroup = new aws.ec2.SecurityGroup(
            `${name}-access`,
            {
                vpcId: args.network.vpc.id,
                description: `Approved access of one caller to ${route.service}`,
                tags,
            },
            vpcOpts,
        );
        new aws.vpc.SecurityGroupIngressRule(
            `${name}-from-caller`,
            {
                securityGroupId: this.securityGroup.id,
                referencedSecurityGroupId: args.callerSecurityGroupId,
                ipProtocol: "tcp",
                fromPort: 443,
                toPort: 443,
                tags,
            },
            { parent: this.securityGroup },
        );
        this.endpoint = new aws.ec2.VpcEndpoint(
            name,
            {
                vpcId: args.network.vpc.id,
                serviceName: pulumi.interpolate`${place.reverseDnsPrefix}.${place.region}.${route.service}`,
                vpcEndpointType: "Interface",
                // The network's own endpoint of this service holds the private DNS name; the caller
                // addresses this one by its endpoint-specific name.
                privateDnsEnabled: false,
                subnetIds: args.network.subnetIds,
                securityGroupIds: [this.securityGroup.id],
                policy: pulumi.jsonStringify({
                    Version: "2012-10-17",
                    Statement: [
                        {
                            Sid: "OnlyTheCallerInvokesOnlyTheModel",
                            Effect: "Allow",
                            Principal: { AWS: args.callerRoleArn },
                            Action: route.actions,
                            Resource: route.resource,
                        },
                    ],
                }),
                tags,
            },
            { parent: this.securityGroup },
        );
        const roleName = pulumi.output(args.callerRoleArn).apply((arn) => {
            const m = roleArnShape.exec(arn);
            if (!m) {
                throw new ArgumentError(type, "callerRoleArn", `is '${arn}'; allowed: an IAM role ARN`, name);
            }
            return m[1] as string;
        });
        this.grant = new aws.iam.RolePolicy(
            `${name}-grant`,
            {
                role: roleName,
                policy: {
                    Version: "2012-10-17" as const,
                    Statement: [
                        {
                            Sid: "InvokeOnlyThroughTheApprovedEndpoint",
                            Effect: "Allow" as const,
                            Action: [...route.actions],
                            Resource: route.resource,
                            Condition: {
                                StringEquals: {
                                    "aws:SourceVpce": this.endpoint.id,
                                    // A direct model call must apply the guardrail: a caller cannot skip it.
                                    ...(route.guardrail ? { "bedrock:GuardrailIdentifier": route.guardrail } : {}),
                                },
                            },
                        },
                    ],
                },
            },
            { parent: this },
        );
        this.endpointDnsName = this.endpoint.dnsEntries.apply((entries) => entries[0]?.dnsName ?? "");
        this.registerOutputs({
            endpointId: this.endpoint.id,
            endpointDnsName: this.endpointDnsName,
            securityGroupId: this.securityGroup.id,
        });
    }
}
