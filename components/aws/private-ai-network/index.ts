import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { ArgumentError, aiTags } from "../../shared/validation";

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
    /** Availability zones, one private subnet each. @default the first two zones of the provider's region ("a", "b") */
    readonly availabilityZones?: readonly string[];
    /** Services to reach through interface endpoints (the part after `com.amazonaws.<region>.`). @default defaultInterfaceServices */
    readonly interfaceServices?: readonly string[];
    /** Security groups of named callers admitted to the workload on HTTPS. @default none */
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
}

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
        validatePrivateAiNetworkArgs(args);
        const tags = aiTags(args.tags);
        const region = aws.config.region ?? "us-east-1";
        const zones = args.availabilityZones ?? [`${region}a`, `${region}b`];
        const cidr = args.cidrBlock ?? "10.40.0.0/16";
        const accountId = aws.getCallerIdentityOutput({}, { parent: this }).accountId;

        this.vpc = new aws.ec2.Vpc(
            name,
            { cidrBlock: cidr, enableDnsHostnames: true, enableDnsSupport: true, tags },
            { parent: this },
        );
        const vpcOpts = { parent: this.vpc };
        const routeTable = new aws.ec2.RouteTable(`${name}-private`, { vpcId: this.vpc.id, tags }, vpcOpts);
        this.subnets = zones.map((zone, i) => {
            const subnet = new aws.ec2.Subnet(
                `${name}-private-${zone}`,
                {
                    vpcId: this.vpc.id,
                    cidrBlock: subnetCidr(cidr, i),
                    availabilityZone: zone,
                    mapPublicIpOnLaunch: false,
                    tags,
                },
                vpcOpts,
            );
            new aws.ec2.RouteTableAssociation(
                `${name}-private-${zone}`,
                { subnetId: subnet.id, routeTableId: routeTable.id },
                { parent: subnet },
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
                serviceName: `com.amazonaws.${region}.s3`,
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
                    serviceName: `com.amazonaws.${region}.${service}`,
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
