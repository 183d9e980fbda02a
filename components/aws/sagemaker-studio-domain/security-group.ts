import * as aws from "@pulumi/aws";
import type * as pulumi from "@pulumi/pulumi";
import type { PrivateAiNetwork } from "../private-ai-network";

/**
 * The Studio domain's own security group. In VpcOnly mode Studio needs NFS (TCP 2049) to the home
 * EFS volume and TCP 8192-65535 between its apps, both within the group; nothing else is opened,
 * and the network's workload group (also attached) carries the traffic to the VPC endpoints.
 */
export function studioSecurityGroup(
    parent: pulumi.Resource,
    name: string,
    network: PrivateAiNetwork,
    tags: Record<string, string>,
): aws.ec2.SecurityGroup {
    const group = new aws.ec2.SecurityGroup(
        `${name}-studio`,
        { vpcId: network.vpc.id, description: "SageMaker Studio apps and home volume", tags },
        { parent },
    );
    const within = [
        ["nfs", 2049, 2049],
        ["apps", 8192, 65535],
    ] as const;
    for (const [purpose, fromPort, toPort] of within) {
        const rule = {
            securityGroupId: group.id,
            referencedSecurityGroupId: group.id,
            ipProtocol: "tcp",
            fromPort,
            toPort,
            tags,
        };
        new aws.vpc.SecurityGroupIngressRule(`${name}-studio-${purpose}-in`, rule, { parent: group });
        new aws.vpc.SecurityGroupEgressRule(`${name}-studio-${purpose}-out`, rule, { parent: group });
    }
    return group;
}
