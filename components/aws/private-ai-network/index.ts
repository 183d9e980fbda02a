import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { ArgumentError, aiTags, validateFor } from "../../shared/validation";
import { awsPlace } from "../shared/place";

const type = "aiguard:aws:PrivateAiNetwork";

/** Interface endpoints an AI workload commonly needs once it has no internet path. */
export const defaultInterfaceServices: readonly string[] = [
    "sagemaker.api",
    "sagemaker.runtime",
    "bedrock",
    "bedrock-runtime",
    "bedrock-agent",
    "bedrock-agent-runtime",
    "sts",
    "logs",
    "kms",
    "ecr.api",
    "ecr.dkr",
];

export interface PrivateAiNetworkArgs {
    /** VPC address range. @default "10.40.0.0/16" */
    readonly cidrBlock?: string;
    /**
     * Availability zones of the provider's region, one private subnet each, e.g. `["eu-central-1a", "eu-central-1b"]`.
     * @default the first two zones the provider's region offers without opt-in
     */
    readonly availabilityZones?: readonly string[];
    /**
     * Services to reach through interface endpoints (the part after `com.amazonaws.<region>.`); add
     * `"notebook"` and `"studio"` for SageMaker notebook instances and Studio domains.
     * @default defaultInterfaceServices
     */
    readonly interfaceServices?: readonly string[];
    /**
     * Security groups of named callers of the AI system admitted to the workload on HTTPS. A business
     * system's group here is flagged by ai-sg-no-public-ingress: give a business caller an
     * ApprovedModelAccess instead. @default none
     */
    readonly allowedCallerSecurityGroupIds?: readonly pulumi.Input<string>[];
    readonly tags?: Readonly<Record<string, string>>;
}

export function validatePrivateAiNetworkArgs(args: PrivateAiNetworkArgs): void {
    const cidr = args.cidrBlock ?? "10.40.0.0/16";
    const m = /^(\d+)\.(\d+)\.\d+\.\d+\/(\d+)$/.exec(cidr);
    if (!m || Number(m[3]) < 16 || Number(m[3]) > 24) {
        throw new ArgumentError(
            type,
            "cidrBlock",
            `is '${cidr}'; allowed: an IPv4 range from /16 to /24, e.g. '10.40.0.0/16'`,
        );
    }
    if (
        args.availabilityZones !== undefined &&
        (args.availabilityZones.length < 1 || args.availabilityZones.length > 6)
    ) {
        throw new ArgumentError(
            type,
            "availabilityZones",
            `has ${args.availabilityZones.length} zones; allowed: 1 to 6`,
        );
    }
    for (const [i, zone] of (args.availabilityZones ?? []).entries()) {
        if (!zoneShape.test(zone)) {
            throw new ArgumentError(
                type,
                `availabilityZones[${i}]`,
                `is '${zone}'; allowed: a zone name such as 'eu-central-1a' (not a zone ID such as 'euc1-az1')`,
            );
        }
    }
    if (new Set(args.availabilityZones ?? []).size !== (args.availabilityZones ?? []).length) {
        throw new ArgumentError(type, "availabilityZones", "names a zone twice; allowed: distinct zones");
    }
    for (const [i, service] of (args.interfaceServices ?? []).entries()) {
        if (!/^[a-z0-9]+([.-][a-z0-9]+)*$/.test(service) || service.includes("amazonaws")) {
            throw new ArgumentError(
                type,
                `interfaceServices[${i}]`,
                `is '${service}'; allowed: the service part of an endpoint service name, e.g. 'bedrock-runtime'`,
            );
        }
    }
}

/**
 * The endpoint service name of a service. The SageMaker notebook and Studio endpoints (which reach
 * notebook instances and Studio from inside the VPC) are named `aws.sagemaker.<region>.<service>`;
 * every other service `<reverse DNS prefix>.<region>.<service>`.
 */
function interfaceServiceName(
    service: string,
    reverseDnsPrefix: pulumi.Output<string>,
    region: pulumi.Output<string>,
): pulumi.Output<string> {
    return service === "notebook" || service === "studio"
        ? pulumi.interpolate`aws.sagemaker.${region}.${service}`
        : pulumi.interpolate`${reverseDnsPrefix}.${region}.${service}`;
}

/** A zone name: the region name and one letter. */
const zoneShape = /^[a-z]{2}(-[a-z]+)+-\d[a-z]$/;

/** Splits a /N range into /N+4 subnets (up to 16), enough for one private subnet per zone. */
function subnetCidr(cidr: string, index: number): string {
    const [base, bits] = cidr.split("/") as [string, string];
    const octets = base.split(".").map(Number);
    const prefix = Number(bits) + 4;
    const size = 2 ** (32 - prefix);
    const start =
        (octets[0] as number) * 2 ** 24 +
        (octets[1] as number) * 2 ** 16 +
        (octets[2] as number) * 2 ** 8 +
        (octets[3] as number) +
        index * size;
    return `${[24, 16, 8, 0].map((s) => Math.floor(start / 2 ** s) % 256).join(".")}/${prefix}`;
}

/**
 * A VPC for AI workloads with no route to the internet: private subnets, interface endpoints for the
 * AI and supporting services, an S3 gateway endpoint, endpoint policies limited to this account, and
 * security groups that admit only named callers.
 */
export class PrivateAiNetwork extends pulumi.ComponentResource {
    readonly vpc: aws.ec2.Vpc;
    readonly subnets: aws.ec2.Subnet[];
    /** Attach this to SageMaker models, notebooks and agents. */
    readonly workloadSecurityGroup: aws.ec2.SecurityGroup;
    readonly endpointSecurityGroup: aws.ec2.SecurityGroup;
    readonly subnetIds: pulumi.Output<string>[];

    constructor(name: string, args: PrivateAiNetworkArgs = {}, opts?: pulumi.ComponentResourceOptions) {
        super(type, name, {}, opts);
        validateFor(name, () => validatePrivateAiNetworkArgs(args));
        const tags = aiTags(args.tags);
        const cidr = args.cidrBlock ?? "10.40.0.0/16";
        const place = awsPlace(this);
        const { region, accountId } = place;
        // Zones come from the provider's region; given zones must belong to it, which is known only
        // once the region is, so the check runs there and fails the preview naming the argument.
        const offered = aws.getAvailabilityZonesOutput(
            { state: "available", filters: [{ name: "opt-in-status", values: ["opt-in-not-required"] }] },
            { parent: this },
        );
        const zones: pulumi.Output<string>[] = args.availabilityZones
            ? args.availabilityZones.map((zone, i) =>
                  region.apply((r) => {
                      if (zone.slice(0, -1) !== r) {
                          throw new ArgumentError(
                              type,
                              `availabilityZones[${i}]`,
                              `is '${zone}'; allowed: a zone of the provider's region ${r}`,
                              name,
                          );
                      }
                      return zone;
                  }),
              )
            : [0, 1].map((i) =>
                  offered.names.apply((names) => {
                      const zone = names[i];
                      if (zone === undefined) {
                          throw new ArgumentError(
                              type,
                              "availabilityZones",
                              `is not given and the region offers ${names.length} zone(s); pass the zones to use`,
                              name,
                          );
                      }
                      return zone;
                  }),
              );
        // Earlier versions named default subnets after the stack's configured region; the alias keeps
        // those subnets in place rather than replacing them.
        const legacyRegion = aws.config.region ?? "us-east-1";
        const subnetName = (i: number) =>
            args.availabilityZones ? `${name}-private-${args.availabilityZones[i]}` : `${name}-private-${i + 1}`;
        const legacyName = (i: number) => `${name}-private-${legacyRegion}${"ab"[i]}`;

        this.vpc = new aws.ec2.Vpc(
            name,
            { cidrBlock: cidr, enableDnsHostnames: true, enableDnsSupport: true, tags },
            { parent: this },
        );
        const vpcOpts = { parent: this.vpc };
        const routeTable = new aws.ec2.RouteTable(`${name}-private`, { vpcId: this.vpc.id, tags }, vpcOpts);
        this.subnets = zones.map((zone, i) => {
            const subnet = new aws.ec2.Subnet(
                subnetName(i),
                {
                    vpcId: this.vpc.id,
                    cidrBlock: subnetCidr(cidr, i),
                    availabilityZone: zone,
                    mapPublicIpOnLaunch: false,
                    tags,
                },
                args.availabilityZones ? vpcOpts : { ...vpcOpts, aliases: [{ name: legacyName(i) }] },
            );
            new aws.ec2.RouteTableAssociation(
                subnetName(i),
                { subnetId: subnet.id, routeTableId: routeTable.id },
                args.availabilityZones ? { parent: subnet } : { parent: subnet, aliases: [{ name: legacyName(i) }] },
            );
            return subnet;
        });
        this.subnetIds = this.subnets.map((s) => s.id);

        this.endpointSecurityGroup = new aws.ec2.SecurityGroup(
            `${name}-endpoints`,
            { vpcId: this.vpc.id, description: "VPC interface endpoints of the AI network", tags },
            vpcOpts,
        );
        this.workloadSecurityGroup = new aws.ec2.SecurityGroup(
            `${name}-workload`,
            { vpcId: this.vpc.id, description: "AI workloads", tags },
            vpcOpts,
        );
        new aws.vpc.SecurityGroupIngressRule(
            `${name}-endpoints-from-workload`,
            {
                securityGroupId: this.endpointSecurityGroup.id,
                referencedSecurityGroupId: this.workloadSecurityGroup.id,
                ipProtocol: "tcp",
                fromPort: 443,
                toPort: 443,
                tags,
            },
            { parent: this.endpointSecurityGroup },
        );
        new aws.vpc.SecurityGroupEgressRule(
            `${name}-workload-to-endpoints`,
            {
                securityGroupId: this.workloadSecurityGroup.id,
                referencedSecurityGroupId: this.endpointSecurityGroup.id,
                ipProtocol: "tcp",
                fromPort: 443,
                toPort: 443,
                tags,
            },
            { parent: this.workloadSecurityGroup },
        );
        (args.allowedCallerSecurityGroupIds ?? []).forEach((caller, i) => {
            new aws.vpc.SecurityGroupIngressRule(
                `${name}-caller-${i}`,
                {
                    securityGroupId: this.workloadSecurityGroup.id,
                    referencedSecurityGroupId: caller,
                    ipProtocol: "tcp",
                    fromPort: 443,
                    toPort: 443,
                    tags,
                },
                { parent: this.workloadSecurityGroup },
            );
        });

        const accountOnlyPolicy = pulumi.jsonStringify({
            Version: "2012-10-17",
            Statement: [
                {
                    Effect: "Allow",
                    Principal: { AWS: "*" },
                    Action: "*",
                    Resource: "*",
                    Condition: { StringEquals: { "aws:PrincipalAccount": accountId } },
                },
            ],
        });
        const s3 = new aws.ec2.VpcEndpoint(
            `${name}-s3`,
            {
                vpcId: this.vpc.id,
                serviceName: pulumi.interpolate`${place.reverseDnsPrefix}.${region}.s3`,
                vpcEndpointType: "Gateway",
                routeTableIds: [routeTable.id],
                policy: accountOnlyPolicy,
                tags,
            },
            vpcOpts,
        );
        new aws.vpc.SecurityGroupEgressRule(
            `${name}-workload-to-s3`,
            {
                securityGroupId: this.workloadSecurityGroup.id,
                prefixListId: s3.prefixListId,
                ipProtocol: "tcp",
                fromPort: 443,
                toPort: 443,
                tags,
            },
            { parent: this.workloadSecurityGroup },
        );
        for (const service of args.interfaceServices ?? defaultInterfaceServices) {
            new aws.ec2.VpcEndpoint(
                `${name}-${service.replace(/\./g, "-")}`,
                {
                    vpcId: this.vpc.id,
                    serviceName: interfaceServiceName(service, place.reverseDnsPrefix, region),
                    vpcEndpointType: "Interface",
                    privateDnsEnabled: true,
                    subnetIds: this.subnetIds,
                    securityGroupIds: [this.endpointSecurityGroup.id],
                    policy: accountOnlyPolicy,
                    tags,
                },
                vpcOpts,
            );
        }
        this.registerOutputs({
            vpcId: this.vpc.id,
            subnetIds: this.subnetIds,
            workloadSecurityGroupId: this.workloadSecurityGroup.id,
        });
    }
}
